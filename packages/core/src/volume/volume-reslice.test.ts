import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../model/image-plane.js';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { type Interpolation, type SlabMode, voxelSlab } from './slab-parameters.js';
import { planeThrough, type SlicePlane, VIEW_DIRECTIONS } from './slice-plane.js';
import { add, scale, sub } from './vec3.js';
import { Volume } from './volume.js';
import { referenceSlab, seededRandom, syntheticVolumeSet } from './volume.test-support.js';
import type { VolumeError } from './volume-error.js';
import { voxelToPatient } from './volume-geometry.js';

const wasm = new VolumeWasmLoader();

/** A random oblique volume (odd sizes, anisotropic voxels) filled with random values. */
async function randomVolume(seed: number, float: boolean): Promise<Volume> {
  const random = seededRandom(seed);
  const [columns, rows, depth] = [
    9 + Math.floor(random() * 20),
    7 + Math.floor(random() * 20),
    3 + Math.floor(random() * 12),
  ];
  const a = random() * Math.PI;
  const orientation: [number, number, number, number, number, number] = [
    Math.cos(a),
    Math.sin(a),
    0,
    0,
    0,
    -1,
  ];
  const normal: Vec3 = [Math.sin(a), -Math.cos(a), 0];
  const spacing = 0.5 + random() * 2;
  const origin: Vec3 = [random() * 100 - 50, random() * 100 - 50, random() * 100 - 50];
  // Every other volume is sheared (gantry tilt up to 25°): slices shift along their column direction.
  const shift = seed % 2 === 0 ? spacing * Math.tan(random() * 0.44) : 0;
  const slices = Array.from({ length: depth }, (_, k) => ({
    position: [
      origin[0] + k * spacing * normal[0],
      origin[1] + k * spacing * normal[1],
      origin[2] - k * shift,
    ] as Vec3,
    slope: float ? 0.75 : 1,
    intercept: float ? -3.5 : -1024,
  }));
  const set = syntheticVolumeSet(slices, {
    rows,
    columns,
    orientation,
    pixelSpacing: [0.4 + random(), 0.4 + random()],
  });
  const volume = await Volume.create(set, { wasm });
  expect(volume.geometry.shearAngle > 0.01).toBe(shift !== 0);
  for (let i = 0; i < depth; i++) {
    volume.writeSlice(
      i,
      Int16Array.from({ length: rows * columns }, () => Math.floor(random() * 4000)),
    );
  }
  return volume;
}

/** A random plane through a random point inside the volume, random directions and pixel size. */
function randomPlane(volume: Volume, random: () => number): SlicePlane {
  const [nx, ny, nz] = volume.geometry.dimensions;
  const point = voxelToPatient(volume.geometry, [
    random() * (nx - 1),
    random() * (ny - 1),
    random() * (nz - 1),
  ]);
  const direction = (): Vec3 => [random() - 0.5, random() - 0.5, random() - 0.5];
  const plane = planeThrough(
    volume.geometry,
    { row: direction(), column: direction() },
    point,
    0.3 + random(),
  );
  // Odd, random sizes (not multiples of the SIMD width) around the point; part may lie outside.
  const columns = 1 + Math.floor(random() * 37);
  const rows = 1 + Math.floor(random() * 29);
  const [dy, dx] = plane.pixelSpacing;
  const origin = sub(
    point,
    add(scale(plane.rowDirection, (columns / 2) * dx), scale(plane.columnDirection, (rows / 2) * dy)),
  );
  return { ...plane, origin, columns, rows };
}

function compare(
  volume: Volume,
  actual: Float32Array,
  expected: Float32Array,
  fill: number,
  samples: number,
): void {
  const voxels = volume.voxels();
  let maxAbs = 1;
  for (const v of voxels) maxAbs = Math.max(maxAbs, Math.abs(v));
  const tolerance = maxAbs * 2 ** -20 * (samples + 8);
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    if (e === fill) expect(a).toBe(fill);
    else if (Math.abs(a - e) > tolerance)
      expect.fail(`pixel ${i}: WASM ${a}, reference ${e} (±${tolerance})`);
  }
}

