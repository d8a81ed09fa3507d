import type { RaycastVolume } from '../../../cpu/raycast-cpu.js';
import type { RenderVolumeGeometry } from '../../../volume/volume-data.js';

/**
 * A small CT-like test volume on a sheared, anisotropic grid (rows rotated 17°, slices tilted,
 * 0.8 × 0.8 × 2 mm): air around a soft-tissue ellipsoid (40 HU with a smooth ±60 HU texture),
 * a bone sphere (1000 HU) and a 200 HU block, so that every transfer-function preset, shading
 * and MIP have edges, slopes and plateaus to show.
 */
export function syntheticCtVolume(dimensions: [number, number, number] = [48, 40, 24]): {
  volume: RaycastVolume & { voxels: Int16Array };
  grid: RenderVolumeGeometry;
} {
  const [nx, ny, nz] = dimensions;
  const voxels = new Int16Array(nx * ny * nz);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const u = (x - nx / 2) / (nx * 0.45);
        const v = (y - ny / 2) / (ny * 0.42);
        const w = (z - nz / 2) / (nz * 0.48);
        let hu = -1000;
        if (u * u + v * v + w * w <= 1)
          hu = Math.round(40 + 60 * Math.sin(x * 0.45) * Math.cos(y * 0.3 + z * 0.5));
        const bx = x - nx * 0.62;
        const by = y - ny * 0.45;
        const bz = (z - nz * 0.5) * 2.5;
        if (bx * bx + by * by + bz * bz <= 49) hu = 1000;
        if (x >= nx * 0.25 && x < nx * 0.4 && y >= ny * 0.55 && y < ny * 0.7 && z >= 6 && z < nz - 6)
          hu = 200;
        voxels[x + nx * (y + ny * z)] = hu;
      }
    }
  }
  const angle = (17 * Math.PI) / 180;
  return {
    volume: { voxels, dimensions },
    grid: {
      dimensions,
      origin: [-20, 15, -30],
      directions: [
        [Math.cos(angle), Math.sin(angle), 0],
        [-Math.sin(angle), Math.cos(angle), 0],
        [0.1, 0, Math.sqrt(1 - 0.01)],
      ],
      spacing: [0.8, 0.8, 2],
    },
  };
}

/** How two RGBA frames differ: largest channel difference, pixels differing by more than `by`, mean. */
export function frameDifference(
  actual: Uint8Array,
  expected: Uint8Array,
  by: number,
): { max: number; over: number; mean: number } {
  let max = 0;
  let over = 0;
  let sum = 0;
  for (let i = 0; i < expected.length; i += 4) {
    let pixel = 0;
    for (let c = 0; c < 3; c++) {
      const delta = Math.abs((actual[i + c] as number) - (expected[i + c] as number));
      pixel = Math.max(pixel, delta);
      sum += delta;
    }
    max = Math.max(max, pixel);
    if (pixel > by) over++;
  }
  return { max, over, mean: sum / ((expected.length / 4) * 3) };
}
