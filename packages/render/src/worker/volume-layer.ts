import type { SlabMode, VoxelSlab } from '@fovea/core';
import type { RenderBackend } from '../gpu/backend.js';
import { type ColormapName, colormapTable } from '../lut/colormaps.js';
import { type GreyClassifier, greyClassifier } from '../lut/grey-classifier.js';
import type { VoiTransform } from '../lut/voi.js';
import type { MprPass } from '../passes/mpr/mpr-pass-interface.js';
import type { MprLayerMode } from '../passes/mpr/mpr-uniforms.js';
import { type LabelStyle, labelTable } from '../view/plane-view.js';
import type { CanvasToImage, Size } from '../view/view-transform.js';
import type { VolumeStore } from './volume-store.js';

/** What one layer of a plane (or over a slice) draws, in worker terms (volumes by id). */
export interface VolumeLayerSpec {
  volume: number;
  layer: MprLayerMode;
  trilinear: boolean;
  combine: SlabMode;
  /** `over` layers: 0 … 1. */
  opacity: number;
  /** `over` layers: levels below are transparent. */
  minLevel: number;
  /** `base` layer: value where no sample lies inside; undefined: the volume's minimum. */
  fill: number | undefined;
  /** Grey layers: window (default min-max of the volume), inversion, colour map. */
  voi: VoiTransform | undefined;
  invert: boolean;
  colormap: ColormapName;
  /** Label maps: the look of each label. */
  labels: readonly LabelStyle[] | undefined;
}

/** Where the layer is drawn this frame. */
export interface LayerPlacement {
  canvasToImage: CanvasToImage;
  imageSize: Size;
  /** The plane (and slab) in this layer's volume's voxel space. */
  slab: VoxelSlab;
}

/**
 * One layer's GPU state: an MPR pass and what was last uploaded to it, rebuilt on a new backend
 * (device loss). Grey pipelines become thresholds here, in the worker, from the CPU reference.
 */
export class VolumeLayer {
  spec: VolumeLayerSpec;
  #pass: MprPass | undefined;
  #tableKey: string | undefined;
  #classifierKey: string | undefined;
  #classifier: GreyClassifier | undefined;

  constructor(spec: VolumeLayerSpec) {
    this.spec = spec;
  }

  /** Replaces the spec; what changed is uploaded at the next frame. */
  update(spec: VolumeLayerSpec): void {
    this.spec = spec;
  }

  attach(backend: RenderBackend): void {
    this.detach();
    this.#pass = backend.createMprPass();
    this.#tableKey = undefined;
  }

  detach(): void {
    try {
      this.#pass?.dispose();
    } catch {
      // A lost device may refuse to release; its resources are gone anyway.
    }
    this.#pass = undefined;
  }

  /** Uploads what changed and sets the draw parameters; returns the pass to draw. */
  prepare(store: VolumeStore, placement: LayerPlacement): MprPass {
    const pass = this.#pass;
    if (!pass) throw new Error('Volume layer drawn before attach');
    const { spec } = this;
    pass.setVolume(store.texture(spec.volume));
    const tableKey = spec.labels ? JSON.stringify(spec.labels) : spec.colormap;
    if (tableKey !== this.#tableKey) {
      pass.setColourTable(spec.labels ? labelTable(spec.labels) : colormapTable(spec.colormap));
      this.#tableKey = tableKey;
    }
    pass.setClassifier(spec.labels ? undefined : this.#greyClassifier(store));
    const fill = spec.fill ?? store.range(spec.volume)[0];
    pass.setDrawParams({
      canvasToImage: placement.canvasToImage,
      imageSize: placement.imageSize,
      slab: placement.slab,
      combine: spec.combine,
      trilinear: spec.trilinear,
      layer: spec.layer,
      fill,
      opacity: spec.opacity,
      minLevel: spec.minLevel,
    });
    return pass;
  }

  /** Throws `RENDER_UNSUPPORTED` for a VOI LUT Sequence (samples are not stored values). */
  #greyClassifier(store: VolumeStore): GreyClassifier {
    const { spec } = this;
    const voi = spec.voi ?? minMaxWindow(store.range(spec.volume));
    const key = JSON.stringify([voi, spec.invert]);
    if (key !== this.#classifierKey || !this.#classifier) {
      // Volumes hold modality values: the modality LUT is the identity here.
      this.#classifier = greyClassifier(
        { modality: undefined, voi, inverse: spec.invert },
        { pixels: new Float32Array(0), interpolation: 'linear' },
      );
      this.#classifierKey = key;
    }
    return this.#classifier;
  }
}

/** The window mapping the smallest value to level 0 and the largest to 255 (as for slices). */
export function minMaxWindow([min, max]: readonly [number, number]): VoiTransform {
  return { kind: 'window', center: (min + max + 1) / 2, width: max - min + 1 };
}
