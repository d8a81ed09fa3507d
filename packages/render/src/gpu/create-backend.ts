import { type BackendAttempt, GpuUnavailableError } from '../errors/gpu-unavailable-error.js';
import { RenderInputError } from '../errors/render-input-error.js';
import { WebGl2Backend } from '../webgl2/webgl2-backend.js';
import { WebGpuBackend } from '../webgpu/webgpu-backend.js';
import type { BackendKind, RenderBackend } from './backend.js';

/** How the render worker picks its backend. */
export interface BackendOptions {
  /** Backends to try, in order. Default `['webgpu', 'webgl2']`; `['webgl2']` forces WebGL2. */
  backends?: readonly BackendKind[];
  /**
   * Behave as if these APIs were missing from the worker (`navigator.gpu` undefined, no `webgl2`
   * context): for tests of the fallback path, and for hosts that must avoid an API.
   */
  simulateMissing?: readonly BackendKind[];
  /**
   * Largest side of a volume texture, texels, when lower than the device's 3D-texture limit: to
   * cap the GPU memory one volume may take in a texture's side, or to test bricking with small
   * volumes. Volumes with a longer side are bricked (see `BackendInfo.maxVolumeSize`). A whole
   * number ≥ 1; default: the device's limit.
   */
  maxVolumeTextureSize?: number;
}

/** The default backend order: WebGPU, then WebGL2. */
export const DEFAULT_BACKENDS: readonly BackendKind[] = ['webgpu', 'webgl2'];

/**
 * Starts the first backend of the order that works here; throws {@link GpuUnavailableError}
 * with the reason for each one tried when none does. Runs in the render worker.
 */
export async function createBackend(options: BackendOptions = {}): Promise<RenderBackend> {
  const order = options.backends ?? DEFAULT_BACKENDS;
  const missing = new Set(options.simulateMissing ?? []);
  const { maxVolumeTextureSize } = options;
  if (
    maxVolumeTextureSize !== undefined &&
    !(Number.isInteger(maxVolumeTextureSize) && maxVolumeTextureSize >= 1)
  ) {
    throw new RenderInputError(
      'RENDER_INVALID_OPTION',
      `maxVolumeTextureSize ${maxVolumeTextureSize} is not a whole number of texels ≥ 1`,
    );
  }
  const attempts: BackendAttempt[] = [];
  for (const kind of order) {
    try {
      if (kind === 'webgpu') {
        const gpu = missing.has('webgpu') ? undefined : (navigator as Navigator & { gpu?: GPU }).gpu;
        if (!gpu) {
          attempts.push({ backend: kind, reason: 'navigator.gpu is missing (no WebGPU in this browser)' });
          continue;
        }
        return await WebGpuBackend.create(gpu, maxVolumeTextureSize);
      }
      if (missing.has('webgl2')) {
        attempts.push({ backend: kind, reason: 'getContext("webgl2") returned null' });
        continue;
      }
      return WebGl2Backend.create(maxVolumeTextureSize);
    } catch (error) {
      attempts.push({ backend: kind, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new GpuUnavailableError(attempts);
}
