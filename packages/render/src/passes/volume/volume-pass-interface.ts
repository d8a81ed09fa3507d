import type { GpuPass } from '../../gpu/backend.js';
import type { VolumeTexture } from '../../volume/volume-texture.js';
import type { TransferTable } from './transfer-function.js';
import type { VolumeDrawParams } from './volume-uniforms.js';

/**
 * The volume rendering pass as both backends implement it (WebGPU: volume-pass.ts, WebGL2:
 * volume-pass-webgl2.ts): ray casting (DVR or MIP) through a volume texture the pass does not
 * own (the worker's volume store does), into the whole canvas.
 */
export interface VolumeRenderPass extends GpuPass {
  /** The volume texture to cast rays through (of this backend). */
  setVolume(texture: VolumeTexture): void;
  /** The baked transfer function (DVR). */
  setTransferTable(table: TransferTable): void;
  /** The view-dependent parameters of the next draws. */
  setDrawParams(params: VolumeDrawParams): void;
}
