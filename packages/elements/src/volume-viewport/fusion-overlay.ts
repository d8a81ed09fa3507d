import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/messages.js';
import { formatInUnits, formatNumber, type ShownUnits } from '../overlays/annotations.js';
import type { FusionWindow } from './fusion-layer.js';
import type { SeriesVolume } from './series-volume.js';

/** What a plane's overlay says of the volume fused over it. No patient data: safe in a portal. */
export interface FusionOverlay {
  /** (0008,0060) Modality of the fused series, e.g. `PT`. */
  modality: string;
  /** Its window, modality units (Bq/ml for PET); undefined before any voxel is known. */
  window: FusionWindow | undefined;
  /** How its values are shown: SUVbw for a PET whose SUV core can compute, else as stored. */
  units: ShownUnits;
  /** 0 … 1. */
  opacity: number;
}

/**
 * The window a fused volume without a window of its own is drawn with: the render worker's
 * default, the min–max window of its voxels (`(min + max + 1) / 2`, `max − min + 1`), here over
 * the slices written so far (the same once the volume is complete). Remembered per volume and slice count: a
 * pass over the voxels at every overlay update would be wasted.
 */
export class MinMaxFusionWindow {
  #series: SeriesVolume | undefined;
  #ready = -1;
  #window: FusionWindow | undefined;

  of(series: SeriesVolume): FusionWindow | undefined {
    const ready = series.volume.readyCount;
    if (series === this.#series && ready === this.#ready) return this.#window;
    this.#series = series;
    this.#ready = ready;
    let statistics: ReturnType<SeriesVolume['volume']['statistics']>;
    try {
      // One histogram bin: only the minimum and maximum are wanted.
      statistics = series.volume.statistics(1);
    } catch {
      // Disposed: a layout dropped the fused volume just before the view heard of it.
      statistics = undefined;
    }
    this.#window = statistics && {
      center: (statistics.min + statistics.max + 1) / 2,
      width: statistics.max - statistics.min + 1,
    };
    return this.#window;
  }
}

/**
 * The words of the overlay's line for a fused volume: in SUVbw with two decimals for a PET with an
 * SUV ("W 6.00 / C 3.00 SUVbw"), else in its stored units ("W 15000 / C 7500").
 */
export function fusionLineValues(fusion: FusionOverlay): Record<string, string> {
  const { window, units } = fusion;
  const suv = units.unit === 'SUVbw';
  const level = (value: number) => {
    if (suv) return formatInUnits(value, units);
    // Bq/ml windows are thousands wide: whole numbers; small ones (ratios) keep two decimals.
    return window && window.width >= 100 ? String(Math.round(value)) : formatNumber(value, 2);
  };
  return {
    modality: fusion.modality,
    width: window ? level(window.width) : '–',
    center: window ? level(window.center) : '–',
    unit: suv ? ' SUVbw' : '',
    opacity: String(Math.round(fusion.opacity * 100)),
  };
}

/** The overlay's line for a fused volume: "Fused: PT · W 6.00 / C 3.00 SUVbw · 50 %". */
export function fusionLine(
  t: (key: MessageKey, values?: Record<string, string>) => string,
  fusion: FusionOverlay,
): TemplateResult {
  return html`<div part="fusion">${t('fusionOverlay', fusionLineValues(fusion))}</div>`;
}
