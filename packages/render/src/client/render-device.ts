import { proxy, type Remote, releaseProxy, transfer, wrap } from 'comlink';
import { RenderError } from '../errors/render-error.js';
import type { BackendInfo } from '../gpu/backend.js';
import type { BackendOptions } from '../gpu/create-backend.js';
import type { RenderVolumeData } from '../volume/volume-data.js';
import { reviveError, unwrap } from '../worker/remote-result.js';
import type { RenderEvent } from '../worker/render-host.js';
import type { RenderWorkerApi } from '../worker/render-worker-api.js';
import {
  DeviceFailedEvent,
  DeviceLostEvent,
  DeviceRestoredEvent,
  type RenderDeviceEventMap,
} from './render-device-events.js';
import { RenderViewport } from './render-viewport.js';
import { RenderVolume } from './render-volume.js';
import { sendableVoxels } from './sendable-voxels.js';

/** Options of {@link RenderDevice.create}. */
export interface RenderDeviceOptions extends BackendOptions {
  /**
   * URL of the render worker module, for hosts that serve it themselves (no bundler, strict
   * CSP). By default the worker beside this module (`render.worker.js`) is used.
   */
  workerUrl?: string | URL;
  /** Aborts start-up: the worker is terminated and the call rejects with `RENDER_ABORTED`. */
  signal?: AbortSignal;
}

/**
 * The page-side handle of a render worker: one GPU device (WebGPU, else WebGL2) shared by
 * every viewport created from it. Create one per page (or per viewer) and hand it down; the
 * main thread never touches the GPU.
 *
 * Dispatches {@link DeviceLostEvent}, {@link DeviceRestoredEvent} and {@link DeviceFailedEvent}.
 */
export class RenderDevice extends EventTarget {
  /** The backend in use (it can change only on a device restore, to a new device of the same API). */
  backend: BackendInfo;
  readonly #worker: Worker;
  readonly #remote: Remote<RenderWorkerApi>;
  readonly #viewports = new Set<RenderViewport>();
  readonly #volumes = new Set<RenderVolume>();
  #nextViewportId = 1;
  #nextVolumeId = 1;
  #disposed = false;

  private constructor(worker: Worker, remote: Remote<RenderWorkerApi>, backend: BackendInfo) {
    super();
    this.#worker = worker;
    this.#remote = remote;
    this.backend = backend;
  }

  /**
   * Starts a render worker and its backend. Rejects with GpuUnavailableError (code
   * `GPU_UNAVAILABLE`, with the reason per backend) when no allowed backend starts.
   */
  static async create(options: RenderDeviceOptions = {}): Promise<RenderDevice> {
    const { workerUrl, signal, ...backendOptions } = options;
    if (signal?.aborted) throw new RenderError('RENDER_ABORTED', 'Render device creation was aborted');
    const worker = workerUrl
      ? new Worker(workerUrl, { type: 'module', name: 'fovea-render' })
      : new Worker(new URL('../worker/render.worker.ts', import.meta.url), {
          type: 'module',
          name: 'fovea-render',
        });
    const remote = wrap<RenderWorkerApi>(worker);
    let device: RenderDevice | undefined;
    const listener = proxy((event: RenderEvent) => {
      if (device) device.#onEvent(event);
    });
    const failed = new Promise<never>((_, reject) => {
      signal?.addEventListener('abort', () =>
        reject(new RenderError('RENDER_ABORTED', 'Render device creation was aborted')),
      );
      worker.addEventListener('error', (event) =>
        reject(
          new RenderError(
            'RENDER_WORKER_FAILED',
            `The render worker failed to start: ${event.message || 'script error'}`,
          ),
        ),
      );
    });
    try {
      const info = unwrap(await Promise.race([remote.init(backendOptions, listener), failed]));
      device = new RenderDevice(worker, remote, info);
      return device;
    } catch (error) {
      remote[releaseProxy]();
      worker.terminate();
      throw error;
    }
  }

  /**
   * Adds a viewport drawing into `canvas`. An HTMLCanvasElement is handed to the worker with
   * `transferControlToOffscreen()` (it must have no context yet); its current width and height
   * (device pixels) are the initial size unless `size` is given.
   */
  async createViewport(
    canvas: HTMLCanvasElement | OffscreenCanvas,
    size?: { width: number; height: number },
  ): Promise<RenderViewport> {
    this.#assertLive();
    const width = size?.width ?? canvas.width;
    const height = size?.height ?? canvas.height;
    const offscreen = 'transferControlToOffscreen' in canvas ? canvas.transferControlToOffscreen() : canvas;
    const id = this.#nextViewportId++;
    unwrap(await this.#remote.addViewport(id, transfer(offscreen, [offscreen]), width, height));
    const viewport = new RenderViewport(this.#remote, id, () => this.#viewports.delete(viewport));
    this.#viewports.add(viewport);
    return viewport;
  }

  /**
   * Hands a volume to the worker: modality values (e.g. `renderVolumeData(volume)` of a
   * @fovea/core `Volume`) and its geometry. An array owning its whole buffer is transferred, not
   * copied (it is detached afterwards), unless `{ copy: true }`; a view into a larger buffer or
   * into WebAssembly memory is copied. Stream later slices with {@link RenderVolume.update}. Rejects with
   * `RENDER_INVALID_VOLUME`, or `RENDER_VOLUME_TOO_LARGE` when not even its bricks fit one 3D
   * texture: a volume with a side past `backend.maxVolumeSize` is cut into bricks laid side by
   * side in one texture (a brick atlas), and renders exactly as it would whole.
   */
  async createVolume(data: RenderVolumeData, options: { copy?: boolean } = {}): Promise<RenderVolume> {
    this.#assertLive();
    const id = this.#nextVolumeId++;
    const sendable = sendableVoxels(data.voxels, options.copy === true);
    unwrap(
      await this.#remote.addVolume(id, transfer({ ...data, voxels: sendable.voxels }, sendable.transfer)),
    );
    const geometry = structuredClone(data.geometry);
    const volume = new RenderVolume(this.#remote, id, geometry, () => this.#volumes.delete(volume));
    this.#volumes.add(volume);
    return volume;
  }

  /**
   * Loses the GPU device on purpose (WebGPU `device.destroy()`, WebGL `WEBGL_lose_context`) and
   * resolves with the new backend once the worker has rebuilt everything. For tests and demos.
   */
  async simulateDeviceLoss(): Promise<BackendInfo> {
    this.#assertLive();
    this.backend = unwrap(await this.#remote.simulateDeviceLoss());
    return this.backend;
  }

  /** Frees every viewport, the GPU device and the worker. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const viewport of [...this.#viewports]) viewport.dispose();
    for (const volume of [...this.#volumes]) volume.dispose();
    void this.#remote.dispose().catch(() => undefined);
    this.#remote[releaseProxy]();
    this.#worker.terminate();
  }

  override addEventListener<K extends keyof RenderDeviceEventMap>(
    type: K,
    listener: (event: RenderDeviceEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null | ((event: never) => void),
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  #onEvent(event: RenderEvent): void {
    if (event.type === 'device-lost') this.dispatchEvent(new DeviceLostEvent(event.reason));
    else if (event.type === 'device-restored') {
      this.backend = event.backend;
      this.dispatchEvent(new DeviceRestoredEvent(event.backend));
    } else this.dispatchEvent(new DeviceFailedEvent(reviveError(event.error)));
  }

  #assertLive(): void {
    if (this.#disposed) throw new RenderError('RENDER_DISPOSED', 'The render device was disposed');
  }
}
