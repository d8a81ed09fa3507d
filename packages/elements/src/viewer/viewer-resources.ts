import { DecoderPool } from '@fovea/codecs';
import { RenderDevice } from '@fovea/render';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The workers a viewer's views share: one decoder pool, one render device. */
export interface SharedResources {
  pool: DecoderPool;
  device: RenderDevice;
}

/**
 * Owns the decoder pool and render device of one viewer, created when it enters the DOM and ended
 * when it leaves, so a removed viewer leaves no worker behind. A viewer only moved in the DOM
 * (removed and re-inserted in the same task) keeps them. Objects the host handed in are used and
 * never disposed.
 */
export class ViewerResources implements ReactiveController {
  /** Ready resources, or `undefined` while the render device starts (or after release). */
  current: SharedResources | undefined;
  /** Why the render device could not start (e.g. `GpuUnavailableError`). */
  error: unknown;
  #ownedPool: DecoderPool | undefined;
  #ownedDevice: RenderDevice | undefined;
  #starting: AbortController | undefined;
  /** The host's objects the current (or starting) resources were made with. */
  #basis: { pool: DecoderPool | undefined; device: RenderDevice | undefined } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The host's own objects, read at each start. */
    private readonly provided: () => { pool: DecoderPool | undefined; device: RenderDevice | undefined },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.current && !this.#starting) void this.#start();
  }

  hostDisconnected(): void {
    // A move in the DOM disconnects and reconnects in one task: keep the workers for that.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.release();
    });
  }

  /**
   * Starts again if the host's objects are not those the resources were made with: a host that
   * sets `decoderPool` after inserting the element, before its first render, gets its pool used.
   */
  sync(): void {
    const provided = this.provided();
    const basis = this.#basis;
    if (basis && basis.pool === provided.pool && basis.device === provided.device) return;
    if (!basis && !this.host.isConnected) return;
    this.restart();
  }

  /** Starts again with what the host provides now (after it changed `decoderPool`/`renderDevice`). */
  restart(): void {
    this.release();
    if (this.host.isConnected) void this.#start();
  }

  /** Ends the workers this controller made; the host re-renders without views. */
  release(): void {
    this.#starting?.abort();
    this.#starting = undefined;
    this.#basis = undefined;
    this.current = undefined;
    this.#ownedPool?.dispose();
    this.#ownedPool = undefined;
    this.#ownedDevice?.dispose();
    this.#ownedDevice = undefined;
    this.host.requestUpdate();
  }

  async #start(): Promise<void> {
    const starting = new AbortController();
    this.#starting = starting;
    this.error = undefined;
    const provided = this.provided();
    this.#basis = provided;
    try {
      const device = provided.device ?? (await RenderDevice.create({ signal: starting.signal }));
      if (starting.signal.aborted) {
        if (!provided.device) device.dispose();
        return;
      }
      if (!provided.device) this.#ownedDevice = device;
      // Workers start on the first decode, so making the pool costs nothing until images load.
      const pool = provided.pool ?? new DecoderPool();
      if (!provided.pool) this.#ownedPool = pool;
      this.current = { pool, device };
    } catch (error) {
      if (starting.signal.aborted) return;
      this.error = error;
    } finally {
      if (this.#starting === starting) this.#starting = undefined;
    }
    this.host.requestUpdate();
  }
}
