import type { SlicePass } from '../passes/slice/slice-pass-interface.js';

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
  /**
   * Draws the passes, in order, into the target at the canvas's current size. With `readback`,
   * returns the frame as RGBA bytes, top row first, exactly as it was presented.
   */
  drawFrame(
    target: RenderTarget,
    passes: readonly SlicePass[],
    readback: boolean,
  ): Promise<Uint8Array | undefined>;
  /** Simulates a device loss the way a driver reset would look (WebGPU `device.destroy()`). */
  simulateLoss(): void;
  /** Releases the device; `lost` does not settle for this. */
  destroy(): void;
}
