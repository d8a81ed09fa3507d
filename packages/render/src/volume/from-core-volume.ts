import type { Volume } from '@fovea/core';
import type { RenderVolumeData, VolumeSlotUpdate } from './volume-data.js';

/**
 * The render form of a @fovea/core `Volume` as it stands (slices not written yet hold its
 * background): its geometry and a copy of its voxels out of WebAssembly memory, ready to be
 * transferred with `RenderDevice.createVolume`.
 */
export function renderVolumeData(volume: Volume): RenderVolumeData {
  const { dimensions, origin, directions, spacing } = volume.geometry;
  return {
    geometry: structuredClone({ dimensions, origin, directions, spacing }),
    voxels: volume.voxels().slice(),
  };
}

/**
 * Slots `firstSlot … firstSlot + count − 1` of a @fovea/core `Volume`, copied, for
 * `RenderVolume.update` as slices arrive (a `VolumeSliceReadyEvent` carries the slot written).
 * The volume must have kept its voxel type since it was handed over (an int16 volume widened to
 * float32 needs a new `createVolume`).
 */
export function renderVolumeSlots(volume: Volume, firstSlot: number, count = 1): VolumeSlotUpdate {
  const n = volume.sliceVoxelCount;
  return { firstSlot, voxels: volume.voxels().slice(firstSlot * n, (firstSlot + count) * n) };
}
