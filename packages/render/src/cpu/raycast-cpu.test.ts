import type { Vec3 } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { bakeTransferFunction, type TransferFunction } from '../passes/volume/transfer-function.js';
import {
  DEFAULT_ORBIT_CAMERA,
  type OrbitCamera,
  projectToCanvas,
  raySetup,
  type VolumeGrid,
  volumeDiagonal,
} from '../passes/volume/volume-camera.js';
import { type RaycastVolume, rayBox, raycastCpu, trilinear } from './raycast-cpu.js';

const AXES: VolumeGrid['directions'] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

/** A volume of `dimensions` with unit spacing at the origin, voxels from `value(x, y, z)`. */
function volumeOf(
  dimensions: [number, number, number],
  value: (x: number, y: number, z: number) => number,
  spacing: Vec3 = [1, 1, 1],
): { volume: RaycastVolume; grid: VolumeGrid } {
  const [nx, ny, nz] = dimensions;
  const voxels = new Int16Array(nx * ny * nz);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) voxels[x + nx * (y + ny * z)] = value(x, y, z);
  return {
    volume: { voxels, dimensions },
    grid: { dimensions, origin: [0, 0, 0], directions: AXES, spacing },
  };
}

/** Zoom giving one mm per canvas pixel on a square canvas of `side` pixels. */
const oneMmPerPixel = (grid: VolumeGrid, side: number) => volumeDiagonal(grid) / side;

const pixel = (rgba: Uint8Array, width: number, x: number, y: number) =>
  Array.from(rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));

/** Constant colour and opacity for every value. */
const uniformTf = (grey: number, alpha: number): TransferFunction => ({
  colour: [{ value: 0, rgb: [grey, grey, grey] }],
  opacity: [{ value: 0, alpha }],
});

describe('trilinear sampling and ray–box intersection', () => {
  it('interpolates between voxel centres and repeats the faces beyond them', () => {
    const { volume } = volumeOf([2, 2, 2], (x, y, z) => 100 * x + 10 * y + z);
    expect(trilinear(volume, 0.5, 0.5, 0.5)).toBeCloseTo(55.5, 9);
    expect(trilinear(volume, 0.25, 1, 0)).toBeCloseTo(35, 9);
    expect(trilinear(volume, -0.4, 1.4, 0)).toBe(10);
  });

  it('finds where a ray enters and leaves the box of voxel faces', () => {
    expect(rayBox([2, -10, 1], [0, 1, 0], [5, 5, 5])).toEqual([9.5, 14.5]);
    expect(rayBox([7, -10, 1], [0, 1, 0], [5, 5, 5])).toBeUndefined();
  });
});

