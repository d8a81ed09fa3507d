import type { Vec3 } from '@fovea/core';
import { RenderInputError } from '../../errors/render-input-error.js';

/**
 * The voxel grid of a volume in patient space, as `VolumeGeometry` of @fovea/core describes it:
 * voxel (x, y, z) has its centre at `origin + Σ v[i]·spacing[i]·directions[i]` (mm, patient LPS),
 * x fastest in memory, then y, then z.
 */
export interface VolumeGrid {
  /** Voxels along x, y, z. */
  readonly dimensions: readonly [number, number, number];
  /** Centre of voxel (0, 0, 0), mm LPS. */
  readonly origin: ReadonlyVec3;
  /** Unit directions of increasing x, y, z, LPS. */
  readonly directions: readonly [ReadonlyVec3, ReadonlyVec3, ReadonlyVec3];
  /** Voxel size along x, y, z, mm. */
  readonly spacing: ReadonlyVec3;
}

/** A vector in patient space (mm, LPS) that is only read. */
export type ReadonlyVec3 = readonly [number, number, number];

/**
 * An orthographic camera orbiting the volume centre. At azimuth 0 and elevation 0 it looks from
 * anterior to posterior (along +y, LPS) with the head up: the patient's left is on the screen's
 * right, as in an anterior view. Azimuth turns the camera about the patient's superior axis
 * (90: from the patient's left, looking along −x); elevation lifts it towards the head (90: from
 * above, looking along −z).
 */
export interface OrbitCamera {
  /** Degrees about +z (superior), counter-clockwise seen from above. */
  azimuth: number;
  /** Degrees towards +z, −90…90. */
  elevation: number;
  /** 1: the volume's bounding sphere fits the shorter canvas side; 2: twice as large. */
  zoom: number;
  /** Offset of the volume centre from the canvas centre, canvas pixels, x right and y down. */
  pan: readonly [number, number];
}

/** The camera a new volume view starts with: anterior view, whole volume in view. */
export const DEFAULT_ORBIT_CAMERA: OrbitCamera = Object.freeze({
  azimuth: 0,
  elevation: 0,
  zoom: 1,
  pan: [0, 0] as const,
});

/**
 * Everything a ray caster needs for one frame, in voxel coordinates (voxel centres on integers,
 * the volume spans −0.5 … dimension − 0.5 on each axis). The ray of canvas pixel (i, j) (top-left
 * origin) starts at `origin + i·pixelX + j·pixelY` on the plane through the volume centre and goes
 * `origin + t·direction` for t in mm (negative t lies towards the viewer).
 */
export interface RaySetup {
  dimensions: readonly [number, number, number];
  /** Voxel position of the centre of canvas pixel (0, 0), on the plane through the volume centre. */
  origin: Vec3;
  /** Voxel step for one canvas pixel to the right, and one down. */
  pixelX: Vec3;
  pixelY: Vec3;
  /** Voxel step per mm along the view direction. */
  direction: Vec3;
  /**
   * Rows of the matrix taking a gradient in voxel units (value per voxel) to patient space
   * (value per mm): the inverse transpose of the voxel-to-patient matrix.
   */
  gradientToPatient: readonly [Vec3, Vec3, Vec3];
  /** View direction, unit, patient LPS (from the viewer into the scene). */
  viewDirection: Vec3;
  /** Canvas size, pixels. */
  canvas: readonly [number, number];
  /** mm per canvas pixel. */
  pixelSize: number;
  /** Largest ray length through the volume, mm (its diagonal). */
  diagonal: number;
}

const DEG = Math.PI / 180;
type Mat3 = [Vec3, Vec3, Vec3];

const add = (a: ReadonlyVec3, b: ReadonlyVec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: ReadonlyVec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: ReadonlyVec3, b: ReadonlyVec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: ReadonlyVec3, b: ReadonlyVec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/** Unit view direction, up and right vectors of the camera, patient LPS. */
export function cameraBasis(camera: OrbitCamera): { forward: Vec3; up: Vec3; right: Vec3 } {
  const a = camera.azimuth * DEG;
  const e = camera.elevation * DEG;
  const forward: Vec3 = [-Math.sin(a) * Math.cos(e), Math.cos(a) * Math.cos(e), -Math.sin(e)];
  const up: Vec3 = [-Math.sin(a) * Math.sin(e), Math.cos(a) * Math.sin(e), Math.cos(e)];
  return { forward, up, right: cross(forward, up) };
}

/** Checks a camera; throws `RENDER_INVALID_VIEW`. */
export function validateOrbitCamera(camera: OrbitCamera): void {
  const finite = [camera.azimuth, camera.elevation, ...camera.pan].every(Number.isFinite);
  if (!finite || camera.pan.length !== 2) {
    throw new RenderInputError('RENDER_INVALID_VIEW', 'Camera angles and pan must be finite numbers');
  }
  if (Math.abs(camera.elevation) > 90) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Elevation ${camera.elevation}° is outside −90…90°`);
  }
  if (!(Number.isFinite(camera.zoom) && camera.zoom > 0)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Zoom ${camera.zoom} is not a positive number`);
  }
}

