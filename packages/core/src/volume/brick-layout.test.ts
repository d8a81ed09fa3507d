import { describe, expect, it } from 'vitest';
import { type Brick, brickLayout, copyBrick } from './brick-layout.js';
import { seededRandom } from './volume.test-support.js';
import type { VolumeError } from './volume-error.js';

type Triple = [number, number, number];

/** Plain trilinear interpolation at voxel coordinate p of a buffer of `dims` (x fastest). */
function trilinear(v: ArrayLike<number>, [nx, ny, nz]: Triple, p: Triple): number {
  const at = (x: number, y: number, z: number) =>
    v[Math.min(x, nx - 1) + nx * (Math.min(y, ny - 1) + ny * Math.min(z, nz - 1))] as number;
  const [x0, y0, z0] = p.map(Math.floor) as Triple;
  const [fx, fy, fz] = [p[0] - x0, p[1] - y0, p[2] - z0];
  const lerp = (a: number, b: number, t: number) => a + t * (b - a);
  const plane = (z: number) =>
    lerp(lerp(at(x0, y0, z), at(x0 + 1, y0, z), fx), lerp(at(x0, y0 + 1, z), at(x0 + 1, y0 + 1, z), fx), fy);
  return lerp(plane(z0), plane(z0 + 1), fz);
}

describe('brickLayout', () => {
  it('cuts 512 × 512 × 3000 into two bricks along z for a 2048 texture limit, sharing one voxel each way', () => {
    const layout = brickLayout([512, 512, 3000], { maxDimension: 2048 });
    expect(layout.grid).toEqual([1, 1, 2]);
    expect(layout.bricks).toEqual<Brick[]>([
      {
        index: 0,
        cell: [0, 0, 0],
        start: [0, 0, 0],
        size: [512, 512, 1501],
        coreStart: [0, 0, 0],
        coreSize: [512, 512, 1500],
      },
      {
        index: 1,
        cell: [0, 0, 1],
        start: [0, 0, 1499],
        size: [512, 512, 1501],
        coreStart: [0, 0, 1500],
        coreSize: [512, 512, 1500],
      },
    ]);
  });

  it('balances cores and keeps every brick within the limit, overlap included', () => {
    // 5000 voxels, cores of at most 2046: three bricks, cores 1666, 1667, 1667.
    const layout = brickLayout([5000, 10, 10], { maxDimension: 2048 });
    expect(layout.bricks.map((b) => [b.coreStart[0], b.coreSize[0], b.start[0], b.size[0]])).toEqual([
      [0, 1666, 0, 1667],
      [1666, 1667, 1665, 1669],
      [3333, 1667, 3332, 1668],
    ]);
    const random = seededRandom(7);
    for (let trial = 0; trial < 60; trial++) {
      const dims = [0, 1, 2].map(() => 1 + Math.floor(random() * 60)) as Triple;
      const overlap = Math.floor(random() * 3);
      const maxDimension = 2 * overlap + 4 + Math.floor(random() * 20);
      const { bricks, grid } = brickLayout(dims, { maxDimension, overlap });
      expect(bricks).toHaveLength(grid[0] * grid[1] * grid[2]);
      let cores = 0;
      for (const b of bricks) {
        for (let a = 0; a < 3; a++) {
          expect(b.size[a]).toBeLessThanOrEqual(maxDimension);
          expect(b.start[a]).toBe(Math.max(0, (b.coreStart[a] as number) - overlap));
          expect((b.start[a] as number) + (b.size[a] as number)).toBe(
            Math.min(dims[a] as number, (b.coreStart[a] as number) + (b.coreSize[a] as number) + overlap),
          );
        }
        cores += b.coreSize[0] * b.coreSize[1] * b.coreSize[2];
      }
      // Cores tile the volume: together exactly its voxel count, each starting where the last ended.
      expect(cores).toBe(dims[0] * dims[1] * dims[2]);
      const stride = [1, grid[0], grid[0] * grid[1]];
      for (const b of bricks) {
        expect(b.index).toBe(b.cell[0] + grid[0] * (b.cell[1] + grid[1] * b.cell[2]));
        for (let a = 0; a < 3; a++) {
          const previous = b.cell[a] === 0 ? undefined : bricks[b.index - (stride[a] as number)];
          expect(b.coreStart[a]).toBe(
            previous ? (previous.coreStart[a] as number) + (previous.coreSize[a] as number) : 0,
          );
        }
      }
    }
  });

  it('lets trilinear samples anywhere in a core read only the brick (overlap 1)', () => {
    const dims: Triple = [9, 7, 23];
    const random = seededRandom(11);
    const voxels = Float32Array.from({ length: dims[0] * dims[1] * dims[2] }, () => random() * 1000);
    const layout = brickLayout(dims, { maxDimension: 5 });
    expect(layout.grid).toEqual([3, 3, 8]);
    for (const brick of layout.bricks) {
      const own = copyBrick(voxels, dims, brick);
      for (let n = 0; n < 20; n++) {
        // A point in the core's voxel cells, clamped to the volume's sampled range.
        const p = [0, 1, 2].map((a) => {
          const lo = Math.max(0, (brick.coreStart[a] as number) - 0.5);
          const hi = Math.min(
            (dims[a] as number) - 1,
            (brick.coreStart[a] as number) + (brick.coreSize[a] as number) - 0.5,
          );
          return lo + random() * (hi - lo);
        }) as Triple;
        const local = p.map((v, a) => v - (brick.start[a] as number)) as Triple;
        expect(trilinear(own, brick.size, local)).toBeCloseTo(trilinear(voxels, dims, p), 3);
      }
    }
  });

  it('copies bricks cut along x and y voxel for voxel', () => {
    const dims: Triple = [6, 5, 4];
    const voxels = Int16Array.from({ length: 120 }, (_, i) => i);
    const brick = brickLayout(dims, { maxDimension: 4 }).bricks[4] as Brick;
    expect([brick.cell, brick.start, brick.size]).toEqual([
      [1, 1, 0],
      [1, 0, 0],
      [4, 4, 4],
    ]);
    const copy = copyBrick(voxels, dims, brick);
    expect(copy).toBeInstanceOf(Int16Array);
    for (let z = 0; z < 4; z++)
      for (let y = 0; y < 4; y++)
        for (let x = 0; x < 4; x++) expect(copy[x + 4 * (y + 4 * z)]).toBe(x + 1 + 6 * (y + 5 * z));
  });

  it('rejects bad dimensions and a limit that cannot hold the overlap', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as VolumeError).code;
      }
      return undefined;
    };
    expect(code(() => brickLayout([0, 1, 1], { maxDimension: 8 }))).toBe('VOLUME_BAD_ARGUMENT');
    expect(code(() => brickLayout([10, 1, 1.5], { maxDimension: 8 }))).toBe('VOLUME_BAD_ARGUMENT');
    expect(code(() => brickLayout([10, 10, 10], { maxDimension: 2 }))).toBe('VOLUME_BAD_ARGUMENT');
    expect(code(() => brickLayout([10, 10, 10], { maxDimension: 4, overlap: -1 }))).toBe(
      'VOLUME_BAD_ARGUMENT',
    );
  });
});
