import { describe, expect, it } from 'vitest';
import {
  atlasTexel,
  atlasWrites,
  type BrickAtlas,
  brickAtlas,
  planBrickAtlas,
  tileOrigin,
} from './brick-atlas.js';

type Triple = [number, number, number];

/** Every voxel's atlas texel, checked to be inside the atlas and used once; returns the texel map. */
function expectBijection(atlas: BrickAtlas): Int32Array {
  const [nx, ny, nz] = atlas.dimensions;
  const [ax, ay, az] = atlas.size;
  const owner = new Int32Array(ax * ay * az).fill(-1);
  const texelOf = new Int32Array(nx * ny * nz);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const [tx, ty, tz] = atlasTexel(atlas, [x, y, z]);
        expect(tx >= 0 && tx < ax && ty >= 0 && ty < ay && tz >= 0 && tz < az).toBe(true);
        const texel = tx + ax * (ty + ay * tz);
        const voxel = x + nx * (y + ny * z);
        expect(owner[texel]).toBe(-1);
        owner[texel] = voxel;
        texelOf[voxel] = texel;
      }
    }
  }
  return texelOf;
}

/** The texel of voxel `p` by integer division (⌊a / b⌋ in f64, exact here): what `atlasTexel` must give. */
function integerAtlasTexel(atlas: BrickAtlas, p: Triple): Triple {
  const [gx, gy] = atlas.layout.grid;
  const cell: Triple = [0, 0, 0];
  const start: Triple = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    const n = atlas.dimensions[a] as number;
    const bricks = atlas.layout.grid[a] as number;
    const c = Math.floor((((p[a] as number) + 1) * bricks - 1) / n);
    cell[a] = c;
    start[a] = Math.floor((c * n) / bricks);
  }
  const origin = tileOrigin(atlas, cell[0] + gx * (cell[1] + gy * cell[2]));
  return [origin[0] + p[0] - start[0], origin[1] + p[1] - start[1], origin[2] + p[2] - start[2]];
}

/** Every voxel index along `axis`; past 4096, every 61st and those beside each brick border. */
function axisVoxels(atlas: BrickAtlas, axis: number): number[] {
  const n = atlas.dimensions[axis] as number;
  if (n <= 4096) return Array.from({ length: n }, (_, v) => v);
  const voxels = new Set<number>([n - 1]);
  for (let v = 0; v < n; v += 61) voxels.add(v);
  for (const brick of atlas.layout.bricks) {
    const start = brick.coreStart[axis] as number;
    for (let v = Math.max(0, start - 2); v <= Math.min(n - 1, start + 2); v++) voxels.add(v);
  }
  return [...voxels];
}

/** Applies the atlas writes of an update to a CPU atlas, as the textures do. */
function writeSlots(atlas: BrickAtlas, texels: Int32Array, firstSlot: number, voxels: Int32Array): void {
  const [nx, ny] = atlas.dimensions;
  const [ax, ay] = atlas.size;
  for (const { origin, size, source } of atlasWrites(atlas, firstSlot, voxels.length / (nx * ny))) {
    for (let z = 0; z < size[2]; z++) {
      for (let y = 0; y < size[1]; y++) {
        for (let x = 0; x < size[0]; x++) {
          const from = source[0] + x + nx * (source[1] + y + ny * (source[2] + z));
          const to = origin[0] + x + ax * (origin[1] + y + ay * (origin[2] + z));
          texels[to] = voxels[from] as number;
        }
      }
    }
  }
}

