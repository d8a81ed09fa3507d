import type { ViewOrientation } from './orientation-markers.js';

/** A scale bar: how long it is drawn and how many mm that is. */
export interface ScaleBar {
  /** Length on screen, CSS pixels. */
  lengthPx: number;
  /** The distance it stands for, mm: 1, 2 or 5 times a power of ten. */
  mm: number;
}

/**
 * The mm one CSS pixel spans along the screen's horizontal, for pixels of `spacing`
 * ([between rows, between columns], mm) shown at `cssZoom` CSS pixels per image pixel with `view`.
 * A quarter turn puts the rows' spacing across the screen.
 */
export function mmPerScreenPixel(
  spacing: readonly [number, number],
  cssZoom: number,
  view: ViewOrientation,
): number {
  const radians = (view.rotation * Math.PI) / 180;
  // Screen x runs along image (cos, −sin) (flips only change signs): weigh each image axis's spacing.
  const alongColumns = Math.cos(radians) * spacing[1];
  const alongRows = Math.sin(radians) * spacing[0];
  return Math.hypot(alongColumns, alongRows) / cssZoom;
}

const STEPS = [1, 2, 5] as const;

/**
 * The longest round length (1, 2 or 5 × 10ⁿ mm) whose bar fits in `maxLengthPx` CSS pixels at
 * `mmPerPixel`; undefined when the scale is not a positive finite number or nothing fits.
 */
export function chooseScaleBar(mmPerPixel: number, maxLengthPx: number): ScaleBar | undefined {
  if (!(Number.isFinite(mmPerPixel) && mmPerPixel > 0) || !(maxLengthPx >= 1)) return undefined;
  const maxMm = maxLengthPx * mmPerPixel;
  let exponent = Math.floor(Math.log10(maxMm));
  for (let attempt = 0; attempt < 2; attempt++, exponent--) {
    for (let i = STEPS.length - 1; i >= 0; i--) {
      // Round away the binary noise of 10ⁿ for negative n (0.1 × 5 is 0.5, not 0.5000000001).
      const mm = Number(((STEPS[i] as number) * 10 ** exponent).toPrecision(12));
      if (mm <= maxMm * (1 + 1e-12)) return { lengthPx: mm / mmPerPixel, mm };
    }
  }
  return undefined;
}
