import type { GpuPass } from '../../gpu/backend.js';
import type { GreyClassifier } from '../../lut/grey-classifier.js';
import type { VolumeTexture } from '../../volume/volume-texture.js';
import type { MprDrawParams } from './mpr-uniforms.js';

/**
 * The MPR pass as both backends implement it (WebGPU: mpr-pass.ts, WebGL2: mpr-pass-webgl2.ts):
 * one layer of a plane view, sampled from a volume texture the pass does not own (the worker's
 * volume store does, shared by every viewport).
 */
export interface MprPass extends GpuPass {
  /** The volume texture to sample (of this backend). */
  setVolume(texture: VolumeTexture): void;
  /** Thresholds of the grey pipeline (grey layers; not used for label maps). */
  setClassifier(classifier: GreyClassifier | undefined): void;
  /**
   * The colour table, RGBA bytes, 256 entries per row: a 256-entry colour map for grey layers
   * (alpha ignored), or one colour and opacity per label for label maps.
   */
  setColourTable(table: Uint8Array): void;
  /** The view-dependent parameters of the next draws. */
  setDrawParams(params: MprDrawParams): void;
}
