import type { RenderBackend } from '../../gpu/backend.js';
import type { Size } from '../../view/view-transform.js';
import type { VolumeStore } from '../../worker/volume-store.js';
import { type BrickRanges, brickRanges, visibleBricks } from './empty-bricks.js';
import { bakeTransferFunction, type TransferFunction, type TransferTable } from './transfer-function.js';
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
 * backend after a device loss. The transfer function is baked again only when it changes; the
 * value range of each brick of the volume is found again only when the voxels change, and DVR
 * rays skip the bricks the transfer function leaves transparent.
 */
export class VolumeRendering {
  readonly volume: number;
  #view: VolumeRenderView;
  #pass: VolumeRenderPass | undefined;
  #uploaded: TransferFunction | undefined;
  #table: { tf: TransferFunction; table: TransferTable } | undefined;
  #ranges: { version: number; ranges: BrickRanges } | undefined;
  #bricksFor: { ranges: BrickRanges; table: TransferTable } | undefined;

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
    this.#bricksFor = undefined;
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
    if (this.#table?.tf !== view.transferFunction) {
      this.#table = { tf: view.transferFunction, table: bakeTransferFunction(view.transferFunction) };
    }
    const { table } = this.#table;
    if (this.#uploaded !== view.transferFunction) {
      pass.setTransferTable(table);
      this.#uploaded = view.transferFunction;
    }
    const { geometry, voxels } = store.data(this.volume);
    if (view.mode === 'dvr') {
      const version = store.version(this.volume);
      if (this.#ranges?.version !== version) {
        this.#ranges = { version, ranges: brickRanges(voxels, geometry.dimensions) };
      }
      const { ranges } = this.#ranges;
      if (this.#bricksFor?.ranges !== ranges || this.#bricksFor.table !== table) {
        pass.setVisibleBricks({ flags: visibleBricks(ranges, table), dimensions: ranges.dimensions });
        this.#bricksFor = { ranges, table };
      }
    }
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
