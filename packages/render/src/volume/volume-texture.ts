import type { VolumeTexelKind } from './volume-data.js';

/**
 * A volume's 3D texture on one backend (WebGPU: r16sint/r16uint/r8uint/r32float, WebGL2:
 * R16I/R16UI/R8UI/R32F), made by `RenderBackend.createVolumeTexture`. Passes of the same backend
 * read it through the backend's own class (`WebGpuVolumeTexture.texture`,
 * `WebGl2VolumeTexture.texture`); nothing filters it: shaders load texels and interpolate.
 */
export interface VolumeTexture {
  /** Texels along x, y, z. */
  readonly dimensions: readonly [number, number, number];
  /** How the shader reads the texels. */
  readonly kind: VolumeTexelKind;
  /** Bumped by every write: passes can tell that the contents changed. */
  readonly version: number;
  /** Writes whole slots `firstSlot …` from `voxels` (x fastest), of the texture's array type. */
  write(firstSlot: number, voxels: ArrayBufferView): void;
  /** Releases the texture. */
  dispose(): void;
}
