import type { SlabMode, VoxelSlab } from '@fovea/core';
import type { GreyClassifier } from '../../lut/grey-classifier.js';
import type { CanvasToImage, Size } from '../../view/view-transform.js';

/**
 * How an MPR layer draws: `base` is the opaque grey image (voxels outside the volume show the
 * fill value); `over` is a grey layer blended over what is drawn (fusion, heatmaps), transparent
 * outside its volume and below `minLevel`; `labels` colours each label by a table of colours and
 * opacities.
 */
export type MprLayerMode = 'base' | 'over' | 'labels';

/** Everything an MPR pass draws with, besides its textures. */
export interface MprDrawParams {
  /** Canvas → plane image map of the current view and canvas size. */
  canvasToImage: CanvasToImage;
  /** Plane image columns and rows (the rectangle the view transform places). */
  imageSize: Size;
  /** The plane (and slab) in the volume's voxel index space (@fovea/core's `voxelSlab`). */
  slab: VoxelSlab;
  /** How slab samples combine; ignored for a single sample. */
  combine: SlabMode;
  /** Trilinear between voxel centres, or the nearest voxel (label maps). */
  trilinear: boolean;
  layer: MprLayerMode;
  /** Value shown where no sample lies inside the volume (`base` only), modality units. */
  fill: number;
  /** Opacity of an `over` layer, 0…1. */
  opacity: number;
  /** Levels below this are transparent in an `over` layer (1: level 0 shows nothing). */
  minLevel: number;
}

/** The MPR shader's uniform values, named as in `MprParams` of mpr.wgsl (GLSL: `u` + capitalised). */
export interface MprUniformValues {
  canvasToImageX: readonly number[];
  canvasToImageY: readonly number[];
  imageSize: readonly number[];
  guess: readonly number[];
  origin: readonly number[];
  row: readonly number[];
  column: readonly number[];
  step: readonly number[];
  volumeSize: readonly number[];
  samples: number;
  combine: number;
  trilinear: number;
  layerMode: number;
  fill: number;
  opacity: number;
  minLevel: number;
  direction: number;
  levelMin: number;
  levelMax: number;
  tableSize: number;
  thresholds: Float32Array;
}

const COMBINE: Record<SlabMode, number> = { max: 0, min: 1, mean: 2 };
const LAYER: Record<MprLayerMode, number> = { base: 0, over: 1, labels: 2 };

/**
 * Packs the draw parameters and the grey classifier (thresholds only: MPR samples are not stored
 * values; undefined for label maps) into uniform values.
 */
export function mprUniforms(
  params: MprDrawParams,
  volumeSize: readonly [number, number, number],
  classifier: GreyClassifier | undefined,
  tableSize: number,
): MprUniformValues {
  const m = params.canvasToImage;
  const { slab } = params;
  const thresholds = classifier?.mode === 'thresholds' ? classifier : undefined;
  return {
    canvasToImageX: [m.xx, m.xy, m.x0, 0],
    canvasToImageY: [m.yx, m.yy, m.y0, 0],
    imageSize: [params.imageSize[0], params.imageSize[1]],
    guess: thresholds ? levelGuess(thresholds) : [0, 0],
    origin: [...slab.origin, 0],
    row: [...slab.row, 0],
    column: [...slab.column, 0],
    step: [...slab.step, 0],
    volumeSize: [...volumeSize, 0],
    samples: slab.samples,
    combine: COMBINE[params.combine],
    trilinear: params.trilinear ? 1 : 0,
    layerMode: LAYER[params.layer],
    fill: params.fill,
    opacity: params.opacity,
    minLevel: params.minLevel,
    direction: thresholds?.direction ?? 1,
    levelMin: thresholds?.levelMin ?? 0,
    levelMax: thresholds?.levelMax ?? 255,
    tableSize,
    thresholds: thresholds?.thresholds ?? new Float32Array(256),
  };
}

/** A straight line through the first and last finite thresholds (as the slice pass guesses). */
function levelGuess(classifier: Extract<GreyClassifier, { mode: 'thresholds' }>): readonly number[] {
  const { thresholds, levelMin, levelMax } = classifier;
  const first = levelMin + 1;
  const last = levelMax;
  const low = thresholds[first] ?? 0;
  const high = thresholds[last] ?? 0;
  if (last <= first || !(high > low)) return [0, levelMin];
  const scale = (last - first) / (high - low);
  return [scale, first - scale * low];
}
