import { describe, expect, it } from 'vitest';
import {
  type RenderVolumeData,
  validateSlotUpdate,
  validateVolumeData,
  volumeTexelKind,
} from './volume-data.js';

const geometry = {
  dimensions: [4, 3, 2] as [number, number, number],
  origin: [0, 0, 0] as [number, number, number],
  directions: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ] as [[number, number, number], [number, number, number], [number, number, number]],
  spacing: [1, 1, 2] as [number, number, number],
};
const volume: RenderVolumeData = { geometry, voxels: new Int16Array(24) };

describe('volume data', () => {
  it('maps array types to texel kinds', () => {
    expect(volumeTexelKind(new Int16Array(1))).toBe('sint');
    expect(volumeTexelKind(new Uint16Array(1))).toBe('uint');
    expect(volumeTexelKind(new Uint8Array(1))).toBe('uint');
    expect(volumeTexelKind(new Float32Array(1))).toBe('float');
  });

  it('accepts a consistent volume within the 3D texture limit', () => {
    expect(() => validateVolumeData(volume, 4)).not.toThrow();
  });

  it('accepts a side past the 3D texture limit when its bricks fit one texture', () => {
    expect(() => validateVolumeData(volume, 3)).not.toThrow();
  });

  it('refuses a volume no brick atlas can hold with RENDER_VOLUME_TOO_LARGE, saying what would', () => {
    expect(() => validateVolumeData(volume, 2)).toThrow(
      expect.objectContaining({
        code: 'RENDER_VOLUME_TOO_LARGE',
        message: expect.stringMatching(/4 × 3 × 2 .*2 per side.*at least 3\b/),
      }),
    );
  });

  it('refuses wrong lengths, types, sizes and spacings with RENDER_INVALID_VOLUME', () => {
    const bad: RenderVolumeData[] = [
      { geometry, voxels: new Int16Array(23) },
      { geometry, voxels: new Int32Array(24) as never },
      { geometry: { ...geometry, dimensions: [4, 0, 2] }, voxels: new Int16Array(0) },
      { geometry: { ...geometry, spacing: [1, -1, 1] }, voxels: new Int16Array(24) },
      { geometry: { ...geometry, origin: [0, Number.NaN, 0] }, voxels: new Int16Array(24) },
    ];
    for (const data of bad) {
      expect(() => validateVolumeData(data, 2048)).toThrow(
        expect.objectContaining({ code: 'RENDER_INVALID_VOLUME' }),
      );
    }
  });

  it('accepts whole-slot updates inside the volume and counts their slots', () => {
    expect(validateSlotUpdate(volume, { firstSlot: 0, voxels: new Int16Array(24) })).toBe(2);
    expect(validateSlotUpdate(volume, { firstSlot: 1, voxels: new Int16Array(12) })).toBe(1);
  });

  it('refuses updates of another type, of partial slots or past the last slot', () => {
    for (const update of [
      { firstSlot: 0, voxels: new Float32Array(12) },
      { firstSlot: 0, voxels: new Int16Array(13) },
      { firstSlot: 1, voxels: new Int16Array(24) },
      { firstSlot: -1, voxels: new Int16Array(12) },
      { firstSlot: 0.5, voxels: new Int16Array(12) },
    ]) {
      expect(() => validateSlotUpdate(volume, update)).toThrow(
        expect.objectContaining({ code: 'RENDER_INVALID_VOLUME' }),
      );
    }
  });
});
