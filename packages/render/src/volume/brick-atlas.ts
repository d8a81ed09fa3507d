import { type BrickLayout, brickLayout } from '@fovea/core';
import { RenderInputError } from '../errors/render-input-error.js';
import { floatQuotient, MAX_QUOTIENT } from './float-quotient.js';

type Triple = [number, number, number];

/**
 * How a volume lies in its one 3D texture. A volume whose sides all fit the device's 3D-texture
 * limit is stored as it is (`bricked: false`, texel = voxel). A larger one (e.g. 512 × 512 × 3000
 * against 2048) is cut by @fovea/core's `brickLayout` (no overlap) into bricks, which are laid
 * side by side as tiles of one "atlas" texture whose every side fits the limit (there: two bricks
 * of 512 × 512 × 1500 in a 1024 × 512 × 1500 atlas). The shaders map a voxel index to its atlas
 * texel with a few exact integer and f32 operations ({@link atlasTexel} is the reference) and interpolate
 * themselves, so trilinear samples, slabs and gradients across brick borders read exactly the
 * voxels they read unbricked: the frames are identical, with no overlap between bricks.
 */
export interface BrickAtlas {
  /** Voxels of the volume along x, y, z. */
  dimensions: Triple;
  /** The 3D-texture limit the atlas respects, texels per side. */
  maxSize: number;
  /** True when the volume is cut into bricks (more than one). */
  bricked: boolean;
  /** The bricks (cores only: overlap 0), x fastest, then y, then z; one brick when not bricked. */
  layout: BrickLayout;
  /** Texels of one atlas tile along x, y, z: the largest brick along each axis. */
  tileSize: Triple;
  /** Tiles along the atlas's x, y, z. Brick b lies in tile (b mod tx, ⌊b / tx⌋ mod ty, ⌊b / (tx·ty)⌋). */
  tiles: Triple;
  /** The texture's size, texels: tiles × tileSize, each at most `maxSize`. */
  size: Triple;
}

/** One sub-region copy of a slot update into the atlas (what `VolumeTexture.write` issues). */
export interface AtlasWrite {
  /** First texel of the region in the atlas. */
  origin: Triple;
  /** Texels of the region along x, y, z. */
  size: Triple;
  /**
   * First voxel of the region in the update's array (x, y, z; z counted from the update's first
   * slot): rows of `dimensions[0]` voxels, images of `dimensions[0] · dimensions[1]`.
   */
  source: Triple;
}

/** Bricks a plan may have; finer cuts are not tried (planning stays a few milliseconds). */
const MAX_BRICKS = 4096;
/** Most bricks per axis tried when a finer cut could pack better than the fewest bricks. */
const MAX_CUTS_PER_AXIS = 64;

/**
 * Plans the texture of a volume of `dimensions` voxels on a device whose 3D textures hold at most
 * `maxSize` texels per side: the volume as it is when it fits, else a brick atlas of the fewest
 * bricks that pack into one texture (bricks as large as possible: the shaders' fast path is a
 * trilinear sample within one brick), packed into the smallest atlas (fewest texels). The bricks
 * are `brickLayout`'s at the largest brick limit ≤ `maxSize` that packs: usually `maxSize`
 * itself; a finer cut only when the fewest bricks leave no room.
 * Throws {@link RenderInputError} `RENDER_VOLUME_TOO_LARGE`, saying what would be needed, when
 * no atlas fits one texture.
 */
export function brickAtlas(dimensions: readonly [number, number, number], maxSize: number): BrickAtlas {
  const atlas = planBrickAtlas(dimensions, maxSize);
  if (atlas) return atlas;
  const voxels = dimensions[0] * dimensions[1] * dimensions[2];
  const needed = smallestLimit(dimensions, maxSize);
  throw new RenderInputError(
    'RENDER_VOLUME_TOO_LARGE',
    `Volume ${dimensions.join(' × ')} (${voxels} voxels) does not fit the device's 3D textures (${maxSize} per side, ${maxSize ** 3} texels) even cut into bricks packed side by side in one texture; ` +
      `a device whose 3D-texture limit is at least ${needed} would hold it. Paging bricks in and out of GPU memory is not implemented.`,
  );
}

/** As {@link brickAtlas}, but undefined when no atlas fits. */
export function planBrickAtlas(
  dimensions: readonly [number, number, number],
  maxSize: number,
): BrickAtlas | undefined {
  if (!Number.isInteger(maxSize) || maxSize < 1) {
    throw new RenderInputError(
      'RENDER_INVALID_OPTION',
      `A 3D-texture limit of ${maxSize} texels is not a positive whole number`,
    );
  }
  const dims = [...dimensions] as Triple;
  if (dims.every((n) => n <= maxSize)) {
    const layout = brickLayout(dims, { maxDimension: maxSize, overlap: 0 });
    return {
      dimensions: dims,
      maxSize,
      bricked: false,
      layout,
      tileSize: dims,
      tiles: [1, 1, 1],
      size: dims,
    };
  }
  // The shaders' f32 divisions are exact for quotients below MAX_QUOTIENT (float-quotient.ts);
  // a brick's start is one (up to the side): sides of 2^22 voxels are refused, none is that long.
  if (dims.some((n) => n >= MAX_QUOTIENT)) return undefined;
  for (const edge of brickEdges(dims, maxSize)) {
    const grid = dims.map((n) => (n <= edge ? 1 : Math.ceil(n / edge))) as Triple;
    const count = grid[0] * grid[1] * grid[2];
    if (count > MAX_BRICKS) continue;
    // Balanced cores (brickLayout's): the largest along an axis is ⌈n / bricks⌉.
    const tileSize = dims.map((n, a) => Math.ceil(n / (grid[a] as number))) as Triple;
    const tiles = packTiles(count, tileSize, maxSize);
    if (!tiles) continue;
    const size = tiles.map((t, a) => t * (tileSize[a] as number)) as Triple;
    const layout = brickLayout(dims, { maxDimension: edge, overlap: 0 });
    return { dimensions: dims, maxSize, bricked: true, layout, tileSize, tiles, size };
  }
  return undefined;
}

