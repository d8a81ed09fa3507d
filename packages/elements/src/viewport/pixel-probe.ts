import type { SliceImage } from '@fovea/render';
import { formatInUnits, type ShownUnits } from '../overlays/annotations.js';
import { cssToImage, type ViewGeometry } from './view-geometry.js';

/** The image pixel under a point: its column and row (0-based, from the top-left). */
export interface ImagePixel {
  column: number;
  row: number;
}

/**
 * The image pixel under `point` (CSS pixels from the viewport's top-left) as the render view of
 * `view` places an image of `imageSize` (columns, rows) in a viewport of `cssSize`, after pan,
 * zoom, rotation and flips; undefined outside the image.
 */
export function imagePixelAt(
  view: ViewGeometry,
  imageSize: readonly [number, number],
  cssSize: readonly [number, number],
  point: readonly [number, number],
): ImagePixel | undefined {
  const map = cssToImage(view, imageSize, cssSize);
  if (!map) return undefined;
  const [x, y] = point;
  const column = Math.floor(map.xx * x + map.xy * y + map.x0);
  const row = Math.floor(map.yx * x + map.yy * y + map.y0);
  if (!(column >= 0 && row >= 0 && column < imageSize[0] && row < imageSize[1])) return undefined;
  return { column, row };
}

/** What a pixel holds: a modality value (HU, Bq/ml, …) or, for colour images, its R, G and B. */
export type PixelReading = { kind: 'value'; value: number } | { kind: 'rgb'; rgb: [number, number, number] };

/**
 * The value of pixel `at` of `image` exactly as stored, with the image's modality transform
 * applied: (0028,1053) Rescale Slope and (0028,1052) Intercept, or the (0028,3000) Modality LUT
 * (stored values below its first mapped value take its first entry, above its last its last, as
 * PS3.3 C.11.1 says). Colour images give their displayed R, G and B bytes.
 */
export function readPixel(image: SliceImage, at: ImagePixel): PixelReading {
  const index = at.row * image.columns + at.column;
  if (image.kind === 'rgb') {
    const { pixels } = image;
    return {
      kind: 'rgb',
      rgb: [pixels[index * 3] ?? 0, pixels[index * 3 + 1] ?? 0, pixels[index * 3 + 2] ?? 0],
    };
  }
  const stored = image.pixels[index] ?? 0;
  const modality = image.modality;
  if (!modality) return { kind: 'value', value: stored };
  if (modality.kind === 'rescale')
    return { kind: 'value', value: stored * modality.slope + modality.intercept };
  const entry = Math.min(modality.data.length - 1, Math.max(0, stored - modality.firstValueMapped));
  return { kind: 'value', value: modality.data[entry] ?? 0 };
}

/** Words for a reading: the value and its unit (`130 HU`, `8.00 SUVbw`), or `R 12 G 34 B 56`. */
export function probeText(
  reading: PixelReading,
  units: ShownUnits,
  t: (key: 'probeValue' | 'probeRgb', values: Record<string, string>) => string,
): string {
  if (reading.kind === 'rgb') {
    const [r, g, b] = reading.rgb;
    return t('probeRgb', { r: String(r), g: String(g), b: String(b) });
  }
  const value = formatInUnits(reading.value, units);
  return units.unit ? t('probeValue', { value, unit: units.unit }) : value;
}

/** The probe's words and where they stand (CSS pixels from the viewport's top-left: the pointer). */
export interface ProbeReadout {
  text: string;
  x: number;
  y: number;
}

/**
 * The probe readout for the pointer at `fromCentre` (CSS pixels from the viewport's centre) over
 * `image` shown with `view` in a viewport of `cssSize`; undefined outside the image.
 */
export function probeReadout(
  image: SliceImage,
  view: ViewGeometry,
  cssSize: readonly [number, number],
  fromCentre: readonly [number, number],
  units: ShownUnits,
  t: (key: 'probeValue' | 'probeRgb', values: Record<string, string>) => string,
): ProbeReadout | undefined {
  const x = fromCentre[0] + cssSize[0] / 2;
  const y = fromCentre[1] + cssSize[1] / 2;
  const at = imagePixelAt(view, [image.columns, image.rows], cssSize, [x, y]);
  if (!at) return undefined;
  return { text: probeText(readPixel(image, at), units, t), x, y };
}
