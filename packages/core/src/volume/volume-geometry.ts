import type { VolumeDisplaySet } from '../display-sets/display-set.js';
import type { Vec3 } from '../model/image-plane.js';
import { add, cross, dot, length, normalize, scale, sub } from './vec3.js';
import { VolumeError } from './volume-error.js';

/**
 * What to do with slice spacing that is neither uniform nor uniform with missing slices:
 * `'nominal'` (default) places the slices one per slot at their mean spacing and reports it
 * (`spacingKind: 'irregular'`, a warning and the largest deviation); `'resample'` builds a uniform
 * grid (see `resampleSpacing`) whose slots are linearly interpolated between
 * the two nearest slices along the slice axis (`spacingKind: 'resampled'`, see `slotSources`);
 * `'strict'` throws `VOLUME_IRREGULAR_SPACING`.
 */
export type SpacingPolicy = 'nominal' | 'resample' | 'strict';

/** Options of {@link volumeGeometry}. */
export interface VolumeGeometryOptions {
  spacingPolicy?: SpacingPolicy;
  /**
   * Slot spacing along the normal for `spacingPolicy: 'resample'`, mm; by default the smallest gap
   * between slices, shortened so the grid ends on the last slice. At most 8 slots per slice.
   */
  resampleSpacing?: number;
}

/** The slices whose values make one slot of a resampled volume: weights sum to 1. */
export interface SlotSource {
  /** Index into `VolumeDisplaySet.slices`, and its weight in this slot. */
  sources: { sliceIndex: number; weight: number }[];
}

/**
 * The voxel grid of a volume in patient space. Voxel (x, y, z) has its centre at
 * `origin + x·spacing[0]·directions[0] + y·spacing[1]·directions[1] + z·spacing[2]·directions[2]`
 * (mm, patient LPS); x is the column index, y the row index, z the slot along the normal.
 */
export interface VolumeGeometry {
  /** Voxels along x (columns), y (rows) and z (slots, missing slices included). */
  dimensions: [number, number, number];
  /** Centre of voxel (0, 0, 0): (0020,0032) Image Position (Patient) of the lowest slice along the normal, mm LPS. */
  origin: Vec3;
  /**
   * Unit directions of increasing x, y, z, LPS: (0020,0037) row and column cosines, and the slice
   * axis: their cross product (the normal), or for a sheared stack (gantry tilt) the direction from
   * one slice origin to the next, which then is not perpendicular to the slices.
   */
  directions: [Vec3, Vec3, Vec3];
  /**
   * Voxel size along x, y, z in mm: (0028,0030) Pixel Spacing [1] and [0], and the distance between
   * neighbouring slots along the slice axis (for sheared stacks longer than the distance along the normal).
   */
  spacing: Vec3;
  /** Angle between the slice axis and the normal, degrees: the gantry tilt; 0 when not sheared. */
  shearAngle: number;
  /** For each entry of `VolumeDisplaySet.slices`, the z slot it fills (resampled: the nearest slot). */
  slotOfSlice: number[];
  /** Slots no slice fills (missing slices), ascending; their voxels keep the background value. */
  missingSlots: number[];
  /**
   * `uniform`; `missing-slices` (uniform spacing with gaps of whole slices); `irregular` (placed
   * at the mean spacing) or `resampled` (interpolated onto a uniform grid), see {@link SpacingPolicy}.
   */
  spacingKind: 'uniform' | 'missing-slices' | 'irregular' | 'resampled';
  /**
   * Largest distance between a slice and its slot's centre along the normal, mm (0 for exact
   * grids, and for resampled ones, whose slots are interpolated at their true positions).
   */
  maxSpacingDeviation: number;
  /** Resampled volumes only: for each slot, the one or two slices it is interpolated from. */
  slotSources?: SlotSource[];
  /** Problems a viewer should show (irregular spacing, missing slices, shear); empty when none. */
  warnings: string[];
}

/** Relative tolerance for slice positions on the grid (the display-set grouping uses the same 1 %). */
const GRID_TOLERANCE = 0.01;
/** How far two direction cosines may differ and still be one orientation. */
const ORIENTATION_TOLERANCE = 1e-3;
/** In-plane offset between slice origins (mm) above which slices are sheared. */
const SHEAR_TOLERANCE_MM = 0.01;

/**
 * Computes the voxel grid of a volume display set from each slice's Image Plane module, checking
 * what the grouping may have let through or what a hand-built set may carry. Throws
 * {@link VolumeError}: `VOLUME_MISSING_GEOMETRY`, `VOLUME_BAD_SPACING`,
 * `VOLUME_INCONSISTENT_ORIENTATION`, `VOLUME_MIXED_SIZE`, `VOLUME_DUPLICATE_POSITION`,
 * `VOLUME_SHEARED` (slice origins not on one line), `VOLUME_IRREGULAR_SPACING` (strict policy).
 * Gantry tilt is handled by a sheared voxel grid (see `directions`), reported in `warnings`.
 */
