import { describe, expect, it } from 'vitest';
import { BRICK_SIZE, brickRanges, visibleBricks } from './empty-bricks.js';
import { bakeTransferFunction } from './transfer-function.js';

describe('empty-space bricks', () => {
  it('ranges each brick over its voxels and its neighbours on the high side of each axis', () => {
    // 17 × 9 × 8: 3 × 2 × 1 bricks; one bright voxel at x = 8 (first of brick 1).
    const [nx, ny, nz] = [17, 9, 8];
    const voxels = new Int16Array(nx * ny * nz).fill(-1000);
    voxels[8 + nx * (2 + ny * 3)] = 500;
    const ranges = brickRanges(voxels, [nx, ny, nz]);
    expect(ranges.dimensions).toEqual([3, 2, 1]);
    expect(BRICK_SIZE).toBe(8);
    // Brick 0 reads voxel 8 when interpolating between 7 and 8; brick 1 owns it; brick 2 does
    // not, nor do the bricks at y = 1, which lie above it (bricks x fastest: [0..2] y = 0).
    expect(Array.from(ranges.max)).toEqual([500, 500, -1000, -1000, -1000, -1000]);
    expect(Array.from(ranges.min)).toEqual([-1000, -1000, -1000, -1000, -1000, -1000]);
  });

  it('marks a brick visible only when some value in its range has opacity', () => {
    const table = bakeTransferFunction({
      colour: [{ value: 0, rgb: [1, 1, 1] }],
      opacity: [
        { value: 100, alpha: 0 },
        { value: 200, alpha: 0.5 },
        { value: 300, alpha: 0 },
      ],
    });
    const ranges = {
      dimensions: [4, 1, 1] as [number, number, number],
      min: Float32Array.from([-1000, 150, 250, 310]),
      max: Float32Array.from([99, 160, 1000, 2000]),
    };
    expect(Array.from(visibleBricks(ranges, table))).toEqual([0, 1, 1, 0]);
  });
});
