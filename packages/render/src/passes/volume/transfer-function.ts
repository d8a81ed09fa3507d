import { RenderInputError } from '../../errors/render-input-error.js';

/** A colour at a modality value (e.g. HU): red, green, blue in 0…1. */
export interface ColourPoint {
  /** Modality value (HU for CT). */
  value: number;
  /** Red, green, blue, 0…1. */
  rgb: readonly [number, number, number];
}

/** An opacity at a modality value: the opacity of 1 mm of that material, 0…1. */
export interface OpacityPoint {
  /** Modality value (HU for CT). */
  value: number;
  /** Opacity of 1 mm of material of this value, 0…1. */
  alpha: number;
}

/**
 * What each modality value looks like in a volume rendering: colour and opacity, each a
 * piecewise-linear function of the value (HU for CT) through its points, held constant beyond
 * the first and last point. Opacity is per millimetre of path, so a rendering looks the same
 * whatever the sampling distance (samples are corrected: α_step = 1 − (1 − α)^(step / 1 mm)).
 */
export interface TransferFunction {
  /** At least one point, values strictly ascending. */
  colour: readonly ColourPoint[];
  /** At least one point, values strictly ascending. */
  opacity: readonly OpacityPoint[];
}

/** Entries of a baked transfer function table (see {@link bakeTransferFunction}). */
export const TRANSFER_TABLE_SIZE = 2048;

/**
 * A transfer function sampled at {@link TRANSFER_TABLE_SIZE} evenly spaced values from `min` to
 * `max`: RGBA (opacity per mm) per entry. Renderers interpolate linearly between neighbouring
 * entries and clamp outside the range; the CPU ray caster and both GPU passes read the same table.
 */
export interface TransferTable {
  /** Value of entry 0 and of the last entry (modality units). */
  min: number;
  max: number;
  /** `TRANSFER_TABLE_SIZE × 4` floats: r, g, b, opacity per mm. */
  rgba: Float32Array;
}

/** Checks the points; throws `RENDER_INVALID_VIEW` naming the first problem. */
export function validateTransferFunction(tf: TransferFunction): void {
  const check = (points: readonly { value: number }[], what: string) => {
    if (!Array.isArray(points) || points.length === 0) {
      throw new RenderInputError('RENDER_INVALID_VIEW', `Transfer function has no ${what} points`);
    }
    points.forEach((point, i) => {
      if (!Number.isFinite(point.value)) {
        throw new RenderInputError('RENDER_INVALID_VIEW', `${what} point ${i} has no finite value`);
      }
      const previous = points[i - 1];
      if (previous && !(point.value > previous.value)) {
        throw new RenderInputError(
          'RENDER_INVALID_VIEW',
          `${what} point ${i} (${point.value}) does not follow ${previous.value}: values must ascend`,
        );
      }
    });
  };
  check(tf.colour, 'colour');
  check(tf.opacity, 'opacity');
  const unit = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;
  tf.colour.forEach((point, i) => {
    if (point.rgb?.length !== 3 || !point.rgb.every(unit)) {
      throw new RenderInputError('RENDER_INVALID_VIEW', `colour point ${i} needs three components in 0…1`);
    }
  });
  tf.opacity.forEach((point, i) => {
    if (!unit(point.alpha)) {
      throw new RenderInputError('RENDER_INVALID_VIEW', `opacity point ${i} needs an alpha in 0…1`);
    }
  });
}

/** Value of the piecewise-linear function through `points` at `value` (constant beyond the ends). */
function piecewise<P extends { value: number }>(
  points: readonly P[],
  value: number,
  pick: (p: P) => number,
): number {
  const first = points[0] as P;
  if (value <= first.value) return pick(first);
  for (let i = 1; i < points.length; i++) {
    const b = points[i] as P;
    if (value <= b.value) {
      const a = points[i - 1] as P;
      const t = (value - a.value) / (b.value - a.value);
      return pick(a) + (pick(b) - pick(a)) * t;
    }
  }
  return pick(points[points.length - 1] as P);
}

/** Colour (r, g, b) and opacity per mm of `tf` at `value`, exactly (no table). */
export function evaluateTransferFunction(
  tf: TransferFunction,
  value: number,
): [number, number, number, number] {
  return [
    piecewise(tf.colour, value, (p) => p.rgb[0]),
    piecewise(tf.colour, value, (p) => p.rgb[1]),
    piecewise(tf.colour, value, (p) => p.rgb[2]),
    piecewise(tf.opacity, value, (p) => p.alpha),
  ];
}

/**
 * Samples `tf` into a table spanning its first to last point (colour and opacity together).
 * Breakpoints between table entries are smoothed over one entry, i.e. (max − min) / 2047.
 */
export function bakeTransferFunction(tf: TransferFunction): TransferTable {
  validateTransferFunction(tf);
  const values = [...tf.colour.map((p) => p.value), ...tf.opacity.map((p) => p.value)];
  const min = Math.min(...values);
  let max = Math.max(...values);
  if (max === min) max = min + 1;
  const rgba = new Float32Array(TRANSFER_TABLE_SIZE * 4);
  for (let i = 0; i < TRANSFER_TABLE_SIZE; i++) {
    const value = min + ((max - min) * i) / (TRANSFER_TABLE_SIZE - 1);
    rgba.set(evaluateTransferFunction(tf, value), i * 4);
  }
  return { min, max, rgba };
}

/**
 * Looks `value` up in a baked table, interpolating linearly between entries, in float64: the
 * CPU reference of what the shaders do with the same table.
 */
export function lookupTransferTable(table: TransferTable, value: number, out: Float64Array): void {
  const last = TRANSFER_TABLE_SIZE - 1;
  const position = Math.min(Math.max(((value - table.min) / (table.max - table.min)) * last, 0), last);
  const i = Math.min(Math.floor(position), last - 1);
  const t = position - i;
  const { rgba } = table;
  for (let c = 0; c < 4; c++) {
    const a = rgba[i * 4 + c] as number;
    const b = rgba[(i + 1) * 4 + c] as number;
    out[c] = a + (b - a) * t;
  }
}