/** Columns: directions[i] · spacing[i] (mm per voxel step along each axis). */
function voxelToPatient(grid: VolumeGrid): Mat3 {
  return [0, 1, 2].map((i) => scale(grid.directions[i] as Vec3, grid.spacing[i] as number)) as Mat3;
}

/** Inverse of the matrix whose columns are `c`, as rows. */
function inverseOfColumns(c: Mat3): Mat3 {
  const [a, b, d] = c;
  // Rows of the inverse are the cross products of pairs of columns over the determinant.
  const det = dot(a, cross(b, d));
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) {
    throw new RenderInputError('RENDER_INVALID_IMAGE', 'Volume directions or spacing are degenerate');
  }
  return [scale(cross(b, d), 1 / det), scale(cross(d, a), 1 / det), scale(cross(a, b), 1 / det)];
}

const apply = (rows: Mat3, v: Vec3): Vec3 => [dot(rows[0], v), dot(rows[1], v), dot(rows[2], v)];

/** Centre of the volume (midway between its first and last voxel centres), mm LPS. */
export function volumeCentre(grid: VolumeGrid): Vec3 {
  const columns = voxelToPatient(grid);
  let centre: Vec3 = [...grid.origin];
  for (let i = 0; i < 3; i++)
    centre = add(centre, scale(columns[i] as Vec3, ((grid.dimensions[i] as number) - 1) / 2));
  return centre;
}

/** Length of the volume's diagonal, outer voxel faces included, mm. */
export function volumeDiagonal(grid: VolumeGrid): number {
  const columns = voxelToPatient(grid);
  let longest = 0;
  // Sheared grids are parallelepipeds: the longest diagonal is one of four.
  for (const signs of [
    [1, 1, 1],
    [1, 1, -1],
    [1, -1, 1],
    [-1, 1, 1],
  ]) {
    let d: Vec3 = [0, 0, 0];
    for (let i = 0; i < 3; i++) {
      d = add(d, scale(columns[i] as Vec3, (signs[i] as number) * (grid.dimensions[i] as number)));
    }
    longest = Math.max(longest, Math.hypot(...d));
  }
  return longest;
}

/** The rays of one frame of `camera` on a canvas of `canvas` pixels (see {@link RaySetup}). */
export function raySetup(grid: VolumeGrid, camera: OrbitCamera, canvas: readonly [number, number]): RaySetup {
  validateOrbitCamera(camera);
  const [width, height] = canvas;
  const toVoxel = inverseOfColumns(voxelToPatient(grid));
  const { forward, up, right } = cameraBasis(camera);
  const diagonal = volumeDiagonal(grid);
  const pixelSize = diagonal / (camera.zoom * Math.min(width, height));
  const centre = volumeCentre(grid);
  // Canvas position (x, y) lies at centre + (x − w/2 − panX)·s·right − (y − h/2 − panY)·s·up.
  const dx = 0.5 - width / 2 - camera.pan[0];
  const dy = 0.5 - height / 2 - camera.pan[1];
  const corner = add(centre, add(scale(right, dx * pixelSize), scale(up, -dy * pixelSize)));
  const origin = apply(toVoxel, [
    corner[0] - grid.origin[0],
    corner[1] - grid.origin[1],
    corner[2] - grid.origin[2],
  ]);
  // (M⁻¹)ᵀ as rows: its rows are the columns of M⁻¹.
  const gradientToPatient: Mat3 = [0, 1, 2].map(
    (i) => toVoxel.map((row) => row[i] as number) as unknown as Vec3,
  ) as Mat3;
  return {
    dimensions: grid.dimensions,
    origin,
    pixelX: apply(toVoxel, scale(right, pixelSize)),
    pixelY: apply(toVoxel, scale(up, -pixelSize)),
    direction: apply(toVoxel, forward),
    gradientToPatient,
    viewDirection: forward,
    canvas: [width, height],
    pixelSize,
    diagonal,
  };
}

/**
 * Where a patient point (mm, LPS) appears on the canvas: continuous canvas coordinates (pixel
 * (i, j) covers i…i+1, j…j+1), and its depth along the view direction from the centre plane, mm.
 */
export function projectToCanvas(
  grid: VolumeGrid,
  camera: OrbitCamera,
  canvas: readonly [number, number],
  point: Vec3,
): { x: number; y: number; depth: number } {
  const { forward, up, right } = cameraBasis(camera);
  const pixelSize = volumeDiagonal(grid) / (camera.zoom * Math.min(canvas[0], canvas[1]));
  const centre = volumeCentre(grid);
  const d: Vec3 = [point[0] - centre[0], point[1] - centre[1], point[2] - centre[2]];
  return {
    x: canvas[0] / 2 + camera.pan[0] + dot(d, right) / pixelSize,
    y: canvas[1] / 2 + camera.pan[1] - dot(d, up) / pixelSize,
    depth: dot(d, forward),
  };
}
