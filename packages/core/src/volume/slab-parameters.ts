import type { Vec3 } from '../model/image-plane.js';
import { type SlicePlane, slicePlaneNormal } from './slice-plane.js';
import { scale, sub } from './vec3.js';
import { VolumeError } from './volume-error.js';
import { directionToVoxel, patientToVoxel, type VolumeGeometry } from './volume-geometry.js';

/** How a thick slab combines its samples along the plane normal. */
export type SlabMode = 'max' | 'min' | 'mean';
/** Trilinear for images, nearest for label maps. */
export type Interpolation = 'trilinear' | 'nearest';

/** A thick slab centred on a plane. */
export interface SlabOptions {
  /** Slab thickness along the plane normal, mm; 0 samples the plane alone. */
  thickness: number;
  /** `max` (MIP), `min` (MinIP) or `mean` (average). */
  mode: SlabMode;
  /** Distance between samples along the normal, mm; default the smallest voxel spacing. */
  sampleSpacing?: number;
}

/**
 * A plane or slab in voxel index space, as the WASM core and the JS reference take it: output
 * pixel (i, j), sample k lies at `origin + j·column + k·step + i·row` (voxel indices).
 */
export interface VoxelSlab {
  origin: Vec3;
  row: Vec3;
  column: Vec3;
  step: Vec3;
  samples: number;
  width: number;
  height: number;
}

/** Converts a plane (and slab) in patient space to voxel index space; validates both. */
export function voxelSlab(geometry: VolumeGeometry, plane: SlicePlane, slab?: SlabOptions): VoxelSlab {
  const { columns, rows, pixelSpacing } = plane;
  if (!Number.isInteger(columns) || !Number.isInteger(rows) || columns < 1 || rows < 1) {
    throw new VolumeError('VOLUME_BAD_PLANE', `Output size ${columns}×${rows} is not a positive whole size`);
  }
  if (!pixelSpacing.every((s) => Number.isFinite(s) && s > 0)) {
    throw new VolumeError('VOLUME_BAD_PLANE', `Pixel spacing ${pixelSpacing.join('\\')} is not positive`);
  }
  const normal = slicePlaneNormal(plane);
  if (![...plane.origin, ...normal].every(Number.isFinite)) {
    throw new VolumeError(
      'VOLUME_BAD_PLANE',
      'Plane origin or directions are not finite (parallel directions?)',
    );
  }
  let samples = 1;
  let spacing = 0;
  if (slab && slab.thickness > 0) {
    spacing = slab.sampleSpacing ?? Math.min(...geometry.spacing);
    if (!(spacing > 0) || !Number.isFinite(slab.thickness)) {
      throw new VolumeError(
        'VOLUME_BAD_PLANE',
        `Slab thickness ${slab.thickness} or sample spacing ${spacing} is invalid`,
      );
    }
    samples = Math.round(slab.thickness / spacing) + 1;
  } else if (slab && !(slab.thickness >= 0)) {
    throw new VolumeError('VOLUME_BAD_PLANE', `Slab thickness ${slab.thickness} is invalid`);
  }
  const first = sub(plane.origin, scale(normal, (spacing * (samples - 1)) / 2));
  return {
    origin: patientToVoxel(geometry, first),
    row: directionToVoxel(geometry, scale(plane.rowDirection, pixelSpacing[1])),
    column: directionToVoxel(geometry, scale(plane.columnDirection, pixelSpacing[0])),
    step: directionToVoxel(geometry, scale(normal, spacing)),
    samples,
    width: columns,
    height: rows,
  };
}
