import { type Remote, transfer } from 'comlink';
import { RenderError } from '../errors/render-error.js';
import type { RenderVolumeGeometry, VolumeVoxels } from '../volume/volume-data.js';
import { unwrap } from '../worker/remote-result.js';
import type { RenderWorkerApi } from '../worker/render-worker-api.js';
import { sendableVoxels } from './sendable-voxels.js';

/**
 * A page-side handle of a volume held by a {@link RenderDevice}'s worker: one CPU copy there and
 * one 3D texture on the GPU, shared by every viewport that shows it (as a plane, fused, or as an
 * overlay). Made by {@link RenderDevice.createVolume}.
 */
export class RenderVolume {
  /** Where the voxels lie (dimensions, origin, directions, spacing), as given at creation. */
  readonly geometry: RenderVolumeGeometry;
  readonly #remote: Remote<RenderWorkerApi>;
  readonly #id: number;
  readonly #onDispose: () => void;
  #disposed = false;

  /** @internal Created by {@link RenderDevice.createVolume}. */
  constructor(
    remote: Remote<RenderWorkerApi>,
    id: number,
    geometry: RenderVolumeGeometry,
    onDispose: () => void,
  ) {
    this.#remote = remote;
    this.#id = id;
    this.geometry = geometry;
    this.#onDispose = onDispose;
  }

  /** @internal The worker's id of this volume. */
  get id(): number {
    this.#assertLive();
    return this.#id;
  }

  /**
   * Replaces whole slots (z planes) `firstSlot …` with `voxels` (x fastest, the volume's array
   * type): for streaming, as slices are decoded. Viewports showing the volume redraw; resolves
   * once they have. An array owning its whole buffer is transferred (detached afterwards) unless
   * `{ copy: true }`; a view into a larger buffer or WebAssembly memory is copied.
   */
  async update(firstSlot: number, voxels: VolumeVoxels, options: { copy?: boolean } = {}): Promise<void> {
    this.#assertLive();
    const sendable = sendableVoxels(voxels, options.copy === true);
    unwrap(
      await this.#remote.updateVolume(
        this.#id,
        transfer({ firstSlot, voxels: sendable.voxels }, sendable.transfer),
      ),
    );
  }

  /** Frees the volume's CPU copy and texture in the worker; viewports stop drawing it. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#onDispose();
    void this.#remote.removeVolume(this.#id).catch(() => undefined);
  }

  #assertLive(): void {
    if (this.#disposed) throw new RenderError('RENDER_NO_VOLUME', 'The volume was disposed');
  }
}
