import type { VolumeVoxels } from '../volume/volume-data.js';

/**
 * Voxels ready to post to the render worker with the buffers to transfer. A view that owns its
 * whole ArrayBuffer is transferred as it is (no copy; the caller's array is detached), unless
 * `copy` is asked for. Any other view (a view into WebAssembly memory, such as
 * `Volume.voxels()`, or into a larger buffer) is copied first: posting it would clone, or try to
 * transfer, the whole buffer behind it.
 */
export function sendableVoxels(
  voxels: VolumeVoxels,
  copy: boolean,
): { voxels: VolumeVoxels; transfer: ArrayBuffer[] } {
  // Not voxels at all: let the worker refuse it with its typed error.
  if (!ArrayBuffer.isView(voxels)) return { voxels, transfer: [] };
  const { buffer } = voxels;
  if (
    !copy &&
    buffer instanceof ArrayBuffer &&
    voxels.byteOffset === 0 &&
    voxels.byteLength === buffer.byteLength
  ) {
    return { voxels, transfer: [buffer] };
  }
  const own = voxels.slice();
  return { voxels: own, transfer: [own.buffer as ArrayBuffer] };
}