export function volumeGeometry(set: VolumeDisplaySet, options: VolumeGeometryOptions = {}): VolumeGeometry {
  const slices = set.slices;
  if (slices.length < 2)
    throw new VolumeError('VOLUME_MISSING_GEOMETRY', 'A volume needs at least two slices');
  const planes = slices.map((slice, i) => {
    const plane = slice.instance.frames[slice.frameIndex]?.plane;
    const position = plane?.imagePositionPatient;
    const orientation = plane?.imageOrientationPatient;
    const pixelSpacing = plane?.pixelSpacing;
    if (!position || !orientation || !pixelSpacing) {
      throw new VolumeError(
        'VOLUME_MISSING_GEOMETRY',
        'Slice without Image Position, Image Orientation or Pixel Spacing',
        { sliceIndex: i },
      );
    }
    if (![...position, ...orientation].every(Number.isFinite)) {
      throw new VolumeError('VOLUME_BAD_SPACING', 'Image Position or Orientation is not a finite number', {
        sliceIndex: i,
      });
    }
    if (!pixelSpacing.every((s) => Number.isFinite(s) && s > 0)) {
      throw new VolumeError(
        'VOLUME_BAD_SPACING',
        `Pixel Spacing ${pixelSpacing.join('\\')} is not positive`,
        {
          sliceIndex: i,
        },
      );
    }
    const pixel = slice.instance.pixel;
    if (pixel && (pixel.rows !== set.rows || pixel.columns !== set.columns)) {
      throw new VolumeError(
        'VOLUME_MIXED_SIZE',
        `Slice of ${pixel.columns}×${pixel.rows} in a ${set.columns}×${set.rows} volume`,
        { sliceIndex: i },
      );
    }
    return { position, orientation, pixelSpacing };
  });

  const first = planes[0] as (typeof planes)[number];
  const row: Vec3 = [first.orientation[0], first.orientation[1], first.orientation[2]];
  const column: Vec3 = [first.orientation[3], first.orientation[4], first.orientation[5]];
  if (
    Math.abs(length(row) - 1) > ORIENTATION_TOLERANCE ||
    Math.abs(length(column) - 1) > ORIENTATION_TOLERANCE ||
    Math.abs(dot(row, column)) > ORIENTATION_TOLERANCE
  ) {
    throw new VolumeError(
      'VOLUME_INCONSISTENT_ORIENTATION',
      'Image Orientation (Patient) is not orthonormal',
      {
        sliceIndex: 0,
      },
    );
  }
  const normal = normalize(cross(row, column));
  planes.forEach((plane, i) => {
    if (
      plane.orientation.some((v, k) => Math.abs(v - (first.orientation[k] as number)) > ORIENTATION_TOLERANCE)
    ) {
      throw new VolumeError(
        'VOLUME_INCONSISTENT_ORIENTATION',
        `Image Orientation ${plane.orientation.join('\\')} differs from the first slice's ${first.orientation.join('\\')}`,
        { sliceIndex: i },
      );
    }
    if (plane.pixelSpacing.some((s, k) => Math.abs(s - (first.pixelSpacing[k] as number)) > s * 1e-4)) {
      throw new VolumeError('VOLUME_MIXED_SIZE', 'Pixel Spacing differs between slices', { sliceIndex: i });
    }
  });

  // Slice order along the normal (the display set is sorted already, a hand-built one may not be).
  const distance = planes.map((p) => dot(p.position, normal));
  const order = planes.map((_, i) => i).sort((a, b) => (distance[a] as number) - (distance[b] as number));
  const lowest = order[0] as number;
  const origin = planes[lowest]?.position as Vec3;
  const d0 = distance[lowest] as number;
  const gaps: number[] = [];
  for (let n = 1; n < order.length; n++) {
    const i = order[n] as number;
    const gap = (distance[i] as number) - (distance[order[n - 1] as number] as number);
    if (gap < 1e-3) {
      throw new VolumeError(
        'VOLUME_DUPLICATE_POSITION',
        `Two slices at ${(distance[i] as number).toFixed(3)} mm`,
        {
          sliceIndex: i,
        },
      );
    }
    gaps.push(gap);
  }
  // The slice axis: slice origin to slice origin per mm along the normal. It is the normal itself,
  // or leans within the slice plane for a tilted gantry (a sheared grid, exact for resampling).
  const last = order.at(-1) as number;
  const extent = (distance[last] as number) - d0;
  const axis = scale(sub(planes[last]?.position as Vec3, origin), 1 / extent);
  order.forEach((i) => {
    const expected = add(origin, scale(axis, (distance[i] as number) - d0));
    const off = length(sub(planes[i]?.position as Vec3, expected));
    if (off > SHEAR_TOLERANCE_MM + extent * 1e-4) {
      throw new VolumeError(
        'VOLUME_SHEARED',
        `Slice origin is ${off.toFixed(3)} mm off the line through the first and last slice origins`,
        { sliceIndex: i },
      );
    }
  });
  const lean = length(sub(axis, normal)) * extent;
  const sheared = lean > SHEAR_TOLERANCE_MM;
  const sliceAxis = sheared ? normalize(axis) : normal;
  const shearAngle = sheared ? (Math.acos(Math.min(1, dot(sliceAxis, normal))) * 180) / Math.PI : 0;

  const warnings: string[] = [];
  if (sheared) {
    warnings.push(
      `Sheared stack (gantry tilt ${shearAngle.toFixed(2)}°): the voxel grid follows the slices; reslices are exact`,
    );
  }
  const grid = gridSlots(order.map((i) => (distance[i] as number) - d0));
  let sliceSpacing: number;
  let slots: number[];
  let spacingKind: VolumeGeometry['spacingKind'];
  if (grid) {
    sliceSpacing = grid.spacing;
    slots = grid.slots;
    spacingKind = (slots.at(-1) as number) === slots.length - 1 ? 'uniform' : 'missing-slices';
  } else if (options.spacingPolicy === 'resample') {
    const offsets = order.map((i) => (distance[i] as number) - d0);
    // By default the largest spacing not above the smallest gap that ends exactly on the last slice.
    const extentAlongNormal = offsets.at(-1) as number;
    const fallback = extentAlongNormal / Math.ceil(extentAlongNormal / Math.min(...gaps) - 1e-6);
    const resampled = resampleSlots(offsets, order, options.resampleSpacing ?? fallback);
    const spacing = resampled.spacing;
    warnings.push(
      `Irregular slice spacing (${Math.min(...gaps).toFixed(3)}–${Math.max(...gaps).toFixed(3)} mm): ` +
        `resampled to a uniform ${spacing.toFixed(3)} mm grid by linear interpolation between neighbouring slices`,
    );
    return {
      dimensions: [set.columns, set.rows, resampled.slotSources.length],
      origin: [...origin],
      directions: [row, column, sliceAxis],
      spacing: [first.pixelSpacing[1], first.pixelSpacing[0], sheared ? spacing * length(axis) : spacing],
      shearAngle,
      slotOfSlice: slices.map((_, i) =>
        Math.min(resampled.slotSources.length - 1, Math.round(((distance[i] as number) - d0) / spacing)),
      ),
      missingSlots: [],
      spacingKind: 'resampled',
      maxSpacingDeviation: 0,
      warnings,
      slotSources: resampled.slotSources,
    };
  } else {
    if (options.spacingPolicy === 'strict') {
      throw new VolumeError(
        'VOLUME_IRREGULAR_SPACING',
        `Slice gaps range from ${Math.min(...gaps).toFixed(3)} to ${Math.max(...gaps).toFixed(3)} mm`,
      );
    }
    sliceSpacing = ((distance[order.at(-1) as number] as number) - d0) / (order.length - 1);
    slots = order.map((_, n) => n);
    spacingKind = 'irregular';
  }
  const slotOfSlice = new Array<number>(slices.length);
  let maxSpacingDeviation = 0;
  order.forEach((i, n) => {
    const slot = slots[n] as number;
    slotOfSlice[i] = slot;
    maxSpacingDeviation = Math.max(
      maxSpacingDeviation,
      Math.abs((distance[i] as number) - d0 - slot * sliceSpacing),
    );
  });
  const depth = (slots.at(-1) as number) + 1;
  const filled = new Set(slots);
  const missingSlots: number[] = [];
  for (let z = 0; z < depth; z++) if (!filled.has(z)) missingSlots.push(z);
  if (spacingKind === 'missing-slices') {
    warnings.push(`${missingSlots.length} missing slice(s) at ${sliceSpacing.toFixed(3)} mm spacing`);
  } else if (spacingKind === 'irregular') {
    warnings.push(
      `Irregular slice spacing (${Math.min(...gaps).toFixed(3)}–${Math.max(...gaps).toFixed(3)} mm): ` +
        `slices placed at their mean spacing ${sliceSpacing.toFixed(3)} mm, up to ${maxSpacingDeviation.toFixed(3)} mm off`,
    );
  }
  return {
    dimensions: [set.columns, set.rows, depth],
    origin: [...origin],
    directions: [row, column, sliceAxis],
    spacing: [
      first.pixelSpacing[1],
      first.pixelSpacing[0],
      sheared ? sliceSpacing * length(axis) : sliceSpacing,
    ],
    shearAngle,
    slotOfSlice,
    missingSlots,
    spacingKind,
    maxSpacingDeviation,
    warnings,
  };
}

