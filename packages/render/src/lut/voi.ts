import { RenderInputError } from '../errors/render-input-error.js';

/** (0028,1056) VOI LUT Function. */
export type VoiFunction = 'LINEAR' | 'LINEAR_EXACT' | 'SIGMOID';

/**
 * The VOI LUT (PS3.3 C.11.2): modality values to display levels.
 * `window`: (0028,1050) Window Center, (0028,1051) Window Width and (0028,1056) VOI LUT Function
 * (LINEAR when absent). `lut`: one item of (0028,3010) VOI LUT Sequence.
 */
export type VoiTransform =
  | { kind: 'window'; center: number; width: number; function?: VoiFunction }
  | {
      kind: 'lut';
      /** Second value of (0028,3002) LUT Descriptor: the first input value mapped. */
      firstValueMapped: number;
      /** Third value of (0028,3002) LUT Descriptor: bits per entry, 8 to 16. */
      bitsPerEntry: number;
      /** (0028,3006) LUT Data; its length is the first value of the descriptor. */
      data: Uint16Array;
    };

/** A function from a modality value to an 8-bit display level, 0 to 255. */
export type LevelFunction = (x: number) => number;

/** Throws a {@link RenderInputError} (`RENDER_INVALID_VIEW`) when the VOI cannot be applied. */
export function validateVoi(voi: VoiTransform): void {
  if (voi.kind === 'lut') {
    const { bitsPerEntry, data, firstValueMapped } = voi;
    if (!Number.isInteger(bitsPerEntry) || bitsPerEntry < 8 || bitsPerEntry > 16) {
      throw new RenderInputError(
        'RENDER_INVALID_VIEW',
        `VOI LUT bits per entry ${bitsPerEntry} is not 8 to 16`,
      );
    }
    if (data.length < 1 || !Number.isInteger(firstValueMapped)) {
      throw new RenderInputError(
        'RENDER_INVALID_VIEW',
        'VOI LUT needs at least one entry and an integer first mapped value',
      );
    }
    return;
  }
  const fn = voi.function ?? 'LINEAR';
  if (!Number.isFinite(voi.center) || !Number.isFinite(voi.width)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', 'Window center and width must be finite numbers');
  }
  if (fn === 'LINEAR' ? voi.width < 1 : voi.width <= 0) {
    throw new RenderInputError(
      'RENDER_INVALID_VIEW',
      `Window width ${voi.width} is not allowed for ${fn} (PS3.3 C.11.2.1.2: LINEAR needs ≥ 1, others > 0)`,
    );
  }
}

/**
 * The VOI LUT as a function from modality value to 8-bit level, evaluated in double precision.
 *
 * `inverse` selects the inverse presentation (MONOCHROME1 or a presentation inversion): the
 * output range runs from 255 down to 0 instead of 0 up to 255.
 *
 * The expressions are those of dcmtk 3.6 (`dcm2pnm +Ww C W`, `+Wfs`, `+Wl N`) operation for
 * operation, so the results agree with it bit for bit, including where 255·y is an exact integer
 * and double rounding decides (e.g. any window of width 256): LINEAR is
 * `trunc(offset + x · gradient)` with `gradient = ±255 / (w − 1)` and
 * `offset = high − ((c − 0.5) / (w − 1) + 0.5) · (high − low)`, outside the borders of
 * PS3.3 C.11.2.1.2.1. LINEAR_EXACT (C.11.2.1.3.2, which dcmtk lacks) uses the same form with
 * `w` and `c`. SIGMOID (C.11.2.1.3.1) is `trunc(255 / (1 + exp(−4 (x − c) / w)))`, inverted as
 * `trunc(255 − 255 / (1 + exp(…)))`. A LUT entry v of n bits maps to `trunc(v · 256 / 2ⁿ)`
 * (its top 8 bits), inverted as `255 −` that.
 */
export function voiLevelFunction(voi: VoiTransform, inverse: boolean): LevelFunction {
  validateVoi(voi);
  if (voi.kind === 'lut') return lutLevels(voi, inverse);
  const fn = voi.function ?? 'LINEAR';
  if (fn === 'SIGMOID') return sigmoidLevels(voi.center, voi.width, inverse);
  const low = inverse ? 255 : 0;
  const high = inverse ? 0 : 255;
  const outrange = high - low;
  if (fn === 'LINEAR') {
    const { center, width } = voi;
    const width1 = width - 1;
    const left = center - 0.5 - width1 / 2;
    const right = center - 0.5 + width1 / 2;
    const offset = width1 === 0 ? 0 : high - ((center - 0.5) / width1 + 0.5) * outrange;
    const gradient = width1 === 0 ? 0 : outrange / width1;
    return (x) => (x <= left ? low : x > right ? high : toLevel(offset + x * gradient));
  }
  const { center, width } = voi;
  const left = center - width / 2;
  const right = center + width / 2;
  const offset = high - (center / width + 0.5) * outrange;
  const gradient = outrange / width;
  return (x) => (x <= left ? low : x > right ? high : toLevel(offset + x * gradient));
}

function sigmoidLevels(center: number, width: number, inverse: boolean): LevelFunction {
  if (inverse) return (x) => toLevel(255 - 255 / (1 + Math.exp((-4 * (x - center)) / width)));
  return (x) => toLevel(255 / (1 + Math.exp((-4 * (x - center)) / width)));
}

function lutLevels(voi: Extract<VoiTransform, { kind: 'lut' }>, inverse: boolean): LevelFunction {
  const { data, firstValueMapped } = voi;
  const scale = 256 / 2 ** voi.bitsPerEntry;
  const last = data.length - 1;
  return (x) => {
    const index = Math.min(Math.max(Math.floor(x) - firstValueMapped, 0), last);
    const level = toLevel((data[index] ?? 0) * scale);
    return inverse ? 255 - level : level;
  };
}

/** C's (unsigned char)(double) for values that are in range, made safe for those that are not. */
function toLevel(value: number): number {
  const level = Math.trunc(value);
  // NaN and -0 become 0.
  // biome-ignore lint/complexity/useMathMinMax: Math.max would keep NaN and -0
  return level > 255 ? 255 : level > 0 ? level : 0;
}