describe('Volume reslice and slab', () => {
  for (const float of [false, true]) {
    for (const interpolation of ['trilinear', 'nearest'] as Interpolation[]) {
      it(`reslices ${float ? 'float32' : 'int16'} volumes on random planes like the JS reference (${interpolation})`, async () => {
        const random = seededRandom(float ? 11 : 12);
        let inside = 0;
        for (let trial = 0; trial < 12; trial++) {
          const volume = await randomVolume(100 + trial + (float ? 50 : 0), float);
          expect(volume.voxelType).toBe(float ? 'float32' : 'int16');
          const plane = randomPlane(volume, random);
          const fill = -12345;
          const result = volume.reslice(plane, { interpolation, fill });
          const params = voxelSlab(volume.geometry, plane);
          const expected = referenceSlab(
            volume.voxels(),
            volume.geometry.dimensions,
            params,
            'max',
            interpolation,
            fill,
          );
          compare(volume, result.pixels, expected, fill, 1);
          expect(result.plane).toEqual(plane);
          inside += expected.filter((v) => v !== fill).length;
          volume.dispose();
        }
        // The planes did go through the volumes.
        expect(inside).toBeGreaterThan(500);
      });
    }
    for (const mode of ['max', 'min', 'mean'] as SlabMode[]) {
      it(`projects ${float ? 'float32' : 'int16'} slabs (${mode}) on random planes like the JS reference`, async () => {
        const random = seededRandom(float ? 21 : 22);
        let inside = 0;
        for (let trial = 0; trial < 8; trial++) {
          const volume = await randomVolume(200 + trial + (float ? 50 : 0), float);
          const plane = randomPlane(volume, random);
          const slab = { thickness: 1 + random() * 10, mode, sampleSpacing: 0.2 + random() };
          const interpolation: Interpolation = trial % 3 === 0 ? 'nearest' : 'trilinear';
          const result = volume.slab(plane, slab, { interpolation, fill: -7 });
          const params = voxelSlab(volume.geometry, plane, slab);
          expect(params.samples).toBeGreaterThan(1);
          const expected = referenceSlab(
            volume.voxels(),
            volume.geometry.dimensions,
            params,
            mode,
            interpolation,
            -7,
          );
          compare(volume, result.pixels, expected, -7, params.samples);
          inside += expected.filter((v) => v !== -7).length;
          volume.dispose();
        }
        expect(inside).toBeGreaterThan(300);
      });
    }
  }

  it('returns exact voxel values where an axial plane meets voxel centres', async () => {
    const volume = await randomVolume(5, false);
    const g = volume.geometry;
    const plane = planeThrough(
      g,
      { row: g.directions[0], column: g.directions[1] },
      voxelToPatient(g, [0, 0, 2]),
      g.spacing[0],
    );
    const exact = { ...plane, pixelSpacing: [g.spacing[1], g.spacing[0]] as [number, number] };
    exact.rows = g.dimensions[1];
    exact.columns = g.dimensions[0];
    exact.origin = voxelToPatient(g, [0, 0, 2]);
    const result = volume.reslice(exact);
    const [nx, ny] = g.dimensions;
    const slot = Array.from(volume.voxels().subarray(2 * nx * ny, 3 * nx * ny));
    result.pixels.forEach((v, i) => {
      expect(v).toBeCloseTo(slot[i] as number, 3);
    });
    volume.dispose();
  });

  it('rejects degenerate planes and slabs', async () => {
    const volume = await randomVolume(6, false);
    const plane = planeThrough(volume.geometry, VIEW_DIRECTIONS.axial, volume.geometry.origin);
    const codeOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        return (error as VolumeError).code;
      }
      return undefined;
    };
    expect(codeOf(() => volume.reslice({ ...plane, columns: 0 }))).toBe('VOLUME_BAD_PLANE');
    expect(codeOf(() => volume.reslice({ ...plane, pixelSpacing: [Number.NaN, 1] }))).toBe(
      'VOLUME_BAD_PLANE',
    );
    expect(codeOf(() => volume.reslice({ ...plane, columnDirection: plane.rowDirection }))).toBe(
      'VOLUME_BAD_PLANE',
    );
    expect(codeOf(() => volume.slab(plane, { thickness: Number.NaN, mode: 'max' }))).toBe('VOLUME_BAD_PLANE');
    expect(
      codeOf(() => planeThrough(volume.geometry, { row: [1, 0, 0], column: [2, 0, 0] }, [0, 0, 0])),
    ).toBe('VOLUME_BAD_PLANE');
    volume.dispose();
  });
});
