// @ts-check
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeStudy } from './dicom-common.mjs';
import { MR_FEATURE, mrSeries } from './mr.mjs';
import { petSeries } from './pet.mjs';
import { CT_LESION_INSTANCE, ctSeries } from './phantom-ct.mjs';
import { readPart10, samples } from './test-helpers.mjs';
import { encodePart10 } from './write-part10.mjs';

const study = makeStudy({
  key: 'geometry-test',
  patientName: 'Test',
  patientId: 'T',
  patientSex: 'O',
  description: 'geometry',
  accessionNumber: 'T',
  studyDate: '20240115',
});

/**
 * Writes instances to Part 10 and reads them back, so the tests see only what a viewer sees.
 * @param {import('./types.mjs').SeriesSpec} spec
 */
async function roundTrip(spec) {
  const dir = await mkdtemp(join(tmpdir(), 'fovea-geometry-'));
  const files = [];
  for (const n of spec.instanceNumbers) {
    const instance = spec.instance(n);
    const path = join(dir, `${n}.dcm`);
    await writeFile(path, encodePart10({ dataset: instance.dataset, frames: [instance.pixels] }));
    const part10 = await readPart10(path);
    files.push({ ...part10, pixels: samples(/** @type {Uint8Array} */ (part10.pixelData[0]), spec.format) });
  }
  return files;
}

/** @param {unknown} v */
const numbers = (v) => (Array.isArray(v) ? v : [v]).map(Number);
/** @param {number[]} a @param {number[]} b */
const dot = (a, b) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

/**
 * Voxel (column, row, slice index) of a patient point, from the files' own geometry tags:
 * the slice is the one whose plane passes nearest the point.
 * @param {Array<{ dataset: Record<string, unknown> }>} files
 * @param {number[]} point mm, LPS
 */
function voxelOf(files, point) {
  let best = { index: -1, distance: Number.POSITIVE_INFINITY, column: Number.NaN, row: Number.NaN };
  files.forEach((file, index) => {
    const position = numbers(file.dataset.ImagePositionPatient);
    const orientation = numbers(file.dataset.ImageOrientationPatient);
    const [rowSpacing = 0, columnSpacing = 0] = numbers(file.dataset.PixelSpacing);
    const rowCosines = orientation.slice(0, 3);
    const columnCosines = orientation.slice(3, 6);
    const normal = [
      (rowCosines[1] ?? 0) * (columnCosines[2] ?? 0) - (rowCosines[2] ?? 0) * (columnCosines[1] ?? 0),
      (rowCosines[2] ?? 0) * (columnCosines[0] ?? 0) - (rowCosines[0] ?? 0) * (columnCosines[2] ?? 0),
      (rowCosines[0] ?? 0) * (columnCosines[1] ?? 0) - (rowCosines[1] ?? 0) * (columnCosines[0] ?? 0),
    ];
    const d = point.map((p, i) => p - (position[i] ?? 0));
    const distance = Math.abs(dot(d, normal));
    if (distance < best.distance) {
      best = {
        index,
        distance,
        column: dot(d, rowCosines) / columnSpacing,
        row: dot(d, columnCosines) / rowSpacing,
      };
    }
  });
  return best;
}

describe('CT phantom geometry', () => {
  it('puts the lesion centre (LPS) on the voxel the manifest names, with the lesion HU after rescale', async () => {
    const spec = ctSeries({ study, firstInstance: CT_LESION_INSTANCE - 1, count: 3 });
    const files = await roundTrip(spec);
    const lesion =
      /** @type {{ centerLps: number[], hu: number, radiusMm: number, voxel: { column: number, row: number, instanceNumber: number } }} */ (
        spec.facts.lesion
      );
    const voxel = voxelOf(files, lesion.centerLps);
    expect(voxel.distance).toBeLessThan(1e-6);
    expect(voxel.column).toBeCloseTo(lesion.voxel.column, 4);
    expect(voxel.row).toBeCloseTo(lesion.voxel.row, 4);
    const file = files[voxel.index];
    if (!file) throw new Error('no slice found');
    expect(file.dataset.InstanceNumber).toBe(lesion.voxel.instanceNumber);
    const slope = Number(file.dataset.RescaleSlope);
    const intercept = Number(file.dataset.RescaleIntercept);
    const hu = (/** @type {number} */ c, /** @type {number} */ r) =>
      (file.pixels[r * 512 + c] ?? Number.NaN) * slope + intercept;
    expect(hu(lesion.voxel.column, lesion.voxel.row)).toBe(lesion.hu);
    // The sphere is centred on that voxel: equally far (about 6 mm) in each direction.
    const { column: c, row: r } = lesion.voxel;
    const extent = (/** @type {number} */ dc, /** @type {number} */ dr) => {
      let steps = 0;
      while (hu(c + dc * (steps + 1), r + dr * (steps + 1)) === lesion.hu) steps++;
      return steps;
    };
    const extents = [extent(1, 0), extent(-1, 0), extent(0, 1), extent(0, -1)];
    expect(new Set(extents).size).toBe(1);
    expect((extents[0] ?? 0) * 0.7).toBeCloseTo(lesion.radiusMm, 0);
    // 9.8 mm away is liver (60 HU ± noise).
    expect(Math.abs(hu(c + 14, r) - 60)).toBeLessThan(25);
  });

  it('pads outside the circular field of view with the Pixel Padding Value and orders z downwards', async () => {
    const spec = ctSeries({ study, firstInstance: 1, count: 2 });
    const files = await roundTrip(spec);
    const [first, second] = files;
    if (!first || !second) throw new Error('missing slices');
    expect(first.dataset.PixelPaddingValue).toBe(-2000);
    expect(first.pixels[0]).toBe(-2000);
    expect(numbers(first.dataset.ImagePositionPatient)[2]).toBe(150);
    expect(numbers(second.dataset.ImagePositionPatient)[2]).toBe(149);
    expect(first.dataset.FrameOfReferenceUID).toBe(study.frameOfReferenceUID);
  });
});

