import type { GreyClassifier } from '../../lut/grey-classifier.js';
import type { Interpolation } from '../../view/slice-view.js';
import type { CanvasToImage, Size } from '../../view/view-transform.js';

/**
 * The slice shader's uniform values, named as in `SliceParams` of slice.wgsl (the WebGL2 twin
 * prefixes each with `u` and capitalises it). Both backends fill their uniforms from this.
 */
export interface SliceUniformValues {
  canvasToImageX: readonly [number, number, number, number];
  canvasToImageY: readonly [number, number, number, number];
  imageSize: readonly [number, number];
  guess: readonly [number, number];
  linear: number;
  greyMode: number;
  direction: number;
  levelMin: number;
  levelMax: number;
  tableBase: number;
  tableSize: number;
  thresholds: Float32Array;
}

/** What a slice pass draws with, besides its textures. */
export interface SliceDrawParams {
  /** Canvas → image map of the current view and canvas size. */
  canvasToImage: CanvasToImage;
  /** Sampling between pixel centres. */
  interpolation: Interpolation;
}

/** Packs the draw parameters and the grey classifier (undefined for RGB) into uniform values. */
export function sliceUniforms(
  image: Size,
  params: SliceDrawParams,
  classifier: GreyClassifier | undefined,
): SliceUniformValues {
  const m = params.canvasToImage;
  const base = {
    canvasToImageX: [m.xx, m.xy, m.x0, 0] as const,
    canvasToImageY: [m.yx, m.yy, m.y0, 0] as const,
    imageSize: [image[0], image[1]] as const,
    linear: params.interpolation === 'linear' ? 1 : 0,
  };
  if (classifier?.mode === 'table') {
    return {
      ...base,
      guess: [0, 0] as const,
      greyMode: 1,
      direction: 1,
      levelMin: 0,
      levelMax: 255,
      tableBase: classifier.base,
      tableSize: classifier.table.length,
      thresholds: new Float32Array(256),
    };
  }
  return {
    ...base,
    guess: classifier ? levelGuess(classifier) : ([0, 0] as const),
    greyMode: 0,
    direction: classifier?.direction ?? 1,
    levelMin: classifier?.levelMin ?? 0,
    levelMax: classifier?.levelMax ?? 255,
    tableBase: 0,
    tableSize: 1,
    thresholds: classifier?.thresholds ?? new Float32Array(256),
  };
}

/**
 * A straight line through the first and last finite thresholds: level ≈ guess[0] · s + guess[1].
 * Only a starting point; the shaders walk from it to the exact level.
 */
function levelGuess(classifier: Extract<GreyClassifier, { mode: 'thresholds' }>): readonly [number, number] {
  const { thresholds, levelMin, levelMax } = classifier;
  const first = levelMin + 1;
  const last = levelMax;
  const low = thresholds[first] ?? 0;
  const high = thresholds[last] ?? 0;
  if (last <= first || !(high > low)) return [0, levelMin];
  const scale = (last - first) / (high - low);
  return [scale, first - scale * low];
}
