/**
 * The generated CT phantom (scripts/sample-data): 300 axial slices, InstanceNumber 1 most superior,
 * explicit VR little endian native signed 16-bit, stored = HU + 1024. Its lesion (130 HU, radius
 * 6 mm, noise free) is centred at a known LPS position: the volume must put it at the right voxel
 * and every reslice must show it at the pixel the plane geometry predicts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import type { VolumeDisplaySet } from '../display-sets/display-set.js';
import { groupDisplaySets } from '../display-sets/group-display-sets.js';
import type { Vec3 } from '../model/image-plane.js';
import { readPart10 } from '../parse/read-part10.js';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { patientToPlanePixel, planeThrough, type SlicePlane, VIEW_DIRECTIONS } from './slice-plane.js';
import { add, scale } from './vec3.js';
import { Volume } from './volume.js';
import { patientToVoxel } from './volume-geometry.js';

const outDir = sampleDataDir();
const manifest = await generateSamples({ outDir });
const ct = manifest.series.find((s) => s.key === 'ct');
if (!ct) throw new Error('the sample manifest has no ct series');
const lesion = ct.facts.lesion as {
  centerLps: Vec3;
  radiusMm: number;
  hu: number;
  voxel: { column: number; row: number; instanceNumber: number };
};

let volume: Volume;
let set: VolumeDisplaySet;

beforeAll(async () => {
  const files = await Promise.all(
    ct.files.map(async (file) => readPart10(new Uint8Array(await readFile(join(outDir, file))))),
  );
  const sets = groupDisplaySets(files.map((f) => f.instance));
  set = sets.find((s): s is VolumeDisplaySet => s.type === 'volume') as VolumeDisplaySet;
  expect(set.slices).toHaveLength(300);
  volume = await Volume.create(set, { wasm: new VolumeWasmLoader(), background: -1024 });
  // Decode (native explicit little endian: plain int16) and write in a scrambled order.
  const bySop = new Map(files.map((f) => [f.instance.sopInstanceUid, f]));
  const order = set.slices.map((_, i) => i).sort((a, b) => ((a * 7919) % 300) - ((b * 7919) % 300));
  for (const i of order) {
    const file = bySop.get(set.slices[i]?.instance.sopInstanceUid) as (typeof files)[number];
    // The frame's bytes inside the file, straight into WASM memory.
    volume.writeSliceBytes(i, file.frame(0), file.instance.pixel?.pixelRepresentation === 1);
  }
}, 60_000);

/** Pixel value of an image at integer [column, row]. */
const pixelAt = (pixels: Float32Array, plane: SlicePlane, [c, r]: [number, number]): number =>
  pixels[r * plane.columns + c] as number;

