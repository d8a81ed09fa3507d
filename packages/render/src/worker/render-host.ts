import { RenderError } from '../errors/render-error.js';
import type { BackendInfo, RenderBackend } from '../gpu/backend.js';
import { type BackendOptions, createBackend } from '../gpu/create-backend.js';
import type { SliceImage } from '../image/slice-image.js';
import type { VolumeRenderViewPatch } from '../passes/volume/volume-render-view.js';
import type { FusionLayer, OverlayLayer, PlaneView } from '../view/plane-view.js';
import type { SliceView } from '../view/slice-view.js';
import type { RenderVolumeData, VolumeSlotUpdate } from '../volume/volume-data.js';
import { type SerializedError, serializeError } from './remote-result.js';
import { SliceViewport } from './slice-viewport.js';
import { VolumeStore } from './volume-store.js';

/** What the render worker tells the page about its device. */
export type RenderEvent =
  /** The device or context was lost; the worker is rebuilding it from its CPU copies. */
  | { type: 'device-lost'; reason: string }
  /** A new device is up and every viewport has been redrawn. */
  | { type: 'device-restored'; backend: BackendInfo }
  /** The device could not be rebuilt; every later call fails with `RENDER_DEVICE_LOST`. */
  | { type: 'device-failed'; error: SerializedError };

/** Receives {@link RenderEvent}s (a comlink proxy of a page-side function). */
export type RenderEventListener = (event: RenderEvent) => void;

/** How long a failed draw waits to learn whether the device was lost meanwhile, ms. */
const LOSS_GRACE_MS = 250;
/** A frame is drawn at the next animation frame, or after this many ms if none comes. */
const FRAME_FALLBACK_MS = 50;

interface FrameWaiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Everything the render worker owns: one backend (device) shared by its viewports, the
 * viewports' canvases and CPU copies, frame scheduling, and device-loss recovery. Calls arrive
 * from the page through {@link RenderWorkerApi}; state changes are drawn together at the next
 * animation frame.
 */
export class RenderHost {
  #options: BackendOptions = {};
  #listener: RenderEventListener | undefined;
  #backend: RenderBackend | undefined;
  #ready: Promise<RenderBackend> | undefined;
  #disposed = false;
  readonly #viewports = new Map<number, SliceViewport>();
  /** Volumes shared by the viewports: one CPU copy and one GPU texture each. */
  readonly volumes = new VolumeStore();
  #frameWaiters: FrameWaiter[] = [];
  #frameScheduled = false;