/**
 * A uniform grid from 0 to the last of the ascending `offsets` (mm) at `spacing`, each slot
 * interpolated linearly between the slices around it (`order[n]` is the slice at `offsets[n]`).
 */
function resampleSlots(
  offsets: readonly number[],
  order: readonly number[],
  spacing: number,
): { spacing: number; slotSources: SlotSource[] } {
  const extent = offsets.at(-1) as number;
  if (!Number.isFinite(spacing) || spacing <= 0 || extent / spacing + 1 > 8 * offsets.length) {
    throw new VolumeError(
      'VOLUME_BAD_ARGUMENT',
      `Resample spacing ${spacing} mm is not positive or makes more than 8 slots per slice`,
    );
  }
  // A hair of tolerance so that a grid ending on the last slice keeps it.
  const depth = Math.floor(extent / spacing + 1e-6) + 1;
  const slotSources: SlotSource[] = [];
  let n = 0;
  for (let z = 0; z < depth; z++) {
    const d = Math.min(z * spacing, extent);
    while (n < offsets.length - 2 && (offsets[n + 1] as number) <= d) n++;
    const lo = offsets[n] as number;
    const hi = offsets[n + 1] as number;
    const t = (d - lo) / (hi - lo);
    const sources = [
      { sliceIndex: order[n] as number, weight: 1 - t },
      { sliceIndex: order[n + 1] as number, weight: t },
    ].filter((source) => source.weight > 1e-9);
    slotSources.push({ sources });
  }
  return { spacing, slotSources };
}

