import {
  patientToPlanePixel,
  planeThrough,
  type SlicePlane,
  slicePlaneNormal,
  type Vec3,
  VIEW_DIRECTIONS,
  type VolumeGeometry,
  voxelToPatient,
} from '@fovea/core';

/** Which plane of a volume a view shows. */
export type PlaneOrientation = keyof typeof VIEW_DIRECTIONS;

/** The plane orientations, in the order the MPR layout shows them. */
export const PLANE_ORIENTATIONS: readonly PlaneOrientation[] = ['axial', 'coronal', 'sagittal'];

/** Centre of the volume's voxel grid, mm LPS. */
export function volumeCentre(geometry: VolumeGeometry): Vec3 {
  const [nx, ny, nz] = geometry.dimensions;
  return voxelToPatient(geometry, [(nx - 1) / 2, (ny - 1) / 2, (nz - 1) / 2]);
}

/**
 * The plane of `orientation` through the volume centre, covering the whole volume with square
 * pixels of the smallest voxel spacing. Views keep this pixel grid and only slide it along the
 * normal (see {@link planeAt}), so the image does not shift on screen when the cursor moves
 * within the plane.
 */
export function basePlane(geometry: VolumeGeometry, orientation: PlaneOrientation): SlicePlane {
  return planeThrough(geometry, VIEW_DIRECTIONS[orientation], volumeCentre(geometry));
}

/** `base` moved along its normal so that it passes through `point` (mm LPS). */
export function planeAt(base: SlicePlane, point: Readonly<Vec3>): SlicePlane {
  const normal = slicePlaneNormal(base);
  const offset = dot3(sub3(point, base.origin), normal);
  return {
    ...base,
    origin: [
      base.origin[0] + offset * normal[0],
      base.origin[1] + offset * normal[1],
      base.origin[2] + offset * normal[2],
    ],
  };
}

/**
 * One scroll step along a plane's normal, mm: the spacing of the voxel axis most nearly along
 * the normal (the slice spacing for the acquired plane, the pixel spacing for the others).
 */
export function normalStep(geometry: VolumeGeometry, plane: SlicePlane): number {
  const normal = slicePlaneNormal(plane);
  let best = 0;
  let step = Math.min(...geometry.spacing);
  geometry.directions.forEach((direction, axis) => {
    const along = Math.abs(dot3(direction, normal));
    if (along > best) {
      best = along;
      step = geometry.spacing[axis] as number;
    }
  });
  return step;
}

/**
 * `cursor` moved `steps` scroll steps (see {@link normalStep}) along the normal of the
 * `orientation` plane, staying on the volume: the plane may not leave the voxels along the normal.
 */
export function scrolledCursor(
  geometry: VolumeGeometry,
  orientation: PlaneOrientation,
  cursor: Readonly<Vec3>,
  steps: number,
): Vec3 {
  const base = basePlane(geometry, orientation);
  const step = normalStep(geometry, base) * steps;
  const [lo, hi] = normalExtent(geometry, base);
  const at = distanceFromPlane(base, cursor);
  const along = Math.min(hi, Math.max(lo, at + step)) - at;
  const normal = slicePlaneNormal(base);
  return [cursor[0] + along * normal[0], cursor[1] + along * normal[1], cursor[2] + along * normal[2]];
}

/** The range of signed distances from `plane` that the volume's voxel centres span, mm. */
export function normalExtent(geometry: VolumeGeometry, plane: SlicePlane): [number, number] {
  const [nx, ny, nz] = geometry.dimensions;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of [0, nx - 1])
    for (const y of [0, ny - 1])
      for (const z of [0, nz - 1]) {
        const d = distanceFromPlane(plane, voxelToPatient(geometry, [x, y, z]));
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
  return [lo, hi];
}

/** Signed distance of `point` from the plane along its normal, mm. */
export function distanceFromPlane(plane: SlicePlane, point: Readonly<Vec3>): number {
  return dot3(sub3(point, plane.origin), slicePlaneNormal(plane));
}

/**
 * Where the crosshair of `point` lies on `plane`, in fractional image pixels [column, row]
 * (pixel centres on integers): the other two orthogonal planes through the point cut this one
 * along the row and the column through it.
 */
export function crosshairOnPlane(plane: SlicePlane, point: Readonly<Vec3>): [number, number] {
  return patientToPlanePixel(plane, [point[0], point[1], point[2]]);
}

function sub3(a: Readonly<Vec3>, b: Readonly<Vec3>): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function dot3(a: Readonly<Vec3>, b: Readonly<Vec3>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
