import type { SliceImage } from '../../image/slice-image.js';
import type { GreyClassifier } from '../../lut/grey-classifier.js';
import type { SliceDrawParams } from './slice-uniforms.js';

/**
 * The slice pass as both backends implement it (WebGPU: slice-pass.ts, WebGL2:
 * slice-pass-webgl2.ts). It owns the GPU copies of one viewport's image, grey classifier and
 * colour map; the render host keeps the CPU copies and replays them after a device loss.
 */
export interface SlicePass {
  /** Uploads the image, replacing the previous one. The caller keeps `image` (the CPU copy). */
  setImage(image: SliceImage): void;
  /** Sets how sampled grey values become levels (ignored for RGB images). */
  setClassifier(classifier: GreyClassifier): void;
  /** Sets the 256-entry RGBA colour map applied to grey levels. */
  setColormap(table: Uint8Array): void;
  /** Sets the view-dependent parameters of the next draws. */
  setDrawParams(params: SliceDrawParams): void;
  /** True once an image has been set: the pass has something to draw. */
  readonly ready: boolean;
  /** Releases the GPU resources. */
  dispose(): void;
}
