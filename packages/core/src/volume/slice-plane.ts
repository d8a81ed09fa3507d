import type { Vec3 } from '../model/image-plane.js';
import { add, cross, dot, length, normalize, scale, sub } from './vec3.js';
import { VolumeError } from './volume-error.js';
import { type VolumeGeometry, voxelToPatient } from './volume-geometry.js';

/**
 * An output image's place in patient space, like a DICOM Image Plane: pixel (column c, row r)
 * has its centre at `origin + c·pixelSpacing[1]·rowDirection + r·pixelSpacing[0]·columnDirection`.
 */
export interface SlicePlane {
  /** Centre of the first pixel (column 0, row 0), mm LPS. */
  origin: Vec3;
  /** Unit direction of increasing column index, LPS (as the first triplet of (0020,0037)). */
  rowDirection: Vec3;
  /** Unit direction of increasing row index, LPS (as the second triplet of (0020,0037)). */
  columnDirection: Vec3;
  /** Pixels per row. */
  columns: number;
  /** Rows. */
  rows: number;
  /** [between rows, between columns] in mm, the order of (0028,0030) Pixel Spacing. */
  pixelSpacing: [number, number];
}

/** Row and column directions of the standard views, LPS (radiological display conventions). */
export const VIEW_DIRECTIONS = {
  /** Looking from the feet: patient left on the image right, anterior up. */
  axial: { row: [1, 0, 0], column: [0, 1, 0] },
  /** Looking from the front: patient left on the image right, head up. */
  coronal: { row: [1, 0, 0], column: [0, 0, -1] },
  /** Looking from the patient's left: anterior on the image left, head up. */
  sagittal: { row: [0, 1, 0], column: [0, 0, -1] },
} as const satisfies Record<string, { row: Vec3; column: Vec3 }>;

/**
 * A plane through `point` (mm LPS) with the given row and column directions (made orthonormal:
 * `column` is corrected to be perpendicular to `row`), sized to cover the whole volume, with
 * square pixels of `pixelSpacing` mm (default: the smallest voxel spacing).
 */
export function planeThrough(
  geometry: VolumeGeometry,
  directions: { row: Readonly<Vec3>; column: Readonly<Vec3> },
  point: Vec3,
  pixelSpacing = Math.min(...geometry.spacing),
): SlicePlane {
  if (!(pixelSpacing > 0) || !Number.isFinite(pixelSpacing)) {
    throw new VolumeError('VOLUME_BAD_PLANE', `Pixel spacing ${pixelSpacing} is not positive`);
  }
  const rowIn: Vec3 = [...directions.row];
  const columnIn: Vec3 = [...directions.column];
  if (length(rowIn) < 1e-6 || length(cross(rowIn, columnIn)) < 1e-6 * length(columnIn)) {
    throw new VolumeError('VOLUME_BAD_PLANE', 'Row and column directions are zero or parallel');
  }
  const row = normalize(rowIn);
  const column = normalize(sub(columnIn, scale(row, dot(columnIn, row))));
  // Extent of the volume's corners along each direction, relative to the point.
  const [nx, ny, nz] = geometry.dimensions;
  let uMin = Number.POSITIVE_INFINITY;
  let uMax = Number.NEGATIVE_INFINITY;
  let vMin = Number.POSITIVE_INFINITY;
  let vMax = Number.NEGATIVE_INFINITY;
  for (const x of [0, nx - 1]) {
    for (const y of [0, ny - 1]) {
      for (const z of [0, nz - 1]) {
        const d = sub(voxelToPatient(geometry, [x, y, z]), point);
        uMin = Math.min(uMin, dot(d, row));
        uMax = Math.max(uMax, dot(d, row));
        vMin = Math.min(vMin, dot(d, column));
        vMax = Math.max(vMax, dot(d, column));
      }
    }
  }
  // Whole pixels on either side of the point, so that the point falls on a pixel centre.
  const left = Math.ceil(-uMin / pixelSpacing - 1e-9);
  const up = Math.ceil(-vMin / pixelSpacing - 1e-9);
  const right = Math.ceil(uMax / pixelSpacing - 1e-9);
  const down = Math.ceil(vMax / pixelSpacing - 1e-9);
  return {
    origin: sub(point, add(scale(row, left * pixelSpacing), scale(column, up * pixelSpacing))),
    rowDirection: row,
    columnDirection: column,
    columns: Math.max(1, left + right + 1),
    rows: Math.max(1, up + down + 1),
    pixelSpacing: [pixelSpacing, pixelSpacing],
  };
}

/** Unit normal of a plane (row × column), LPS: the direction slabs extend along. */
export function slicePlaneNormal(plane: SlicePlane): Vec3 {
  return normalize(cross(plane.rowDirection, plane.columnDirection));
}

/** Centre of pixel (column, row) of a plane, mm LPS. */
export function planePixelToPatient(plane: SlicePlane, column: number, row: number): Vec3 {
  return add(
    plane.origin,
    add(
      scale(plane.rowDirection, column * plane.pixelSpacing[1]),
      scale(plane.columnDirection, row * plane.pixelSpacing[0]),
    ),
  );
}

/** Fractional [column, row] of a patient position projected onto a plane. */
export function patientToPlanePixel(plane: SlicePlane, point: Vec3): [number, number] {
  const d = sub(point, plane.origin);
  return [
    dot(d, plane.rowDirection) / plane.pixelSpacing[1],
    dot(d, plane.columnDirection) / plane.pixelSpacing[0],
  ];
}