describe('brick atlas', () => {
  it('keeps a volume that fits as it is: one brick, the identity mapping', () => {
    const atlas = brickAtlas([512, 512, 300], 2048);
    expect(atlas).toMatchObject({ bricked: false, size: [512, 512, 300], tiles: [1, 1, 1] });
    expect(atlas.layout.bricks).toHaveLength(1);
    expect(atlasTexel(atlas, [7, 500, 299])).toEqual([7, 500, 299]);
    expect(atlasWrites(atlas, 3, 2)).toEqual([{ origin: [0, 0, 3], size: [512, 512, 2], source: [0, 0, 0] }]);
  });

  it('packs 512 × 512 × 3000 at 2048 as two bricks side by side: 1024 × 512 × 1500', () => {
    const atlas = brickAtlas([512, 512, 3000], 2048);
    expect(atlas).toMatchObject({
      bricked: true,
      tileSize: [512, 512, 1500],
      tiles: [2, 1, 1],
      size: [1024, 512, 1500],
    });
    expect(atlas.layout.grid).toEqual([1, 1, 2]);
    expect(atlasTexel(atlas, [0, 0, 1499])).toEqual([0, 0, 1499]);
    expect(atlasTexel(atlas, [0, 0, 1500])).toEqual([512, 0, 0]);
    expect(atlasTexel(atlas, [511, 511, 2999])).toEqual([1023, 511, 1499]);
  });

  it('fits every side within the limit and maps every voxel to its own texel', () => {
    const cases: [Triple, number][] = [
      [[9, 7, 40], 16],
      [[40, 9, 7], 16],
      [[7, 33, 9], 16],
      [[21, 19, 10], 16],
      [[17, 5, 17], 16],
      [[13, 11, 101], 30],
    ];
    for (const [dimensions, limit] of cases) {
      const atlas = brickAtlas(dimensions, limit);
      expect(atlas.bricked).toBe(true);
      expect(Math.max(...atlas.size)).toBeLessThanOrEqual(limit);
      // Tiles hold their bricks, and no two bricks share a tile.
      const origins = new Set<string>();
      for (const brick of atlas.layout.bricks) {
        for (let a = 0; a < 3; a++) {
          expect(brick.coreSize[a]).toBeLessThanOrEqual(atlas.tileSize[a] as number);
        }
        origins.add(tileOrigin(atlas, brick.index).join());
      }
      expect(origins.size).toBe(atlas.layout.bricks.length);
      expectBijection(atlas);
    }
  });

  it('cuts into the fewest bricks that pack, and packs them into the smallest atlas', () => {
    // The fewest bricks, 2 × 2 × 1 of 9 × 9 × 5, leave no room: one tile along x and y (9 > 16 / 2),
    // three along z. Three cuts along x and y (≤ 6 voxels) let two tiles share each: 12 × 12 × 15.
    const atlas = brickAtlas([17, 17, 5], 16);
    expect(atlas.layout.grid).toEqual([3, 3, 1]);
    expect(atlas.size).toEqual([12, 12, 15]);
    for (const [dimensions, limit] of [
      [[17, 17, 5], 16],
      [[9, 7, 40], 16],
      [[13, 11, 101], 30],
      [[2049, 2049, 600], 2048],
      [[512, 512, 1200], 1024],
    ] as [Triple, number][]) {
      const { tileSize, size, layout } = brickAtlas(dimensions, limit);
      // No packing of these bricks into tiles within the limit has fewer texels.
      const count = layout.bricks.length;
      let smallest = Number.POSITIVE_INFINITY;
      const most = tileSize.map((t) => Math.floor(limit / t));
      for (let x = 1; x <= (most[0] as number); x++)
        for (let y = 1; y <= (most[1] as number); y++)
          for (let z = 1; z <= (most[2] as number); z++)
            if (x * y * z >= count)
              smallest = Math.min(smallest, x * y * z * tileSize[0] * tileSize[1] * tileSize[2]);
      expect(size[0] * size[1] * size[2]).toBe(smallest);
    }
  });

  it('writes slot ranges that straddle bricks into the right tiles', () => {
    for (const [dimensions, limit] of [
      [[6, 5, 40], 16],
      [[33, 4, 9], 16],
      [[5, 21, 12], 16],
    ] as [Triple, number][]) {
      const atlas = brickAtlas(dimensions, limit);
      const [nx, ny, nz] = dimensions;
      const texelOf = expectBijection(atlas);
      const volume = Int32Array.from({ length: nx * ny * nz }, (_, i) => i * 7 + 1);
      const texels = new Int32Array(atlas.size[0] * atlas.size[1] * atlas.size[2]);
      // Three updates whose ranges cross brick borders (z is cut for the first volume).
      for (const [first, slots] of [
        [0, 3],
        [3, nz - 5],
        [nz - 2, 2],
      ] as const) {
        writeSlots(atlas, texels, first, volume.subarray(first * nx * ny, (first + slots) * nx * ny));
      }
      for (let voxel = 0; voxel < volume.length; voxel++) {
        expect(texels[texelOf[voxel] as number]).toBe(volume[voxel]);
      }
    }
  });

  it('maps every voxel along every axis of large atlases as integer division does (the shaders use f32)', () => {
    for (const [dimensions, limit] of [
      [[512, 512, 3000], 2048],
      [[2049, 2049, 600], 2048],
      [[256, 256, 600], 512],
      [[3000, 5, 700], 256],
      [[1, 1, 4_000_000], 2048],
    ] as [Triple, number][]) {
      const atlas = brickAtlas(dimensions, limit);
      expect(atlas.bricked).toBe(true);
      for (let axis = 0; axis < 3; axis++) {
        for (const fraction of [0, 0.37, 1]) {
          const p = dimensions.map((n) => Math.round((n - 1) * fraction)) as Triple;
          for (const v of axisVoxels(atlas, axis)) {
            p[axis] = v;
            const texel = atlasTexel(atlas, p);
            const expected = integerAtlasTexel(atlas, p);
            if (texel.some((t, a) => t !== expected[a])) expect([p, texel]).toEqual([p, expected]);
          }
        }
      }
    }
  });

  it("refuses sides of 2^22 voxels, past which the shaders' f32 division is not proven exact", () => {
    expect(planBrickAtlas([1, 1, 2 ** 22], 2048)).toBeUndefined();
    expect(planBrickAtlas([1, 1, 2 ** 22 - 1], 2048)?.bricked).toBe(true);
  });

  it('refuses a volume no atlas can hold with RENDER_VOLUME_TOO_LARGE, saying what would', () => {
    expect(planBrickAtlas([17, 17, 17], 16)).toBeUndefined();
    expect(() => brickAtlas([17, 17, 17], 16)).toThrow(
      expect.objectContaining({
        code: 'RENDER_VOLUME_TOO_LARGE',
        message: expect.stringMatching(/17 × 17 × 17.*16 per side.*at least 17\b.*Paging bricks/),
      }),
    );
    expect(() => brickAtlas([4, 4, 4], 0)).toThrow(
      expect.objectContaining({ code: 'RENDER_INVALID_OPTION' }),
    );
  });
});
