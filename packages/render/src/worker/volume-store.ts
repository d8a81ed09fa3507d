import { RenderError } from '../errors/render-error.js';
import type { RenderBackend } from '../gpu/backend.js';
import {
  type RenderVolumeData,
  type VolumeSlotUpdate,
  validateSlotUpdate,
  validateVolumeData,
} from '../volume/volume-data.js';
import type { VolumeTexture } from '../volume/volume-texture.js';

/** One volume in the worker: the CPU copy (the truth, replayed after a device loss) and its GPU texture. */
interface StoredVolume {
  data: RenderVolumeData;
  texture: VolumeTexture | undefined;
  /** Bumped by every change of the voxels: viewports showing the volume redraw. */
  version: number;
  /** Smallest and largest voxel value, computed when first asked for (the default window and fill). */
  range: readonly [number, number] | undefined;
}

/**
 * The volumes of a render worker, shared by its viewports (one GPU copy however many viewports
 * show a volume). Textures are created and filled lazily, at the first frame that needs them, so
 * that after a device loss ({@link VolumeStore.attach} with the new backend) they are rebuilt
 * from the CPU copies without the page sending anything again.
 */
export class VolumeStore {
  readonly #volumes = new Map<number, StoredVolume>();
  #backend: RenderBackend | undefined;

  /** Adds a volume (validated against the backend's 3D texture limit). */
  add(id: number, data: RenderVolumeData, backend: RenderBackend): void {
    if (this.#volumes.has(id)) throw new Error(`Volume ${id} already exists`);
    validateVolumeData(data, backend.info.maxVolumeSize);
    this.#volumes.set(id, { data, texture: undefined, version: 0, range: undefined });
  }

  /** Writes whole slots into the CPU copy and, when it exists, the GPU texture. */
  update(id: number, update: VolumeSlotUpdate): void {
    const volume = this.#get(id);
    validateSlotUpdate(volume.data, update);
    const [nx, ny] = volume.data.geometry.dimensions;
    volume.data.voxels.set(update.voxels as never, update.firstSlot * nx * ny);
    volume.texture?.write(update.firstSlot, update.voxels);
    volume.version++;
    // Widen the known range by the new slots only: rescanning the whole volume at every streamed
    // slice would stall the worker. The range never narrows (it is the default window and fill).
    if (volume.range) {
      const [min, max] = valueRange(update.voxels);
      if (min <= max) volume.range = [Math.min(volume.range[0], min), Math.max(volume.range[1], max)];
    }
  }

  /** Forgets a volume and releases its texture. */
  remove(id: number): void {
    const volume = this.#volumes.get(id);
    if (!volume) return;
    release(volume.texture);
    this.#volumes.delete(id);
  }

  /** The CPU copy of a volume. */
  data(id: number): RenderVolumeData {
    return this.#get(id).data;
  }

  /** The version of a volume's voxels: it changes whenever they do. */
  version(id: number): number {
    return this.#get(id).version;
  }

  /**
   * Smallest and largest voxel value (NaN ignored; [0, 0] when there is none), scanned once;
   * streamed slots widen it, never narrow it.
   */
  range(id: number): readonly [number, number] {
    const volume = this.#get(id);
    if (!volume.range) {
      const [min, max] = valueRange(volume.data.voxels);
      volume.range = min <= max ? [min, max] : [0, 0];
    }
    return volume.range;
  }

  /** The volume's texture on the current backend, created and filled from the CPU copy if needed. */
  texture(id: number): VolumeTexture {
    const volume = this.#get(id);
    const backend = this.#backend;
    if (!backend) throw new RenderError('RENDER_DEVICE_LOST', 'No GPU device to upload the volume to');
    if (!volume.texture) {
      const { dimensions } = volume.data.geometry;
      const texture = backend.createVolumeTexture(dimensions, volume.data.voxels);
      texture.write(0, volume.data.voxels);
      volume.texture = texture;
    }
    return volume.texture;
  }

  /** Moves to a (new) backend: textures of the old one are dropped and rebuilt on use. */
  attach(backend: RenderBackend | undefined): void {
    for (const volume of this.#volumes.values()) {
      release(volume.texture);
      volume.texture = undefined;
    }
    this.#backend = backend;
  }

  /** Releases every texture and forgets every volume. */
  clear(): void {
    this.attach(undefined);
    this.#volumes.clear();
  }

  #get(id: number): StoredVolume {
    const volume = this.#volumes.get(id);
    if (!volume) throw new RenderError('RENDER_NO_VOLUME', `No volume ${id} in this render device`);
    return volume;
  }
}

/** Smallest and largest value (NaN ignored); +∞, −∞ when there is none. */
function valueRange(values: ArrayLike<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}

function release(texture: VolumeTexture | undefined): void {
  try {
    texture?.dispose();
  } catch {
    // A lost device may refuse to release; its resources are gone anyway.
  }
}
