import { DecoderPool } from '@fovea/codecs';
import { RenderDevice } from '@fovea/render';

/**
 * The decoder pool and render device a volume layout loads with: the host's when it hands them
 * over, else the layout's own, made once on first use and shared by the series and the fused
 * series; {@link release} ends what was made here (a host's pool and device stay the host's).
 */
export class LayoutResources {
  #ownedDevice: Promise<RenderDevice> | undefined;
  #ownedPool: DecoderPool | undefined;

  /** The pool and device to load with: `host`'s, else this layout's own (made once). */
  async get(
    host: { decoderPool: DecoderPool | undefined; renderDevice: RenderDevice | undefined },
    signal: AbortSignal,
  ): Promise<{ pool: DecoderPool; device: RenderDevice }> {
    if (!host.decoderPool) this.#ownedPool ??= new DecoderPool();
    const pool = (host.decoderPool ?? this.#ownedPool) as DecoderPool;
    if (host.renderDevice) return { pool, device: host.renderDevice };
    if (!this.#ownedDevice) {
      // One device for the series and the fused series, even when both start loading at once.
      const made = RenderDevice.create();
      this.#ownedDevice = made;
      // A device that failed to start is not kept: the next load tries again.
      made.catch(() => {
        if (this.#ownedDevice === made) this.#ownedDevice = undefined;
      });
    }
    const device = await this.#ownedDevice;
    signal.throwIfAborted();
    return { pool, device };
  }

  /** Ends the pool and device made here. */
  release(): void {
    const device = this.#ownedDevice;
    this.#ownedDevice = undefined;
    void device?.then(
      (made) => made.dispose(),
      () => undefined,
    );
    this.#ownedPool?.dispose();
    this.#ownedPool = undefined;
  }
}