describe('Volume on the CT phantom', () => {
  it('assembles 512 × 512 × 300 int16 HU with the lesion at its known voxel', () => {
    expect(volume.isComplete).toBe(true);
    expect(volume.voxelType).toBe('int16');
    expect(volume.geometry.dimensions).toEqual([512, 512, 300]);
    expect(volume.geometry.spacingKind).toBe('uniform');
    // One copy of the voxels: WASM memory is the 150 MiB buffer plus a staging slice and slack.
    expect(volume.byteLength).toBe(512 * 512 * 300 * 2);
    expect(volume.memoryBytes - volume.byteLength).toBeLessThan(4 * 2 ** 20);
    const [x, y, z] = patientToVoxel(volume.geometry, lesion.centerLps);
    expect(x).toBeCloseTo(lesion.voxel.column, 6);
    expect(y).toBeCloseTo(lesion.voxel.row, 6);
    const index = set.slices.findIndex((s) => s.instance.instanceNumber === lesion.voxel.instanceNumber);
    expect(volume.geometry.slotOfSlice[index]).toBe(Math.round(z));
    expect(z).toBeCloseTo(Math.round(z), 6);
    const voxels = volume.voxels();
    const at = (vx: number, vy: number, vz: number) => voxels[vx + 512 * (vy + 512 * vz)] as number;
    expect(at(lesion.voxel.column, lesion.voxel.row, Math.round(z))).toBe(lesion.hu);
    const stats = volume.statistics();
    expect(stats?.min).toBe(-3024);
    // Cortical bone, the densest tissue (noise-free).
    expect(stats?.max).toBe(1200);
    // Air outside the body, and the padding outside the circular field of view, in HU.
    expect(at(256, 2, 150)).toBe(-1000);
    expect(at(2, 2, 150)).toBe(-3024);
  });

  const views: Array<[string, { row: Vec3; column: Vec3 }]> = [
    ['axial', { row: [...VIEW_DIRECTIONS.axial.row], column: [...VIEW_DIRECTIONS.axial.column] }],
    ['coronal', { row: [...VIEW_DIRECTIONS.coronal.row], column: [...VIEW_DIRECTIONS.coronal.column] }],
    ['sagittal', { row: [...VIEW_DIRECTIONS.sagittal.row], column: [...VIEW_DIRECTIONS.sagittal.column] }],
    ['oblique', { row: [0.8, 0.5, 0.3], column: [-0.2, 0.3, -0.9] }],
  ];
  for (const [name, directions] of views) {
    it(`shows the lesion at the predicted pixel of an ${name} reslice`, () => {
      const plane = planeThrough(volume.geometry, directions, lesion.centerLps, 0.7);
      const image = volume.reslice(plane);
      const [c, r] = patientToPlanePixel(plane, lesion.centerLps);
      expect(c).toBeCloseTo(Math.round(c), 6);
      expect(r).toBeCloseTo(Math.round(r), 6);
      const centre: [number, number] = [Math.round(c), Math.round(r)];
      expect(pixelAt(image.pixels, plane, centre)).toBeCloseTo(lesion.hu, 2);
      // Within the lesion (3 mm from the centre) still 130 HU; 10 mm away, some other tissue.
      const step = (du: number, dv: number): [number, number] => [centre[0] + du, centre[1] + dv];
      for (const [du, dv] of [
        [4, 0],
        [-4, 0],
        [0, 4],
        [0, -4],
      ] as const) {
        expect(pixelAt(image.pixels, plane, step(du, dv))).toBeCloseTo(lesion.hu, 0);
      }
      for (const [du, dv] of [
        [15, 0],
        [-15, 0],
        [0, 15],
        [0, -15],
      ] as const) {
        expect(Math.abs(pixelAt(image.pixels, plane, step(du, dv)) - lesion.hu)).toBeGreaterThan(20);
      }
      // The only 130 HU disc in the image is there: the brightest-130 pixels cluster around it.
      let sumC = 0;
      let sumR = 0;
      let n = 0;
      image.pixels.forEach((v, i) => {
        if (Math.abs(v - lesion.hu) < 0.5) {
          sumC += i % plane.columns;
          sumR += Math.floor(i / plane.columns);
          n++;
        }
      });
      expect(n).toBeGreaterThan(100);
      expect(Math.hypot(sumC / n - centre[0], sumR / n - centre[1])).toBeLessThan(1.5);
    });
  }

  it('finds the lesion in a thick MIP and MinIP slab centred beside it', () => {
    // A 20 mm axial slab centred 6 mm above the lesion still contains it.
    const centre = add(lesion.centerLps, scale([0, 0, 1], 6));
    const plane = planeThrough(volume.geometry, { row: [1, 0, 0], column: [0, 1, 0] }, centre, 0.7);
    const [c, r] = patientToPlanePixel(plane, lesion.centerLps).map(Math.round) as [number, number];
    const mip = volume.slab(plane, { thickness: 20, mode: 'max', sampleSpacing: 1 });
    const minip = volume.slab(plane, { thickness: 20, mode: 'min', sampleSpacing: 1 });
    const mean = volume.slab(plane, { thickness: 20, mode: 'mean', sampleSpacing: 1 });
    const [vMax, vMin, vMean] = [mip, minip, mean].map((img) => pixelAt(img.pixels, plane, [c, r])) as [
      number,
      number,
      number,
    ];
    expect(vMax).toBeGreaterThanOrEqual(lesion.hu - 0.01);
    expect(vMin).toBeLessThan(lesion.hu);
    expect(vMean).toBeGreaterThan(vMin);
    expect(vMean).toBeLessThan(vMax);
  });
});
