import { type Remote, transfer } from 'comlink';
import { RenderError } from '../errors/render-error.js';
import type { SliceImage } from '../image/slice-image.js';
import type { VolumeRenderViewPatch } from '../passes/volume/volume-render-view.js';
import type { FusionLayer, OverlayLayer, PlaneView } from '../view/plane-view.js';
import type { SliceView } from '../view/slice-view.js';
import { unwrap } from '../worker/remote-result.js';
import type { RenderWorkerApi } from '../worker/render-worker-api.js';
import type { RenderVolume } from './render-volume.js';

/** How {@link RenderViewport.setVolume} shows a volume: the plane, and optionally slab, sampling, fill. */
export type PlaneOptions = Pick<PlaneView, 'plane'> & Partial<PlaneView>;

/**
 * A page-side handle of one viewport of a {@link RenderDevice}: a canvas the render worker draws
 * a slice into. Every call sends state only; each resolves once the frame showing it has been
 * drawn (changes made together are drawn in one frame).
 */
export class RenderViewport {
  readonly #remote: Remote<RenderWorkerApi>;
  readonly #id: number;
  readonly #onDispose: () => void;
  #disposed = false;

  /** @internal Created by {@link RenderDevice.createViewport}. */
  constructor(remote: Remote<RenderWorkerApi>, id: number, onDispose: () => void) {
    this.#remote = remote;
    this.#id = id;
    this.#onDispose = onDispose;
  }

  /**
   * Shows `image`. Its pixel buffer is transferred to the worker, not copied: `image.pixels` is
   * detached (empty) afterwards. Pass `{ copy: true }` to keep it (the buffer is then cloned).
   */
  async setImage(image: SliceImage, options: { copy?: boolean } = {}): Promise<void> {
    this.#assertLive();
    const buffer = image.pixels.buffer;
    const message = !options.copy && buffer instanceof ArrayBuffer ? transfer(image, [buffer]) : image;
    unwrap(await this.#remote.setImage(this.#id, message));
  }

  /**
   * Shows a plane through `volume` (instead of a stack slice) from the next frame on: any
   * orientation in patient space, optionally a thick slab (MIP, MinIP, average), trilinear
   * (default) or nearest sampling. The view state (window, colour map, zoom, pan, rotation,
   * flips) applies to the plane's `columns × rows` image. {@link RenderViewport.setImage} goes back
   * to the slice. Rejects with `RENDER_INVALID_VIEW` for a plane that cannot be sampled.
   */
  async setVolume(volume: RenderVolume, options: PlaneOptions): Promise<void> {
    this.#assertLive();
    const view: PlaneView = {
      plane: options.plane,
      slab: options.slab,
      interpolation: options.interpolation ?? 'trilinear',
      fill: options.fill,
      ...(options.interacting === undefined ? {} : { interacting: options.interacting }),
    };
    unwrap(await this.#remote.setVolume(this.#id, volume.id, view));
  }

  /**
   * Shows a volume rendering of `volume` instead of the slice or plane: rays cast through it, DVR
   * with a transfer function (see `TRANSFER_PRESETS`) and gradient shading, or MIP, seen by an
   * orbiting camera. Calling it again for the same volume merges `view` (camera fields one by
   * one): orbit by changing `camera.azimuth`/`elevation`, with `interacting: true` while the user
   * drags (faster frames with fewer samples) and `interacting: false` when they let go (full quality).
   */
  async setVolumeRendering(volume: RenderVolume, view: VolumeRenderViewPatch = {}): Promise<void> {
    this.#assertLive();
    unwrap(await this.#remote.setVolumeRendering(this.#id, volume.id, view));
  }

  /** Changes the plane, slab, sampling or fill of the volume shown (e.g. scrolling, rotating). */
  async setPlane(patch: Partial<PlaneView>): Promise<void> {
    this.#assertLive();
    unwrap(await this.#remote.setPlane(this.#id, patch));
  }

  /**
   * Draws a second volume over the plane (PET over CT) through its own window and colour map
   * (default `hot-iron`), blended with `opacity`; `undefined` removes it.
   */
  async setFusion(fusion: FusionLayer<RenderVolume> | undefined): Promise<void> {
    this.#assertLive();
    unwrap(await this.#remote.setFusion(this.#id, fusion && { ...fusion, volume: fusion.volume.id }));
  }

  /** Replaces the overlays (label maps, heatmaps) drawn over the slice or plane, in order. */
  async setOverlays(overlays: readonly OverlayLayer<RenderVolume>[]): Promise<void> {
    this.#assertLive();
    const byId = overlays.map((overlay) => ({ ...overlay, volume: overlay.volume.id }));
    unwrap(await this.#remote.setOverlays(this.#id, byId));
  }

  /** Applies a partial view state (window, inversion, colour map, interpolation, pan, zoom, …). */
  async setView(view: Partial<SliceView>): Promise<void> {
    this.#assertLive();
    unwrap(await this.#remote.setView(this.#id, view));
  }

  /** The current view state, as the worker holds it. */
  async getView(): Promise<SliceView> {
    this.#assertLive();
    return unwrap(await this.#remote.getView(this.#id));
  }

  /** Resizes the canvas, in device pixels (CSS size × devicePixelRatio). */
  async resize(width: number, height: number): Promise<void> {
    this.#assertLive();
    unwrap(await this.#remote.resize(this.#id, width, height));
  }

  /** Draws now and returns the frame as presented: RGBA bytes, top row first, width × height × 4. */
  async readPixels(): Promise<Uint8Array> {
    this.#assertLive();
    return unwrap(await this.#remote.readPixels(this.#id));
  }

  /** Frees the viewport's GPU resources in the worker. The canvas keeps its last frame. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#onDispose();
    void this.#remote.removeViewport(this.#id).catch(() => undefined);
  }

  #assertLive(): void {
    if (this.#disposed) throw new RenderError('RENDER_NO_VIEWPORT', 'The viewport was disposed');
  }
}