/** The atlas texel of tile `brick`'s first texel. */
export function tileOrigin(atlas: BrickAtlas, brick: number): Triple {
  const [tx, ty] = atlas.tiles;
  const tile = [brick % tx, Math.floor(brick / tx) % ty, Math.floor(brick / (tx * ty))];
  return tile.map((t, a) => t * (atlas.tileSize[a] as number)) as Triple;
}

/**
 * The atlas texel holding voxel `p`: the reference of the shaders' `load` (brick-atlas.wgsl,
 * brick-atlas.glsl), in the same steps: brick cell ⌊((p + 1)·bricks − 1) / n⌋ per axis (the
 * balanced cores of `brickLayout` start at ⌊cell · n / bricks⌋), then the cell's tile; every
 * division as the shaders do it, an f32 multiply by the reciprocal, corrected ({@link floatQuotient}).
 */
export function atlasTexel(atlas: BrickAtlas, p: readonly [number, number, number]): Triple {
  if (!atlas.bricked) return [...p] as Triple;
  const { grid } = atlas.layout;
  const cell: Triple = [0, 0, 0];
  const start: Triple = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    const n = atlas.dimensions[a] as number;
    const bricks = grid[a] as number;
    const c = floatQuotient(((p[a] as number) + 1) * bricks - 1, n);
    cell[a] = c;
    start[a] = floatQuotient(c * n, bricks);
  }
  const b = cell[0] + grid[0] * (cell[1] + grid[1] * cell[2]);
  const [tx, ty] = atlas.tiles;
  const row = floatQuotient(b, tx);
  const layer = floatQuotient(b, tx * ty);
  const tile = [b - row * tx, row - layer * ty, layer];
  const origin = tile.map((t, a) => t * (atlas.tileSize[a] as number));
  return [
    (origin[0] as number) + p[0] - start[0],
    (origin[1] as number) + p[1] - start[1],
    (origin[2] as number) + p[2] - start[2],
  ];
}

/**
 * The sub-region copies that write slots `firstSlot … firstSlot + slots − 1` (whole z planes, x
 * fastest) into the atlas: one per brick the slots cross (a single copy when not bricked).
 */
export function atlasWrites(atlas: BrickAtlas, firstSlot: number, slots: number): AtlasWrite[] {
  const [nx, ny] = atlas.dimensions;
  if (!atlas.bricked) return [{ origin: [0, 0, firstSlot], size: [nx, ny, slots], source: [0, 0, 0] }];
  const end = firstSlot + slots;
  const writes: AtlasWrite[] = [];
  for (const brick of atlas.layout.bricks) {
    const [x0, y0, z0] = brick.coreStart;
    const [sx, sy, sz] = brick.coreSize;
    const from = Math.max(z0, firstSlot);
    const to = Math.min(z0 + sz, end);
    if (from >= to) continue;
    const origin = tileOrigin(atlas, brick.index);
    writes.push({
      origin: [origin[0], origin[1], origin[2] + from - z0],
      size: [sx, sy, to - from],
      source: [x0, y0, from - firstSlot],
    });
  }
  return writes;
}

/**
 * Brick edge limits to try, largest first: `maxSize` (the fewest bricks), then each smaller edge
 * at which some axis gets one more brick (a finer cut may pack into a smaller atlas, or at all).
 */
function brickEdges(dims: Triple, maxSize: number): number[] {
  const edges = new Set<number>([maxSize]);
  for (const n of dims) {
    for (let cuts = 2; cuts <= MAX_CUTS_PER_AXIS; cuts++) {
      const edge = Math.ceil(n / cuts);
      if (edge < maxSize) edges.add(edge);
    }
  }
  return [...edges].sort((a, b) => b - a);
}

/** Tiles per atlas axis holding `count` tiles of `tileSize` within `maxSize`: fewest texels; of equals, most along x. */
function packTiles(count: number, tileSize: Triple, maxSize: number): Triple | undefined {
  const capacity = tileSize.map((t) => Math.floor(maxSize / t)) as Triple;
  if (capacity[0] * capacity[1] * capacity[2] < count) return undefined;
  let best: Triple | undefined;
  let bestTexels = Number.POSITIVE_INFINITY;
  for (let tx = 1; tx <= Math.min(capacity[0], count); tx++) {
    for (let ty = 1; ty <= Math.min(capacity[1], Math.ceil(count / tx)); ty++) {
      const tz = Math.ceil(count / (tx * ty));
      if (tz > capacity[2]) continue;
      const size = texels([tx * tileSize[0], ty * tileSize[1], tz * tileSize[2]]);
      if (size <= bestTexels) {
        best = [tx, ty, tz];
        bestTexels = size;
      }
    }
  }
  return best;
}

/** The smallest 3D-texture limit above `maxSize` at which the volume fits (its largest side at most). */
function smallestLimit(dims: readonly [number, number, number], maxSize: number): number {
  let low = maxSize;
  let high = Math.max(...dims);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (planBrickAtlas(dims, middle)) high = middle;
    else low = middle;
  }
  return high;
}

function texels(size: readonly number[]): number {
  return (size[0] as number) * (size[1] as number) * (size[2] as number);
}
