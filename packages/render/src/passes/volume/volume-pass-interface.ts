import type { GpuPass } from '../../gpu/backend.js';
import type { VolumeTexture } from '../../volume/volume-texture.js';
import type { TransferTable } from './transfer-function.js';

/** One flag per brick (x fastest), 1 visible, and the bricks along x, y, z. */
export interface VisibleBricks {
  flags: Uint8Array;
  dimensions: readonly [number, number, number];
}

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
  /**
   * Which bricks of BRICK_SIZE³ voxels hold a visible sample under the current transfer table
   * (see empty-bricks.ts); DVR rays skip the others. Undefined: no skipping.
   */
  setVisibleBricks(bricks: VisibleBricks | undefined): void;
  /** The view-dependent parameters of the next draws. */
  setDrawParams(params: VolumeDrawParams): void;
}
