import { RenderInputError } from '../errors/render-input-error.js';
import type { GreyPixels } from '../image/slice-image.js';
import type { Interpolation } from '../view/slice-view.js';
import { type GreyPipeline, greyLevelFunction } from './grey-pipeline.js';
import { isMonotonicModality } from './modality.js';
import type { LevelFunction } from './voi.js';

/** Largest finite float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** Smallest normal float32 (2⁻¹²⁶). */
export const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;

/**
 * Subnormal float32 values become 0, as GPUs may flush them (SwiftShader does): the shaders do
 * it explicitly and the references do the same, so no result depends on a GPU's choice.
 */
export function flushSubnormal(value: number): number {
  return Math.abs(value) < FLOAT32_MIN_NORMAL ? 0 : value;
}

/**
 * How a GPU turns a sampled value into its 8-bit level with no arithmetic that could round
 * differently from the double-precision reference: the reference is evaluated here, on the CPU,
 * and the shader only compares or looks up.
 *
 * `table` (integer pixels sampled nearest, and every LUT sequence, which need not be monotonic):
 * the level of every stored value from the image's smallest to its largest, indexed by
 * `floor(value) − base`, clamped to the table. One texel fetch per sample.
 *
 * `thresholds` (rescale with a window, for float pixels or linear interpolation, where samples
 * are not integers): `s = value · direction`, then the
 * level is the number of k in 1…255 with `thresholds[k] ≤ s`, clamped to [levelMin, levelMax].
 * `thresholds[k]` is the smallest float32 s whose level reaches k, so every float32 input, integer
 * or not, gets exactly the reference level. Thresholds are never subnormal (a GPU may flush those
 * to 0), and inputs are flushed first ({@link flushSubnormal}).

 */
export type GreyClassifier =
  | {
      mode: 'thresholds';
      /** +1 when the level grows with the value, −1 when it falls. */
      direction: 1 | -1;
      /** 256 float32 values; index 0 is unused (−FLOAT32_MAX), 1…255 non-decreasing. */
      thresholds: Float32Array;
      /** Level of the lowest s (−FLOAT32_MAX). */
      levelMin: number;
      /** Level of the highest s (+FLOAT32_MAX). */
      levelMax: number;
    }
  | {
      mode: 'table';
      /** Stored value of table entry 0. */
      base: number;
      /** One level per stored value. */
      table: Uint8Array;
    };

/** What a classifier is built for: the pixels (their type and range) and how they are sampled. */
export interface ClassifierInput {
  pixels: GreyPixels;
  /** Smallest and largest stored value ({@link storedRange}); computed when absent. */
  range?: readonly [number, number];
  interpolation: Interpolation;
}

/** Builds the classifier of a pipeline for the given pixels and sampling. */
export function greyClassifier(pipeline: GreyPipeline, input: ClassifierInput): GreyClassifier {
  const level = greyLevelFunction(pipeline);
  const integer = !(input.pixels instanceof Float32Array);
  const monotonic = isMonotonicModality(pipeline.modality) && pipeline.voi.kind === 'window';
  if (monotonic && !(integer && input.interpolation === 'nearest')) return thresholdClassifier(level);
  if (!integer) {
    throw new RenderInputError(
      'RENDER_UNSUPPORTED',
      'A VOI LUT Sequence needs integer stored values; this image has float pixels',
    );
  }
  const [base, top] = input.range ?? storedRange(input.pixels);
  const table = new Uint8Array(top - base + 1);
  for (let i = 0; i < table.length; i++) table[i] = level(base + i);
  return { mode: 'table', base, table };
}

/** The smallest and largest value of the pixels ([0, 0] when empty). */
export function storedRange(pixels: GreyPixels): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < pixels.length; i++) {
    const value = pixels[i] as number;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? [min, max] : [0, 0];
}

/** The level a classifier gives a float32 value: what the shaders compute, in TypeScript. */
export function classify(classifier: GreyClassifier, value: number): number {
  if (classifier.mode === 'table') {
    const { table, base } = classifier;
    const index = Math.min(Math.max(Math.floor(value) - base, 0), table.length - 1);
    return table[index] ?? 0;
  }
  const s = flushSubnormal(value) * classifier.direction;
  const { thresholds } = classifier;
  let position = 0;
  for (let step = 128; step > 0; step >>= 1) {
    if ((thresholds[position + step] as number) <= s) position += step;
  }
  return Math.min(Math.max(position, classifier.levelMin), classifier.levelMax);
}

/**
 * Thresholds of a monotonic level function over all finite float32 values, found by bisection
 * on the float32 bit patterns (ordered as integers).
 */
function thresholdClassifier(level: LevelFunction): GreyClassifier {
  const direction = level(-FLOAT32_MAX) <= level(FLOAT32_MAX) ? 1 : -1;
  const g = (s: number) => level(flushSubnormal(s) * direction);
  const { toKey, fromKey } = float32Keys();
  const lowKey = toKey(-FLOAT32_MAX);
  const highKey = toKey(FLOAT32_MAX);
  const levelMin = g(-FLOAT32_MAX);
  const levelMax = g(FLOAT32_MAX);
  const thresholds = new Float32Array(256);
  thresholds[0] = -FLOAT32_MAX;
  for (let k = 1; k < 256; k++) {
    if (levelMin >= k) {
      thresholds[k] = -FLOAT32_MAX;
    } else if (levelMax < k) {
      thresholds[k] = FLOAT32_MAX;
    } else {
      // Invariant: g(fromKey(lo)) < k ≤ g(fromKey(hi)).
      let lo = lowKey;
      let hi = highKey;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (g(fromKey(mid)) >= k) hi = mid;
        else lo = mid;
      }
      // Over the subnormals g is flat (they count as 0): a threshold there is the start of that
      // flat stretch, and "0 ≤ s" selects exactly the same inputs once they are flushed.
      thresholds[k] = flushSubnormal(fromKey(hi));
    }
  }
  return { mode: 'thresholds', direction, thresholds, levelMin, levelMax };
}

/** Float32 ↔ ordered integer keys: integer order is float order (−0 just below +0). */
export interface Float32Keys {
  toKey(value: number): number;
  fromKey(key: number): number;
}

/** Creates a key codec with its own scratch buffer. */
export function float32Keys(): Float32Keys {
  const float = new Float32Array(1);
  const int = new Int32Array(float.buffer);
  return {
    toKey(value) {
      float[0] = value;
      const bits = int[0] as number;
      return bits < 0 ? bits ^ 0x7fffffff : bits;
    },
    fromKey(key) {
      int[0] = key < 0 ? key ^ 0x7fffffff : key;
      return float[0] as number;
    },
  };
}
