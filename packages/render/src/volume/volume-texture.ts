import type { BrickAtlas } from './brick-atlas.js';
import type { VolumeTexelKind } from './volume-data.js';

/**
 * A volume's 3D texture on one backend (WebGPU: r16sint/r16uint/r8uint/r32float, WebGL2:
 * R16I/R16UI/R8UI/R32F), made by `RenderBackend.createVolumeTexture`. Passes of the same backend
 * read it through the backend's own class (`WebGpuVolumeTexture.texture`,
 * `WebGl2VolumeTexture.texture`); nothing filters it: shaders load texels and interpolate. A
 * volume with a side past the device's 3D-texture limit is stored as a brick atlas (`atlas`):
 * shaders map voxel indices to texels through brick-atlas.wgsl / brick-atlas.glsl.
 */
export interface VolumeTexture {
  /** Voxels of the volume along x, y, z (the texture itself is `atlas.size`). */
  readonly dimensions: readonly [number, number, number];
  /** Where the voxels lie in the texture: as they are, or bricks side by side. */
  readonly atlas: BrickAtlas;
  /** How the shader reads the texels. */
  readonly kind: VolumeTexelKind;
  /** Bumped by every write: passes can tell that the contents changed. */
  readonly version: number;
  /**
   * Writes whole slots `firstSlot …` from `voxels` (x fastest), of the texture's array type: one
   * sub-region copy per brick the slots cross.
   */
  write(firstSlot: number, voxels: ArrayBufferView): void;
  /** Releases the texture. */
  dispose(): void;
}
