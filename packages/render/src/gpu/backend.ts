import type { MprPass } from '../passes/mpr/mpr-pass-interface.js';
import type { SlicePass } from '../passes/slice/slice-pass-interface.js';
import type { VolumeRenderPass } from '../passes/volume/volume-pass-interface.js';
import type { Size } from '../view/view-transform.js';
import type { VolumeVoxels } from '../volume/volume-data.js';
import type { VolumeTexture } from '../volume/volume-texture.js';

/** The GPU APIs the renderer can run on, in the default order of preference. */
export type BackendKind = 'webgpu' | 'webgl2';

/** What the page learns about the backend that was started. */
export interface BackendInfo {
  /** The API in use. */
  kind: BackendKind;
  /** Adapter or renderer description, e.g. `google swiftshader` or the WebGL renderer string. */
  adapter: string;
  /** True on a software adapter (SwiftShader, llvmpipe): slow, but exact. */
  software: boolean;
  /** Largest 2D texture side, pixels: larger images are refused. */
  maxTextureSize: number;
  /**
   * Largest 3D texture side the renderer uses, texels: the device's limit (WebGPU
   * `maxTextureDimension3D`, WebGL2 `MAX_3D_TEXTURE_SIZE`), or the lower
   * `maxVolumeTextureSize` the device was created with. A volume with a longer side is cut into
   * bricks laid side by side in one texture (a brick atlas); one no atlas can hold is refused.
   */
  maxVolumeSize: number;
}

/**
 * A pass a backend draws: made by that backend (e.g. {@link RenderBackend.createSlicePass}) and
 * recorded by it, in order, in {@link RenderBackend.drawFrame}. Each backend knows its own
 * passes' recording method; passes of another backend are never mixed in.
 */
export interface GpuPass {
  /** True when the pass has everything it needs to draw. */
  readonly ready: boolean;
  /** Releases the pass's own GPU resources (not shared ones such as volume textures). */
  dispose(): void;
}

/**
 * Where a viewport's frames go: its OffscreenCanvas and the backend's state for it. Opaque
 * outside the backend that made it.
 */
export interface RenderTarget {
  readonly canvas: OffscreenCanvas;
}

/**
 * One GPU device (WebGPU) or context (WebGL2), shared by every viewport of a render worker.
 * Passes are created by the backend and drawn into targets through {@link RenderBackend.drawFrame}.
 */
export interface RenderBackend {
  readonly info: BackendInfo;
  /**
   * Settles with a description when the device or context is lost for any reason other than
   * {@link RenderBackend.destroy}; never rejects.
   */
  readonly lost: Promise<string>;
  /** Prepares a viewport's canvas for this backend (again, after a device loss). */
  createTarget(canvas: OffscreenCanvas): RenderTarget;
  /** A new slice pass on this device. */
  createSlicePass(): SlicePass;
  /** A new MPR pass (one layer of a plane view) on this device. */
  createMprPass(): MprPass;
  /** A new volume rendering pass (ray casting: DVR or MIP) on this device. */
  createVolumeRenderPass(): VolumeRenderPass;
  /**
   * A 3D texture for a volume of `dimensions`, in the format of `sample`'s array type (Int16 →
   * r16sint/R16I, Uint16 → r16uint/R16UI, Uint8 → r8uint/R8UI, Float32 → r32float/R32F), not
   * filled yet: the volume as it is, or a brick atlas when a side exceeds `info.maxVolumeSize`.
   * Throws `RENDER_VOLUME_TOO_LARGE` when no atlas fits (the caller checks beforehand).
   */
  createVolumeTexture(dimensions: readonly [number, number, number], sample: VolumeVoxels): VolumeTexture;
  /**
   * Clears the target to opaque black and draws the passes, in order, over it at the canvas's
   * current size, or at `resolution` (smaller, for progressive quality) scaled up to the canvas
   * nearest: canvas pixel x shows pixel floor((x + 0.5) · resolution / size). With `readback`,
   * returns the frame as RGBA bytes, top row first, exactly as it was presented.
   */
  drawFrame(
    target: RenderTarget,
    passes: readonly GpuPass[],
    readback: boolean,
    resolution?: Size,
  ): Promise<Uint8Array | undefined>;
  /** Simulates a device loss the way a driver reset would look (WebGPU `device.destroy()`). */
  simulateLoss(): void;
  /** Releases the device; `lost` does not settle for this. */
  destroy(): void;
}