describe('PET geometry', () => {
  it('shows the lesion uptake at the same patient position, in the CT frame of reference', async () => {
    const spec = petSeries({ study, firstInstance: 37, count: 3 });
    const files = await roundTrip(spec);
    const lesion =
      /** @type {{ centerLps: number[], bqml: number, voxel: { column: number, row: number, instanceNumber: number } }} */ (
        spec.facts.lesion
      );
    const voxel = voxelOf(files, lesion.centerLps);
    expect(voxel.distance).toBeLessThan(1e-6);
    expect([voxel.column, voxel.row]).toEqual([lesion.voxel.column, lesion.voxel.row]);
    const file = files[voxel.index];
    if (!file) throw new Error('no slice found');
    expect(file.dataset.FrameOfReferenceUID).toBe(study.frameOfReferenceUID);
    const slope = Number(file.dataset.RescaleSlope);
    const value = (file.pixels[voxel.row * 128 + voxel.column] ?? 0) * slope;
    expect(Math.abs(value - lesion.bqml)).toBeLessThanOrEqual(slope / 2 + 1e-9);
    // The lesion is the hottest spot of the slice.
    const max = Math.max(...Array.from(file.pixels));
    expect(file.pixels[voxel.row * 128 + voxel.column]).toBe(max);
  });
});

describe('MR oblique geometry', () => {
  it('maps the feature position through the orientation matrix to its voxel and value', async () => {
    const spec = mrSeries({ study, firstInstance: MR_FEATURE.instanceNumber - 1, count: 3 });
    const files = await roundTrip(spec);
    const feature =
      /** @type {{ centerLps: number[], value: number, voxel: { column: number, row: number, instanceNumber: number } }} */ (
        spec.facts.feature
      );
    const orientation = numbers(files[0]?.dataset.ImageOrientationPatient);
    // Really oblique: no direction cosine is 0 or ±1 except the row vector's y.
    expect(orientation.filter((c) => Math.abs(c) > 1e-9 && Math.abs(Math.abs(c) - 1) > 1e-9)).toHaveLength(5);
    const voxel = voxelOf(files, feature.centerLps);
    expect(voxel.distance).toBeLessThan(1e-3);
    expect(Math.round(voxel.column)).toBe(feature.voxel.column);
    expect(Math.round(voxel.row)).toBe(feature.voxel.row);
    expect(Math.abs(voxel.column - feature.voxel.column)).toBeLessThan(1e-2);
    const file = files[voxel.index];
    if (!file) throw new Error('no slice found');
    expect(file.dataset.InstanceNumber).toBe(feature.voxel.instanceNumber);
    const at = (/** @type {number} */ c, /** @type {number} */ r) => file.pixels[r * 256 + c];
    const { column: c, row: r } = feature.voxel;
    expect(at(c, r)).toBe(feature.value);
    // Centred on that voxel: the sphere reaches equally far (about 5 mm) in every in-plane direction.
    const extent = (/** @type {number} */ dc, /** @type {number} */ dr) => {
      let steps = 0;
      while (at(c + dc * (steps + 1), r + dr * (steps + 1)) === feature.value) steps++;
      return steps;
    };
    const extents = [extent(1, 0), extent(-1, 0), extent(0, 1), extent(0, -1)];
    expect(new Set(extents).size).toBe(1);
    expect((extents[0] ?? 0) * 0.9375).toBeCloseTo(5, 0);
    // Slices 5 mm apart along the normal, 4 mm thick: a 1 mm gap.
    expect(Number(file.dataset.SpacingBetweenSlices) - Number(file.dataset.SliceThickness)).toBe(1);
  });
});