/**
 * Places ascending offsets (mm from the first) on a uniform grid when each lies within 1 % of a
 * grid point, whole missing slices allowed (no more missing than present); `undefined` otherwise.
 */
function gridSlots(offsets: readonly number[]): { spacing: number; slots: number[] } | undefined {
  const gaps = offsets.slice(1).map((d, n) => d - (offsets[n] as number));
  // The smallest gap is the slice spacing if any is; refined over the whole extent, so that
  // deviations do not accumulate along a long series.
  const smallest = Math.min(...gaps);
  const last = offsets.at(-1) as number;
  const spacing = last / Math.round(last / smallest);
  const slots = offsets.map((d) => Math.round(d / spacing));
  const onGrid = offsets.every(
    (d, n) => Math.abs(d - (slots[n] as number) * spacing) <= spacing * GRID_TOLERANCE,
  );
  const distinct = slots.every((s, n) => n === 0 || s > (slots[n - 1] as number));
  const plausible = (slots.at(-1) as number) + 1 <= 2 * offsets.length;
  return onGrid && distinct && plausible ? { spacing, slots } : undefined;
}

/** Centre of voxel (x, y, z) (fractional indices allowed), mm LPS. */
export function voxelToPatient(geometry: VolumeGeometry, voxel: Vec3): Vec3 {
  const [dx, dy, dz] = geometry.directions;
  const [sx, sy, sz] = geometry.spacing;
  return add(
    geometry.origin,
    add(scale(dx, voxel[0] * sx), add(scale(dy, voxel[1] * sy), scale(dz, voxel[2] * sz))),
  );
}

/** Fractional voxel indices (x, y, z) of a patient position (mm LPS); inverse of {@link voxelToPatient}. */
export function patientToVoxel(geometry: VolumeGeometry, point: Vec3): Vec3 {
  return directionToVoxel(geometry, sub(point, geometry.origin));
}

/** A patient-space displacement (mm LPS) in voxel index units. */
export function directionToVoxel(geometry: VolumeGeometry, vector: Vec3): Vec3 {
  // The grid may be sheared (gantry tilt): invert the general 3 × 3 matrix [a b c] by its
  // reciprocal basis, (b × c, c × a, a × b) / det.
  const [dx, dy, dz] = geometry.directions;
  const [sx, sy, sz] = geometry.spacing;
  const a = scale(dx, sx);
  const b = scale(dy, sy);
  const c = scale(dz, sz);
  const bc = cross(b, c);
  const det = dot(a, bc);
  return [dot(vector, bc) / det, dot(vector, cross(c, a)) / det, dot(vector, cross(a, b)) / det];
}

/**
 * The voxel → patient affine as a column-major 4 × 4 matrix (WebGPU/WebGL order): multiply
 * `[x, y, z, 1]` to get mm LPS.
 */
export function voxelToPatientMatrix(geometry: VolumeGeometry): number[] {
  const [dx, dy, dz] = geometry.directions;
  const [sx, sy, sz] = geometry.spacing;
  const o = geometry.origin;
  return [...scale(dx, sx), 0, ...scale(dy, sy), 0, ...scale(dz, sz), 0, o[0], o[1], o[2], 1];
}
