import type { Vec3 } from '@fovea/core';
import { RenderInputError } from '../errors/render-input-error.js';
import { brickAtlas } from './brick-atlas.js';

/**
 * Voxel arrays a volume may hold; the array type decides the GPU texture format: `Int16Array` →
 * r16sint / R16I, `Uint16Array` → r16uint / R16UI, `Uint8Array` → r8uint / R8UI (label maps),
 * `Float32Array` → r32float / R32F. Values are read with `textureLoad` / `texelFetch` only, so
 * integers stay exact.
 */
export type VolumeVoxels = Int16Array | Uint16Array | Uint8Array | Float32Array;

/** The texel type a volume is sampled as on the GPU. */
export type VolumeTexelKind = 'sint' | 'uint' | 'float';

/**
 * Where a volume's voxels lie in patient space: the part of @fovea/core's `VolumeGeometry` the
 * renderer needs (a `VolumeGeometry` can be passed as it is). Voxel (x, y, z) has its centre at
 * `origin + x·spacing[0]·directions[0] + y·spacing[1]·directions[1] + z·spacing[2]·directions[2]`.
 */
export interface RenderVolumeGeometry {
  /** Voxels along x (columns), y (rows), z (slots). */
  dimensions: readonly [number, number, number];
  /** Centre of voxel (0, 0, 0), mm LPS. */
  origin: Readonly<Vec3>;
  /** Unit directions of increasing x, y, z, LPS (z may be sheared: gantry tilt). */
  directions: readonly [Readonly<Vec3>, Readonly<Vec3>, Readonly<Vec3>];
  /** Voxel size along x, y, z, mm. */
  spacing: Readonly<Vec3>;
}

/**
 * A volume as the page hands it to the render worker: modality values (e.g. HU, as
 * @fovea/core's `Volume.voxels()` holds them), x fastest, then y, then z (slot), and where they
 * lie. The buffer is transferred to the worker unless the caller asks for a copy.
 */
export interface RenderVolumeData {
  geometry: RenderVolumeGeometry;
  /** `dimensions[0] · dimensions[1] · dimensions[2]` voxels, modality units (labels for label maps). */
  voxels: VolumeVoxels;
}

/** A run of whole slots (z planes) replacing part of a volume: streaming as slices are decoded. */
export interface VolumeSlotUpdate {
  /** The first slot (z index) written. */
  firstSlot: number;
  /** `dimensions[0] · dimensions[1] · n` voxels for n slots, of the volume's array type. */
  voxels: VolumeVoxels;
}

/** The texel type of a voxel array. */
export function volumeTexelKind(voxels: VolumeVoxels): VolumeTexelKind {
  if (voxels instanceof Float32Array) return 'float';
  if (voxels instanceof Int16Array) return 'sint';
  return 'uint';
}

function isVoxels(value: unknown): value is VolumeVoxels {
  return (
    value instanceof Int16Array ||
    value instanceof Uint16Array ||
    value instanceof Uint8Array ||
    value instanceof Float32Array
  );
}

/**
 * Checks that a volume is self-consistent and fits the device's 3D textures, bricked if need be
 * (see `brickAtlas`); throws {@link RenderInputError} `RENDER_INVALID_VOLUME` or
 * `RENDER_VOLUME_TOO_LARGE` otherwise.
 */
export function validateVolumeData(volume: RenderVolumeData, maxVolumeSize: number): void {
  const { dimensions, origin, directions, spacing } = volume.geometry;
  if (dimensions.length !== 3 || !dimensions.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new RenderInputError(
      'RENDER_INVALID_VOLUME',
      `Volume dimensions ${dimensions.join(' × ')} are not three positive whole numbers`,
    );
  }
  if (!spacing.every((s) => Number.isFinite(s) && s > 0)) {
    throw new RenderInputError(
      'RENDER_INVALID_VOLUME',
      `Voxel spacing ${spacing.join(', ')} is not positive`,
    );
  }
  if (![...origin, ...directions.flat()].every(Number.isFinite)) {
    throw new RenderInputError('RENDER_INVALID_VOLUME', 'Volume origin or directions are not finite numbers');
  }
  if (!isVoxels(volume.voxels)) {
    throw new RenderInputError(
      'RENDER_INVALID_VOLUME',
      'Voxels must be an Int16Array, Uint16Array, Uint8Array or Float32Array',
    );
  }
  const expected = dimensions[0] * dimensions[1] * dimensions[2];
  if (volume.voxels.length !== expected) {
    throw new RenderInputError(
      'RENDER_INVALID_VOLUME',
      `The volume holds ${volume.voxels.length} voxels; ${dimensions.join(' × ')} needs ${expected}`,
    );
  }
  brickAtlas(dimensions, maxVolumeSize);
}

/** Checks a slot update against its volume; throws `RENDER_INVALID_VOLUME` when it does not fit. */
export function validateSlotUpdate(volume: RenderVolumeData, update: VolumeSlotUpdate): number {
  const [nx, ny, nz] = volume.geometry.dimensions;
  const { firstSlot, voxels } = update;
  if (!isVoxels(voxels) || voxels.constructor !== volume.voxels.constructor) {
    throw new RenderInputError(
      'RENDER_INVALID_VOLUME',
      `Slot update voxels must be a ${volume.voxels.constructor.name}, like the volume's`,
    );
  }
  const slots = voxels.length / (nx * ny);
  if (
    !Number.isInteger(firstSlot) ||
    !Number.isInteger(slots) ||
    slots < 1 ||
    firstSlot < 0 ||
    firstSlot + slots > nz
  ) {
    throw new RenderInputError(
      'RENDER_INVALID_VOLUME',
      `An update of ${voxels.length} voxels at slot ${firstSlot} does not fit whole slots of ${nx} × ${ny} in ${nz}`,
    );
  }
  return slots;
}
