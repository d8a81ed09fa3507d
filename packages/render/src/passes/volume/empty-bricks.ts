import { TRANSFER_TABLE_SIZE, type TransferTable } from './transfer-function.js';

/** Voxels per side of a brick of the empty-space grid. */
export const BRICK_SIZE = 8;

/**
 * Smallest and largest voxel value that trilinear samples whose lower corner voxel lies in a
 * brick of {@link BRICK_SIZE}³ voxels may read: the brick's own voxels and, conservatively, those
 * of its neighbours on the high side of each axis. Bricks x fastest, then y, then z.
 */
export interface BrickRanges {
  /** Bricks along x, y, z: ceil(dimension / BRICK_SIZE). */
  dimensions: [number, number, number];
  min: Float32Array;
  max: Float32Array;
}

/** The value range of every brick of a volume (x fastest, then y, then z). */
export function brickRanges(
  voxels: ArrayLike<number>,
  dimensions: readonly [number, number, number],
): BrickRanges {
  const [nx, ny, nz] = dimensions;
  const bx = Math.ceil(nx / BRICK_SIZE);
  const by = Math.ceil(ny / BRICK_SIZE);
  const bz = Math.ceil(nz / BRICK_SIZE);
  const count = bx * by * bz;
  const ownMin = new Float32Array(count).fill(Number.POSITIVE_INFINITY);
  const ownMax = new Float32Array(count).fill(Number.NEGATIVE_INFINITY);
  for (let z = 0; z < nz; z++) {
    const zb = bx * by * Math.floor(z / BRICK_SIZE);
    for (let y = 0; y < ny; y++) {
      const yb = zb + bx * Math.floor(y / BRICK_SIZE);
      const row = nx * (y + ny * z);
      for (let x = 0; x < nx; x++) {
        const value = voxels[row + x] as number;
        const b = yb + Math.floor(x / BRICK_SIZE);
        if (value < (ownMin[b] as number)) ownMin[b] = value;
        if (value > (ownMax[b] as number)) ownMax[b] = value;
      }
    }
  }
  // A sample in a brick may read the next voxel along each axis: widen by the high neighbours.
  const min = new Float32Array(count);
  const max = new Float32Array(count);
  for (let z = 0; z < bz; z++) {
    for (let y = 0; y < by; y++) {
      for (let x = 0; x < bx; x++) {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let dz = 0; dz <= Math.min(1, bz - 1 - z); dz++)
          for (let dy = 0; dy <= Math.min(1, by - 1 - y); dy++)
            for (let dx = 0; dx <= Math.min(1, bx - 1 - x); dx++) {
              const n = x + dx + bx * (y + dy + by * (z + dz));
              lo = Math.min(lo, ownMin[n] as number);
              hi = Math.max(hi, ownMax[n] as number);
            }
        const b = x + bx * (y + by * z);
        min[b] = lo;
        max[b] = hi;
      }
    }
  }
  return { dimensions: [bx, by, bz], min, max };
}

/**
 * For each brick, 1 when some value in its range has a non-zero opacity in the baked transfer
 * table (as the shaders interpolate it), 0 when every sample there is transparent and can be
 * skipped without changing the image.
 */
export function visibleBricks(ranges: BrickRanges, table: TransferTable): Uint8Array {
  const last = TRANSFER_TABLE_SIZE - 1;
  // nextOpaque[i]: the first entry at or after i with a non-zero opacity (last + 1 if none).
  const nextOpaque = new Int32Array(TRANSFER_TABLE_SIZE + 1).fill(last + 1);
  for (let i = last; i >= 0; i--) {
    nextOpaque[i] = (table.rgba[i * 4 + 3] as number) > 0 ? i : (nextOpaque[i + 1] as number);
  }
  const position = (value: number) =>
    Math.min(Math.max(((value - table.min) / (table.max - table.min)) * last, 0), last);
  const out = new Uint8Array(ranges.min.length);
  for (let b = 0; b < out.length; b++) {
    const lo = ranges.min[b] as number;
    const hi = ranges.max[b] as number;
    if (!(lo <= hi)) continue;
    // A value between entries i and i + 1 mixes both: look at every entry the range touches.
    const first = Math.floor(position(lo));
    const lastEntry = Math.ceil(position(hi));
    out[b] = (nextOpaque[first] as number) <= lastEntry ? 1 : 0;
  }
  return out;
}