  /** Starts the backend (WebGPU → WebGL2 by default); throws GpuUnavailableError if none starts. */
  async init(options: BackendOptions, listener?: RenderEventListener): Promise<BackendInfo> {
    if (this.#ready) throw new Error('The render host is already initialised');
    this.#options = options;
    this.#listener = listener;
    this.#ready = createBackend(options).then((backend) => this.#adopt(backend));
    return (await this.#ready).info;
  }

  /** Adds a viewport drawing into `canvas` (transferred from the page) at the given size. */
  async addViewport(id: number, canvas: OffscreenCanvas, width: number, height: number): Promise<void> {
    const backend = await this.#live();
    if (this.#viewports.has(id)) throw new Error(`Viewport ${id} already exists`);
    const viewport = new SliceViewport(canvas, this.volumes);
    viewport.resize(width, height);
    viewport.attach(backend);
    this.#viewports.set(id, viewport);
    await this.#nextFrame();
  }

  /** Shows `image` in the viewport from the next frame on. */
  async setImage(id: number, image: SliceImage): Promise<void> {
    const backend = await this.#live();
    this.#viewport(id).setImage(image, backend.info.maxTextureSize);
    await this.#nextFrame();
  }

  /** Applies a partial view state. */
  async setView(id: number, view: Partial<SliceView>): Promise<void> {
    await this.#live();
    this.#viewport(id).setView(view);
    await this.#nextFrame();
  }

  /** Shows a plane through a volume in the viewport (instead of its slice). */
  async setVolume(id: number, volume: number, view: PlaneView): Promise<void> {
    await this.#live();
    this.volumes.data(volume);
    this.#viewport(id).setVolume(volume, view);
    await this.#nextFrame();
  }

  /** Shows a volume rendering (ray casting, DVR or MIP) of a volume in the viewport; merges `view`. */
  async setVolumeRendering(id: number, volume: number, view: VolumeRenderViewPatch): Promise<void> {
    await this.#live();
    this.volumes.data(volume);
    this.#viewport(id).setVolumeRendering(volume, view);
    await this.#nextFrame();
  }

  /** Changes the plane, slab, sampling or fill of the volume shown. */
  async setPlane(id: number, patch: Partial<PlaneView>): Promise<void> {
    await this.#live();
    this.#viewport(id).setPlane(patch);
    await this.#nextFrame();
  }

  /** Fuses a second volume over the plane, or removes the fusion. */
  async setFusion(id: number, fusion: FusionLayer<number> | undefined): Promise<void> {
    await this.#live();
    if (fusion) this.volumes.data(fusion.volume);
    this.#viewport(id).setFusion(fusion);
    await this.#nextFrame();
  }

  /** Replaces the viewport's overlays. */
  async setOverlays(id: number, overlays: readonly OverlayLayer<number>[]): Promise<void> {
    await this.#live();
    for (const overlay of overlays) this.volumes.data(overlay.volume);
    this.#viewport(id).setOverlays(overlays);
    await this.#nextFrame();
  }

  /** Resizes the viewport's canvas (device pixels). */
  async resize(id: number, width: number, height: number): Promise<void> {
    await this.#live();
    this.#viewport(id).resize(width, height);
    await this.#nextFrame();
  }

  /** The viewport's current view state. */
  getView(id: number): SliceView {
    return this.#viewport(id).view;
  }

  /** Draws the viewport now and returns the presented frame, RGBA, top row first. */
  async readPixels(id: number): Promise<Uint8Array> {
    return this.#withBackend(async (backend) => {
      const pixels = await this.#viewport(id).frame(backend, true);
      if (!pixels) throw new Error('The backend returned no pixels');
      return pixels;
    });
  }

  /**
   * Adds a volume (its buffer transferred from the page); throws `RENDER_VOLUME_TOO_LARGE` when
   * not even a brick atlas of it fits one 3D texture.
   */
  async addVolume(id: number, data: RenderVolumeData): Promise<void> {
    const backend = await this.#live();
    this.volumes.add(id, data, backend);
  }

  /** Writes whole slots of a volume; viewports showing it redraw. */
  async updateVolume(id: number, update: VolumeSlotUpdate): Promise<void> {
    await this.#live();
    this.volumes.update(id, update);
    let shown = false;
    for (const viewport of this.#viewports.values()) {
      if (viewport.showsVolume(id)) {
        viewport.dirty = true;
        shown = true;
      }
    }
    if (shown) await this.#nextFrame();
  }

  /** Forgets a volume and releases its texture (viewports still showing it stop drawing it). */
  removeVolume(id: number): void {
    for (const viewport of this.#viewports.values()) viewport.forgetVolume(id);
    this.volumes.remove(id);
  }

  /** Releases the viewport's GPU resources and forgets it. */
  removeViewport(id: number): void {
    this.#viewports.get(id)?.detach();
    this.#viewports.delete(id);
  }

  /**
   * Loses the device as a driver reset would (WebGPU `device.destroy()`, WebGL
   * `WEBGL_lose_context`) and resolves once the worker has recovered. For tests.
   */
  async simulateDeviceLoss(): Promise<BackendInfo> {
    const backend = await this.#live();
    backend.simulateLoss();
    await backend.lost;
    return (await this.#live()).info;
  }

  /** Releases every viewport and the device. */
  dispose(): void {
    this.#disposed = true;
    for (const viewport of this.#viewports.values()) viewport.detach();
    this.#viewports.clear();
    this.volumes.clear();
    this.#backend?.destroy();
    this.#backend = undefined;
    const error = new RenderError('RENDER_DISPOSED', 'The render device was disposed');
    for (const waiter of this.#frameWaiters.splice(0)) waiter.reject(error);
  }

  #adopt(backend: RenderBackend): RenderBackend {
    this.#backend = backend;
    this.volumes.attach(backend);
    void backend.lost.then((reason) => this.#recover(backend, reason));
    for (const viewport of this.#viewports.values()) viewport.attach(backend);
    return backend;
  }

  #recover(lost: RenderBackend, reason: string): void {
    if (this.#disposed || lost !== this.#backend) return;
    this.#backend = undefined;
    this.#emit({ type: 'device-lost', reason });
    for (const viewport of this.#viewports.values()) viewport.detach();
    this.volumes.attach(undefined);
    // The canvases already carry a context of this kind, so recovery stays on the same API.
    const options: BackendOptions = { ...this.#options, backends: [lost.info.kind] };
    this.#ready = createBackend(options).then(
      (backend) => {
        if (this.#disposed) {
          backend.destroy();
          throw new RenderError('RENDER_DISPOSED', 'The render device was disposed');
        }
        this.#adopt(backend);
        void this.#nextFrame().then(() => this.#emit({ type: 'device-restored', backend: backend.info }));
        return backend;
      },
      (error: unknown) => {
        const failure = new RenderError(
          'RENDER_DEVICE_LOST',
          `The GPU device was lost (${reason}) and could not be rebuilt`,
          {
            cause: error,
          },
        );
        this.#emit({ type: 'device-failed', error: serializeError(failure) });
        throw failure;
      },
    );
    // Waiters of the failed rebuild learn it from #live(); this only keeps the rejection handled.
    this.#ready.catch(() => undefined);
  }

  async #live(): Promise<RenderBackend> {
    if (this.#disposed) throw new RenderError('RENDER_DISPOSED', 'The render device was disposed');
    if (!this.#ready) throw new RenderError('RENDER_DISPOSED', 'The render device is not initialised');
    return this.#ready;
  }

  /** Runs `task` on the live backend; if the device is lost under it, once more on the next. */
  async #withBackend<T>(task: (backend: RenderBackend) => Promise<T>): Promise<T> {
    const backend = await this.#live();
    try {
      return await task(backend);
    } catch (error) {
      if (!(await this.#wasLost(backend))) throw error;
      return task(await this.#live());
    }
  }

  async #wasLost(backend: RenderBackend): Promise<boolean> {
    if (backend !== this.#backend) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), LOSS_GRACE_MS);
    });
    const lost = await Promise.race([backend.lost.then(() => true as const), grace]);
    clearTimeout(timer);
    return lost;
  }

  #viewport(id: number): SliceViewport {
    const viewport = this.#viewports.get(id);
    if (!viewport) throw new RenderError('RENDER_NO_VIEWPORT', `No viewport ${id} in this render device`);
    return viewport;
  }

  #emit(event: RenderEvent): void {
    try {
      this.#listener?.(event);
    } catch {
      // A page that went away cannot be told; nothing to do.
    }
  }

  /** Resolves after the next frame has drawn every viewport whose state changed. */
  #nextFrame(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#frameWaiters.push({ resolve, reject });
      if (this.#frameScheduled) return;
      this.#frameScheduled = true;
      let done = false;
      const run = () => {
        if (done) return;
        done = true;
        void this.#drawFrame();
      };
      const frame = (globalThis as { requestAnimationFrame?: (callback: () => void) => number })
        .requestAnimationFrame;
      frame?.call(globalThis, run);
      setTimeout(run, FRAME_FALLBACK_MS);
    });
  }

  async #drawFrame(): Promise<void> {
    this.#frameScheduled = false;
    const waiters = this.#frameWaiters.splice(0);
    try {
      await this.#withBackend(async (backend) => {
        const frames: Promise<unknown>[] = [];
        for (const viewport of this.#viewports.values()) {
          if (viewport.dirty) frames.push(viewport.frame(backend, false));
        }
        await Promise.all(frames);
      });
      for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    }
  }
}
