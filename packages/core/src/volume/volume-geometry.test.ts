import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../model/image-plane.js';
import { type SyntheticSlice, syntheticVolumeSet } from './volume.test-support.js';
import type { VolumeError } from './volume-error.js';
import { patientToVoxel, volumeGeometry, voxelToPatient, voxelToPatientMatrix } from './volume-geometry.js';

const axial = (zs: number[], extra: Partial<SyntheticSlice> = {}): SyntheticSlice[] =>
  zs.map((z) => ({ position: [-10, -20, z], ...extra }));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as VolumeError).code;
  }
  return undefined;
}

function expectVec(actual: Vec3, expected: Vec3, digits = 9): void {
  actual.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i] as number, digits);
  });
}

describe('volumeGeometry', () => {
  it('orders reversed slices along the normal and puts the origin at the lowest one', () => {
    const set = syntheticVolumeSet(axial([10, 8, 6, 4]), { rows: 3, columns: 5, pixelSpacing: [0.5, 0.8] });
    const g = volumeGeometry(set);
    expect(g.dimensions).toEqual([5, 3, 4]);
    expect(g.origin).toEqual([-10, -20, 4]);
    expect(g.directions).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(g.spacing).toEqual([0.8, 0.5, 2]);
    expect(g.slotOfSlice).toEqual([3, 2, 1, 0]);
    expect(g.spacingKind).toBe('uniform');
    expect(g.missingSlots).toEqual([]);
    expect(g.shearAngle).toBe(0);
    expect(g.warnings).toEqual([]);
    // Voxel (1, 2, 3): 1 column (0.8 mm in x), 2 rows (0.5 mm in y), slot 3 (the slice at z = 10).
    expectVec(voxelToPatient(g, [1, 2, 3]), [-9.2, -19, 10]);
    expectVec(patientToVoxel(g, [-9.2, -19, 10]), [1, 2, 3]);
  });

  it('places an oblique stack (30° about x) with hand-computed voxel positions', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const orientation: [number, number, number, number, number, number] = [1, 0, 0, 0, c, s];
    const normal: Vec3 = [0, -s, c];
    const p0: Vec3 = [-100, 50, 20];
    const slices = [0, 1, 2, 3, 4].map((k) => ({
      position: [p0[0], p0[1] + k * 2.5 * normal[1], p0[2] + k * 2.5 * normal[2]] as Vec3,
    }));
    const g = volumeGeometry(
      syntheticVolumeSet(slices, { rows: 40, columns: 30, orientation, pixelSpacing: [0.5, 0.8] }),
    );
    expect(g.spacing[2]).toBeCloseTo(2.5, 9);
    expectVec(g.directions[2], [0, -0.5, 0.8660254037844386]);
    // x = -100 + 10·0.8; y = 50 + 20·0.5·cos30 − 3·2.5·sin30; z = 20 + 20·0.5·sin30 + 3·2.5·cos30.
    const expected: Vec3 = [-92, 54.91025403784439, 31.49519052838329];
    expectVec(voxelToPatient(g, [10, 20, 3]), expected);
    expectVec(patientToVoxel(g, expected), [10, 20, 3]);
    const m = voxelToPatientMatrix(g);
    const [x, y, z] = [10, 20, 3];
    expectVec(
      [0, 1, 2].map(
        (r) =>
          (m[r] as number) * x + (m[4 + r] as number) * y + (m[8 + r] as number) * z + (m[12 + r] as number),
      ) as Vec3,
      expected,
    );
  });

  it('reports missing slices and keeps their slots on a uniform grid', () => {
    const g = volumeGeometry(syntheticVolumeSet(axial([0, 2, 4, 8, 10]), { rows: 2, columns: 2 }));
    expect(g.spacingKind).toBe('missing-slices');
    expect(g.spacing[2]).toBeCloseTo(2, 12);
    expect(g.dimensions[2]).toBe(6);
    expect(g.slotOfSlice).toEqual([0, 1, 2, 4, 5]);
    expect(g.missingSlots).toEqual([3]);
    expect(g.warnings[0]).toMatch(/1 missing slice/);
  });

  it('reports irregular spacing and places slices at their mean spacing (nominal policy)', () => {
    const g = volumeGeometry(syntheticVolumeSet(axial([0, 1, 2, 3.5, 4.5]), { rows: 2, columns: 2 }));
    expect(g.spacingKind).toBe('irregular');
    expect(g.spacing[2]).toBeCloseTo(1.125, 12);
    expect(g.slotOfSlice).toEqual([0, 1, 2, 3, 4]);
    // Slice 2 at 2 mm sits in slot 2 at 2.25 mm: the largest deviation.
    expect(g.maxSpacingDeviation).toBeCloseTo(0.25, 12);
    expect(g.warnings[0]).toMatch(/Irregular slice spacing \(1\.000–1\.500 mm\)/);
  });

  it('rejects irregular spacing under the strict policy', () => {
    const set = syntheticVolumeSet(axial([0, 1, 2, 3.5, 4.5]), { rows: 2, columns: 2 });
    expect(codeOf(() => volumeGeometry(set, { spacingPolicy: 'strict' }))).toBe('VOLUME_IRREGULAR_SPACING');
  });

  it('accepts tiny position jitter as uniform', () => {
    const g = volumeGeometry(syntheticVolumeSet(axial([0, 1.001, 1.999, 3.0005]), { rows: 2, columns: 2 }));
    expect(g.spacingKind).toBe('uniform');
    expect(g.maxSpacingDeviation).toBeLessThan(0.002);
  });

  it('rejects a slice with a different orientation', () => {
    const slices = axial([0, 1, 2]);
    (slices[1] as SyntheticSlice).orientation = [1, 0, 0, 0, 0.98, 0.199];
    expect(codeOf(() => volumeGeometry(syntheticVolumeSet(slices, { rows: 2, columns: 2 })))).toBe(
      'VOLUME_INCONSISTENT_ORIENTATION',
    );
  });

  it('rejects direction cosines that are not orthonormal', () => {
    const set = syntheticVolumeSet(axial([0, 1]), { rows: 2, columns: 2, orientation: [1, 0, 0, 0.1, 1, 0] });
    expect(codeOf(() => volumeGeometry(set))).toBe('VOLUME_INCONSISTENT_ORIENTATION');
  });

  it('rejects two slices at one position', () => {
    expect(
      codeOf(() => volumeGeometry(syntheticVolumeSet(axial([0, 1, 1, 2]), { rows: 2, columns: 2 }))),
    ).toBe('VOLUME_DUPLICATE_POSITION');
  });

  it('rejects NaN pixel spacing and NaN positions', () => {
    const nanSpacing = syntheticVolumeSet(axial([0, 1]), {
      rows: 2,
      columns: 2,
      pixelSpacing: [Number.NaN, 1],
    });
    expect(codeOf(() => volumeGeometry(nanSpacing))).toBe('VOLUME_BAD_SPACING');
    const nanPosition = syntheticVolumeSet(axial([0, Number.NaN]), { rows: 2, columns: 2 });
    expect(codeOf(() => volumeGeometry(nanPosition))).toBe('VOLUME_BAD_SPACING');
  });

  it('follows a tilted gantry with a sheared grid (20° tilt, table steps of 3 mm)', () => {
    const t = (20 * Math.PI) / 180;
    const orientation: [number, number, number, number, number, number] = [
      1,
      0,
      0,
      0,
      Math.cos(t),
      Math.sin(t),
    ];
    const slices = [4, 0, 2, 1, 3].map((k) => ({ position: [-50, -60, 3 * k] as Vec3 }));
    const g = volumeGeometry(
      syntheticVolumeSet(slices, { rows: 20, columns: 20, orientation, pixelSpacing: [0.5, 0.5] }),
    );
    expect(g.spacingKind).toBe('uniform');
    expect(g.slotOfSlice).toEqual([4, 0, 2, 1, 3]);
    expect(g.shearAngle).toBeCloseTo(20, 9);
    expectVec(g.directions[2], [0, 0, 1]);
    expect(g.spacing[2]).toBeCloseTo(3, 9);
    expect(g.warnings[0]).toMatch(/gantry tilt 20\.00°/);
    // x: −50 + 2·0.5; y: −60 + 10·0.5·cos 20°; z: 3·3 + 10·0.5·sin 20°.
    const expected: Vec3 = [-49, -55.30153689607046, 10.710100716628343];
    expectVec(voxelToPatient(g, [2, 10, 3]), expected);
    expectVec(patientToVoxel(g, expected), [2, 10, 3]);
  });

  it('rejects slices whose origins do not lie on one line', () => {
    const slices = [0, 1, 2, 3].map((k) => ({ position: [0, k === 2 ? 0.5 : 0, k] as Vec3 }));
    expect(codeOf(() => volumeGeometry(syntheticVolumeSet(slices, { rows: 2, columns: 2 })))).toBe(
      'VOLUME_SHEARED',
    );
  });

  it('rejects mixed slice sizes and a single slice', () => {
    const slices = axial([0, 1, 2]);
    (slices[2] as SyntheticSlice).rows = 3;
    expect(codeOf(() => volumeGeometry(syntheticVolumeSet(slices, { rows: 2, columns: 2 })))).toBe(
      'VOLUME_MIXED_SIZE',
    );
    expect(codeOf(() => volumeGeometry(syntheticVolumeSet(axial([0]), { rows: 2, columns: 2 })))).toBe(
      'VOLUME_MISSING_GEOMETRY',
    );
  });
});

