/**
 * Bricking: splitting a volume larger than a GPU's 3D-texture limit (e.g. 512 × 512 × 3000 against
 * `maxTextureDimension3D` 2048) into bricks a renderer can upload and page one by one. Neighbouring
 * bricks share `overlap` voxels, so trilinear sampling near a brick border reads only that brick.
 */
import { VolumeError } from './volume-error.js';

type Triple = [number, number, number];

/** One brick: the voxels it holds (its core plus overlap) and the region it renders (its core). */
export interface Brick {
  /** Index into `BrickLayout.bricks` (x fastest, then y, then z in the brick grid). */
  index: number;
  /** Position in the brick grid. */
  cell: Triple;
  /** First voxel (x, y, z) the brick holds, overlap included. */
  start: Triple;
  /** Voxels the brick holds along x, y, z, overlap included; each at most `maxDimension`. */
  size: Triple;
  /** First voxel of the region this brick is responsible for; cores tile the volume exactly. */
  coreStart: Triple;
  /** Voxels of the core along x, y, z. */
  coreSize: Triple;
}

/** How a volume is cut into bricks. */
export interface BrickLayout {
  /** The volume's voxels along x, y, z. */
  dimensions: Triple;
  /** The texture limit the bricks respect (voxels per axis, overlap included). */
  maxDimension: number;
  /** Voxels shared with the neighbouring brick on each inner side. */
  overlap: number;
  /** Bricks along x, y, z. */
  grid: Triple;
  bricks: Brick[];
}

/** Options of {@link brickLayout}. */
export interface BrickLayoutOptions {
  /** Largest brick edge in voxels: the device's 3D-texture limit (WebGPU `maxTextureDimension3D`, WebGL2 `MAX_3D_TEXTURE_SIZE`). */
  maxDimension: number;
  /**
   * Voxels each brick takes from its neighbour on every inner side; default 1. With overlap ≥ 1,
   * a trilinear sample at voxel coordinate p with coreStart − ½ ≤ p ≤ coreStart + coreSize − ½
   * (the core's voxel cells, per axis) reads only voxels of the brick. Use 2 for central-difference
   * gradients (shading) at the border.
   */
  overlap?: number;
}

/**
 * Cuts a volume of `dimensions` voxels into the fewest bricks per axis whose edges (overlap
 * included) fit `maxDimension`, with balanced core sizes. An axis that fits is not cut. Pure: it
 * allocates no voxels, so it can plan volumes of any size. Throws `VolumeError`
 * `VOLUME_BAD_ARGUMENT` for non-integer or non-positive sizes and a limit that cannot hold one
 * voxel besides the overlap.
 */
export function brickLayout(
  dimensions: readonly [number, number, number],
  options: BrickLayoutOptions,
): BrickLayout {
  const { maxDimension } = options;
  const overlap = options.overlap ?? 1;
  if (!dimensions.every((n) => Number.isInteger(n) && n > 0)) {
    throw new VolumeError('VOLUME_BAD_ARGUMENT', `Bad volume dimensions ${dimensions.join(' × ')}`);
  }
  if (
    !Number.isInteger(overlap) ||
    overlap < 0 ||
    !Number.isInteger(maxDimension) ||
    maxDimension <= 2 * overlap
  ) {
    throw new VolumeError(
      'VOLUME_BAD_ARGUMENT',
      `A brick limit of ${maxDimension} voxels cannot hold an overlap of ${overlap} on both sides`,
    );
  }
  const axes = dimensions.map((n) => axisPieces(n, maxDimension, overlap));
  const grid = axes.map((pieces) => pieces.length) as Triple;
  const bricks: Brick[] = [];
  for (let k = 0; k < grid[2]; k++) {
    for (let j = 0; j < grid[1]; j++) {
      for (let i = 0; i < grid[0]; i++) {
        const cell: Triple = [i, j, k];
        const pieces = cell.map((c, a) => axes[a]?.[c] as AxisPiece);
        bricks.push({
          index: bricks.length,
          cell,
          start: pieces.map((p) => p.start) as Triple,
          size: pieces.map((p) => p.size) as Triple,
          coreStart: pieces.map((p) => p.coreStart) as Triple,
          coreSize: pieces.map((p) => p.coreSize) as Triple,
        });
      }
    }
  }
  return { dimensions: [...dimensions], maxDimension, overlap, grid, bricks };
}

interface AxisPiece {
  start: number;
  size: number;
  coreStart: number;
  coreSize: number;
}

/** One axis of n voxels cut into pieces whose core plus overlap fit `limit`. */
function axisPieces(n: number, limit: number, overlap: number): AxisPiece[] {
  if (n <= limit) return [{ start: 0, size: n, coreStart: 0, coreSize: n }];
  // Inner pieces carry overlap on both sides: cores of at most limit − 2·overlap fit everywhere.
  const count = Math.ceil(n / (limit - 2 * overlap));
  const pieces: AxisPiece[] = [];
  for (let p = 0; p < count; p++) {
    const coreStart = Math.floor((p * n) / count);
    const coreEnd = Math.floor(((p + 1) * n) / count);
    const start = Math.max(0, coreStart - overlap);
    const end = Math.min(n, coreEnd + overlap);
    pieces.push({ start, size: end - start, coreStart, coreSize: coreEnd - coreStart });
  }
  return pieces;
}

/**
 * Copies one brick's voxels (overlap included) out of a volume's voxel buffer (x fastest, then
 * y, then z) into a new array of the same type, x fastest within the brick.
 */
export function copyBrick<T extends Int16Array | Float32Array>(
  voxels: T,
  dimensions: readonly [number, number, number],
  brick: Brick,
): T {
  const [nx, ny] = dimensions;
  const [sx, sy, sz] = brick.size;
  const [x0, y0, z0] = brick.start;
  const out = new (voxels.constructor as { new (length: number): T })(sx * sy * sz);
  if (sx === nx && sy === ny) {
    // Whole slices: one contiguous range (the usual case, bricks cut along z only).
    out.set(voxels.subarray(z0 * nx * ny, (z0 + sz) * nx * ny));
    return out;
  }
  for (let z = 0; z < sz; z++) {
    for (let y = 0; y < sy; y++) {
      const from = x0 + nx * (y0 + y + ny * (z0 + z));
      out.set(voxels.subarray(from, from + sx), sx * (y + sy * z));
    }
  }
  return out;
}
