import type { RenderBackend } from '../../gpu/backend.js';
import type { Size } from '../../view/view-transform.js';
import type { VolumeStore } from '../../worker/volume-store.js';
import { bakeTransferFunction, type TransferFunction } from './transfer-function.js';
import { raySetup } from './volume-camera.js';
import type { VolumeRenderPass } from './volume-pass-interface.js';
import { sampleDistance } from './volume-render-settings.js';
import {
  DEFAULT_VOLUME_RENDER_VIEW,
  mergeVolumeRenderView,
  type VolumeRenderView,
  type VolumeRenderViewPatch,
} from './volume-render-view.js';

/**
 * A viewport's volume rendering in the render worker: which volume (of the worker's store), the
 * view, and the GPU state made from them (a volume pass and its transfer table), rebuilt on a new
 * backend after a device loss. The transfer function is baked again only when it changes.
 */
export class VolumeRendering {
  readonly volume: number;
  #view: VolumeRenderView;
  #pass: VolumeRenderPass | undefined;
  #uploaded: TransferFunction | undefined;

  constructor(volume: number) {
    this.volume = volume;
    this.#view = DEFAULT_VOLUME_RENDER_VIEW;
  }

  /** The current view (camera and settings). */
  get view(): VolumeRenderView {
    return this.#view;
  }

  /** Applies a partial view (camera fields merged); throws `RENDER_INVALID_VIEW` and keeps the old one. */
  setView(patch: VolumeRenderViewPatch): void {
    this.#view = Object.freeze(mergeVolumeRenderView(this.#view, patch));
  }

  attach(backend: RenderBackend): void {
    this.detach();
    this.#pass = backend.createVolumeRenderPass();
    this.#uploaded = undefined;
  }

  detach(): void {
    try {
      this.#pass?.dispose();
    } catch {
      // A lost device may refuse to release; its resources are gone anyway.
    }
    this.#pass = undefined;
  }

  /**
   * Uploads what changed and sets this frame's rays; returns the pass to draw. While the view is
   * `interacting`, rays take longer steps (progressive quality); the next still frame is full.
   */
  prepare(store: VolumeStore, canvas: Size): VolumeRenderPass {
    const pass = this.#pass;
    if (!pass) throw new Error('Volume rendering drawn before attach');
    const view = this.#view;
    pass.setVolume(store.texture(this.volume));
    if (this.#uploaded !== view.transferFunction) {
      pass.setTransferTable(bakeTransferFunction(view.transferFunction));
      this.#uploaded = view.transferFunction;
    }
    const { geometry } = store.data(this.volume);
    pass.setDrawParams({
      setup: raySetup(geometry, view.camera, canvas),
      mode: view.mode,
      shading: view.shading,
      mipWindow: view.mipWindow,
      sampleDistance: sampleDistance(geometry.spacing, view.interacting),
    });
    return pass;
  }
}
