/**
 * Test support for the volume core: synthetic volume display sets and a straightforward JS
 * reference of the WASM pixel work (fill, reslice, slab), written for clarity, not speed.
 */
import type { SliceRef, VolumeDisplaySet } from '../display-sets/display-set.js';
import type { DicomInstance } from '../model/dicom-instance.js';
import type { Vec3 } from '../model/image-plane.js';
import { planeNormal } from '../model/image-plane.js';
import type { Interpolation, SlabMode, VoxelSlab } from './slab-parameters.js';

/** One synthetic slice: where it is and how its stored values rescale. */
export interface SyntheticSlice {
  position: Vec3;
  orientation?: [number, number, number, number, number, number];
  slope?: number;
  intercept?: number;
  rows?: number;
  columns?: number;
  pixelSpacing?: [number, number];
}

/** A volume display set of synthetic instances, slices in the order given (not sorted). */
export function syntheticVolumeSet(
  slices: readonly SyntheticSlice[],
  base: {
    rows: number;
    columns: number;
    orientation?: [number, number, number, number, number, number];
    pixelSpacing?: [number, number];
  },
): VolumeDisplaySet {
  const orientation = base.orientation ?? [1, 0, 0, 0, 1, 0];
  const normal = planeNormal(orientation) as Vec3;
  const refs: SliceRef[] = slices.map((s, i) => {
    const instance = {
      sopInstanceUid: `2.25.${i + 1}`,
      instanceNumber: i + 1,
      pixel: {
        rows: s.rows ?? base.rows,
        columns: s.columns ?? base.columns,
        samplesPerPixel: 1,
        bitsAllocated: 16,
        bitsStored: 16,
        highBit: 15,
        pixelRepresentation: 1,
        photometricInterpretation: 'MONOCHROME2',
        planarConfiguration: 0,
        numberOfFrames: 1,
      },
      frames: [
        {
          index: 0,
          plane: {
            imagePositionPatient: s.position,
            imageOrientationPatient: s.orientation ?? orientation,
            pixelSpacing: s.pixelSpacing ?? base.pixelSpacing ?? [1, 1],
            sliceThickness: undefined,
            spacingBetweenSlices: undefined,
          },
          modalityLut: {
            rescaleSlope: s.slope ?? 1,
            rescaleIntercept: s.intercept ?? 0,
            rescaleType: undefined,
            lut: undefined,
            lutType: undefined,
          },
          voi: { windows: [], luts: [] },
          frameContent: undefined,
          segmentNumber: undefined,
          phase: { temporalPosition: undefined, triggerTime: undefined, diffusionBValue: undefined },
        },
      ],
    } as unknown as DicomInstance;
    return {
      instance,
      frameIndex: 0,
      distance: s.position[0] * normal[0] + s.position[1] * normal[1] + s.position[2] * normal[2],
    };
  });
  return {
    type: 'volume',
    key: 'synthetic',
    studyInstanceUid: undefined,
    seriesInstanceUid: undefined,
    seriesNumber: undefined,
    modality: 'CT',
    seriesDescription: undefined,
    frameOfReferenceUid: undefined,
    slices: refs,
    normal,
    orientation,
    rows: base.rows,
    columns: base.columns,
    spacing: 1,
    uniformSpacing: true,
    tiltAngle: 0,
    phase: undefined,
  };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference modality LUT: stored × slope + intercept, in float64. */
export function referenceRescale(stored: ArrayLike<number>, slope: number, intercept: number): Float64Array {
  const out = new Float64Array(stored.length);
  for (let i = 0; i < stored.length; i++) out[i] = (stored[i] as number) * slope + intercept;
  return out;
}

const f = Math.fround;

/**
 * Reference reslice/slab over `voxels` (x fastest) with dimensions `[nx, ny, nz]`. Sample positions
 * are rounded to float32 in the order the C code uses (so both see the same positions); the
 * interpolation and combination are done in float64.
 */
export function referenceSlab(
  voxels: ArrayLike<number>,
  [nx, ny, nz]: readonly [number, number, number],
  p: VoxelSlab,
  mode: SlabMode,
  interpolation: Interpolation,
  fill: number,
): Float32Array {
  const o = p.origin.map(f);
  const r = p.row.map(f);
  const c = p.column.map(f);
  const s = p.step.map(f);
  const at = (x: number, y: number, z: number): number => voxels[x + nx * (y + ny * z)] as number;
  const inside = (v: number, n: number): boolean => v >= 0 && v <= n - 1;
  const sample = (x: number, y: number, z: number): number | undefined => {
    if (interpolation === 'nearest') {
      const [xn, yn, zn] = [Math.floor(f(x + 0.5)), Math.floor(f(y + 0.5)), Math.floor(f(z + 0.5))];
      return inside(xn, nx) && inside(yn, ny) && inside(zn, nz) ? at(xn, yn, zn) : undefined;
    }
    if (!inside(x, nx) || !inside(y, ny) || !inside(z, nz)) return undefined;
    const [x0, y0, z0] = [Math.floor(x), Math.floor(y), Math.floor(z)];
    const [x1, y1, z1] = [Math.min(x0 + 1, nx - 1), Math.min(y0 + 1, ny - 1), Math.min(z0 + 1, nz - 1)];
    const [fx, fy, fz] = [x - x0, y - y0, z - z0];
    const lerp = (a: number, b: number, t: number): number => a + t * (b - a);
    const c00 = lerp(at(x0, y0, z0), at(x1, y0, z0), fx);
    const c10 = lerp(at(x0, y1, z0), at(x1, y1, z0), fx);
    const c01 = lerp(at(x0, y0, z1), at(x1, y0, z1), fx);
    const c11 = lerp(at(x0, y1, z1), at(x1, y1, z1), fx);
    return lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
  };
  const out = new Float32Array(p.width * p.height);
  for (let j = 0; j < p.height; j++) {
    const b = [0, 1, 2].map((a) => f((o[a] as number) + f(j * (c[a] as number))));
    for (let i = 0; i < p.width; i++) {
      const values: number[] = [];
      for (let k = 0; k < p.samples; k++) {
        const [x, y, z] = [0, 1, 2].map((a) =>
          f(f((b[a] as number) + f(k * (s[a] as number))) + f(i * (r[a] as number))),
        ) as [number, number, number];
        const v = sample(x, y, z);
        if (v !== undefined) values.push(v);
      }
      out[j * p.width + i] =
        values.length === 0
          ? fill
          : mode === 'max'
            ? Math.max(...values)
            : mode === 'min'
              ? Math.min(...values)
              : values.reduce((sum, v) => sum + v, 0) / values.length;
    }
  }
  return out;
}