describe('raycastCpu', () => {
  it('shows a single bright voxel in a MIP on the pixel its centre projects to, and nowhere else', () => {
    const { volume, grid } = volumeOf([5, 5, 5], (x, y, z) => (x === 2 && y === 3 && z === 2 ? 1000 : 0));
    const camera: OrbitCamera = { ...DEFAULT_ORBIT_CAMERA, zoom: oneMmPerPixel(grid, 9) };
    const setup = raySetup(grid, camera, [9, 9]);
    const rgba = raycastCpu(volume, setup, {
      mode: 'mip',
      window: { center: 500, width: 1000 },
      sampleDistance: 0.5,
    });
    const { x, y } = projectToCanvas(grid, camera, [9, 9], [2, 3, 2]);
    expect([x, y]).toEqual([4.5, 4.5]);
    expect(pixel(rgba, 9, 4, 4)).toEqual([255, 255, 255, 255]);
    let lit = 0;
    for (let i = 0; i < rgba.length; i += 4) if ((rgba[i] as number) > 0) lit++;
    expect(lit).toBe(1);
  });

  it('accumulates opacity front to back: 1 − (1 − α)^length over the path through the volume', () => {
    // 20 mm deep along the view (y); samples every 0.5 mm at t = −10 … 10: 41 samples, 20.5 mm.
    const { volume, grid } = volumeOf([4, 20, 4], () => 0);
    const table = bakeTransferFunction(uniformTf(1, 0.1));
    const setup = raySetup(grid, { ...DEFAULT_ORBIT_CAMERA, zoom: oneMmPerPixel(grid, 8) * 2 }, [8, 8]);
    const rgba = raycastCpu(volume, setup, { mode: 'dvr', table, shading: false, sampleDistance: 0.5 });
    const expected = Math.round((1 - 0.9 ** 20.5) * 255);
    expect(expected).toBe(226);
    expect(pixel(rgba, 8, 4, 4)).toEqual([226, 226, 226, 255]);
    // The same with twice as many samples: opacity is corrected for the sample distance.
    const fine = raycastCpu(volume, setup, { mode: 'dvr', table, shading: false, sampleDistance: 0.25 });
    expect(Math.abs((pixel(fine, 8, 4, 4)[0] as number) - 226)).toBeLessThanOrEqual(1);
  });

  it('stops a ray once it is 99 % opaque (early termination)', () => {
    // α 0.5 per mm, 0.5 mm steps: after 14 samples 1 − 0.5^7 = 0.9922 ≥ 0.99, so it stops there.
    const { volume, grid } = volumeOf([4, 20, 4], () => 0);
    const table = bakeTransferFunction(uniformTf(1, 0.5));
    const setup = raySetup(grid, { ...DEFAULT_ORBIT_CAMERA, zoom: 2 }, [8, 8]);
    const rgba = raycastCpu(volume, setup, { mode: 'dvr', table, shading: false, sampleDistance: 0.5 });
    expect(pixel(rgba, 8, 4, 4)[0]).toBe(Math.round((1 - 0.5 ** 7) * 255));
  });

  it('composites the nearer material over the farther one, from either side', () => {
    // Front half (y < 10, anterior) 100 HU red, back half 200 HU blue, 0.95 opaque per mm: the
    // ray stops after 4 samples (2 mm, 1 − 0.05² = 0.9975 ≥ 0.99) in the nearer half: 254.
    const { volume, grid } = volumeOf([4, 20, 4], (_x, y) => (y < 10 ? 100 : 200));
    const table = bakeTransferFunction({
      colour: [
        { value: 100, rgb: [1, 0, 0] },
        { value: 200, rgb: [0, 0, 1] },
      ],
      opacity: [{ value: 0, alpha: 0.95 }],
    });
    const params = { mode: 'dvr', table, shading: false, sampleDistance: 0.5 } as const;
    const front = raycastCpu(volume, raySetup(grid, { ...DEFAULT_ORBIT_CAMERA, zoom: 2 }, [8, 8]), params);
    const back = raycastCpu(
      volume,
      raySetup(grid, { ...DEFAULT_ORBIT_CAMERA, zoom: 2, azimuth: 180 }, [8, 8]),
      params,
    );
    expect(pixel(front, 8, 4, 4)).toEqual([254, 0, 0, 255]);
    expect(pixel(back, 8, 4, 4)).toEqual([0, 0, 254, 255]);
  });

  it('shows a slab seen edge-on as a band where geometry projects it', () => {
    // 1000 HU for 8 ≤ y ≤ 11 in a 16³ volume; seen from the patient's left the screen's x is +y.
    const { volume, grid } = volumeOf([16, 16, 16], (_x, y) => (y >= 8 && y <= 11 ? 1000 : 0));
    const camera: OrbitCamera = { ...DEFAULT_ORBIT_CAMERA, azimuth: 90, zoom: oneMmPerPixel(grid, 32) };
    const rgba = raycastCpu(volume, raySetup(grid, camera, [32, 32]), {
      mode: 'mip',
      window: { center: 500, width: 1000 },
      sampleDistance: 0.5,
    });
    const first = projectToCanvas(grid, camera, [32, 32], [7.5, 8, 7.5]).x;
    const last = projectToCanvas(grid, camera, [32, 32], [7.5, 11, 7.5]).x;
    expect([first, last]).toEqual([16.5, 19.5]);
    const row = Array.from({ length: 32 }, (_, x) => pixel(rgba, 32, x, 16)[0]);
    // Pixel centres fall on voxel centres (one mm per pixel): bright exactly on the slab's four.
    const expected = Array.from({ length: 32 }, (_, x) => (x >= 16 && x <= 19 ? 255 : 0));
    expect(row).toEqual(expected);
  });

  it('shades a surface by the angle between its gradient and the view: lit fully head-on, 0.65 at 60°', () => {
    // Bone (1000) for x < 8 in a 16³ volume, every sample with a value opaque, colour 0.6 grey.
    const { volume, grid } = volumeOf([16, 16, 16], (x) => (x < 8 ? 1000 : 0));
    const table = bakeTransferFunction({
      colour: [{ value: 0, rgb: [0.6, 0.6, 0.6] }],
      opacity: [
        { value: 0, alpha: 0 },
        { value: 1, alpha: 1 },
      ],
    });
    const params = { mode: 'dvr', table, shading: true, sampleDistance: 0.5 } as const;
    const render = (azimuth: number) =>
      pixel(
        raycastCpu(volume, raySetup(grid, { ...DEFAULT_ORBIT_CAMERA, azimuth, zoom: 2 }, [8, 8]), params),
        8,
        4,
        4,
      );
    // From the patient's left (+x), head-on: 0.6 · (0.3 + 0.7) + 0.2 = 0.8.
    expect(render(90)).toEqual([204, 204, 204, 255]);
    // 60° off the normal: 0.6 · (0.3 + 0.7 · 0.5) + 0.2 · 0.5^24 = 0.39.
    expect(render(30)).toEqual([99, 99, 99, 255]);
    const flat = raycastCpu(
      volume,
      raySetup(grid, { ...DEFAULT_ORBIT_CAMERA, azimuth: 30, zoom: 2 }, [8, 8]),
      {
        ...params,
        shading: false,
      },
    );
    expect(pixel(flat, 8, 4, 4)).toEqual([153, 153, 153, 255]);
  });

  it('leaves pixels whose rays miss the volume black', () => {
    const { volume, grid } = volumeOf([4, 4, 4], () => 1000);
    const rgba = raycastCpu(volume, raySetup(grid, { ...DEFAULT_ORBIT_CAMERA, zoom: 0.25 }, [16, 16]), {
      mode: 'mip',
      window: { center: 500, width: 1000 },
      sampleDistance: 0.5,
    });
    expect(pixel(rgba, 16, 0, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(rgba, 16, 8, 8)).toEqual([255, 255, 255, 255]);
  });
});