describe('volumeGeometry with spacingPolicy resample', () => {
  // Listed superior first: slice 3 at 0 mm, 2 at 1, 1 at 2.4, 0 at 3 (gaps 1, 1.4, 0.6: on no grid).
  const set = () => syntheticVolumeSet(axial([3, 2.4, 1, 0]), { rows: 2, columns: 3 });
  const rounded = (g: ReturnType<typeof volumeGeometry>) =>
    g.slotSources?.map((slot) => slot.sources.map((s) => [s.sliceIndex, Number(s.weight.toFixed(12))]));
  const r = (v: number) => Number(v.toFixed(12));

  it('interpolates a uniform grid at the smallest gap between the two nearest slices', () => {
    const g = volumeGeometry(set(), { spacingPolicy: 'resample' });
    expect(g.spacingKind).toBe('resampled');
    expect(g.dimensions).toEqual([3, 2, 6]);
    expect(g.spacing[2]).toBeCloseTo(0.6, 12);
    expect(g.origin).toEqual([-10, -20, 0]);
    expect(g.missingSlots).toEqual([]);
    expect(g.maxSpacingDeviation).toBe(0);
    expect(g.slotOfSlice).toEqual([5, 4, 2, 0]);
    // Slot z at 0.6·z mm: 1 at 0.6 of the way from 0 to 1; 2 and 3 at 1/7 and 4/7 from 1 to 2.4.
    expect(rounded(g)).toEqual([
      [[3, 1]],
      [
        [3, 0.4],
        [2, 0.6],
      ],
      [
        [2, r(6 / 7)],
        [1, r(1 / 7)],
      ],
      [
        [2, r(3 / 7)],
        [1, r(4 / 7)],
      ],
      [[1, 1]],
      [[0, 1]],
    ]);
    expect(g.warnings[0]).toMatch(/resampled to a uniform 0\.600 mm grid/);
    expectVec(voxelToPatient(g, [2, 1, 5]), [-8, -19, 3]);
  });

  it('ends the default grid on the last slice and honours an explicit spacing', () => {
    // Gaps 1, 1, 1.5, 1: the smallest gap 1 does not divide 4.5, so 0.9 mm (6 slots) does.
    const g = volumeGeometry(syntheticVolumeSet(axial([0, 1, 2, 3.5, 4.5]), { rows: 2, columns: 2 }), {
      spacingPolicy: 'resample',
    });
    expect(g.spacing[2]).toBeCloseTo(0.9, 12);
    expect(g.dimensions[2]).toBe(6);
    expect(g.slotSources?.at(-1)?.sources).toEqual([{ sliceIndex: 4, weight: 1 }]);
    const coarse = volumeGeometry(set(), { spacingPolicy: 'resample', resampleSpacing: 1.5 });
    expect(coarse.dimensions[2]).toBe(3);
    expect(coarse.spacing[2]).toBe(1.5);
    // Slot 1 at 1.5 mm: 5/14 of the way from the slice at 1 to the one at 2.4.
    expect(rounded(coarse)).toEqual([
      [[3, 1]],
      [
        [2, r(9 / 14)],
        [1, r(5 / 14)],
      ],
      [[0, 1]],
    ]);
  });

  it('leaves uniform and missing-slice grids alone, and rejects a useless spacing', () => {
    const uniform = syntheticVolumeSet(axial([0, 2, 6]), { rows: 2, columns: 2 });
    const g = volumeGeometry(uniform, { spacingPolicy: 'resample' });
    expect([g.spacingKind, g.slotSources]).toEqual(['missing-slices', undefined]);
    expect(codeOf(() => volumeGeometry(set(), { spacingPolicy: 'resample', resampleSpacing: 0.05 }))).toBe(
      'VOLUME_BAD_ARGUMENT',
    );
    expect(
      codeOf(() => volumeGeometry(set(), { spacingPolicy: 'resample', resampleSpacing: Number.NaN })),
    ).toBe('VOLUME_BAD_ARGUMENT');
  });
});
