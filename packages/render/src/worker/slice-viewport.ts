import { RenderInputError } from '../errors/render-input-error.js';
import type { GpuPass, RenderBackend, RenderTarget } from '../gpu/backend.js';
import { type SliceImage, validateSliceImage } from '../image/slice-image.js';
import { colormapTable } from '../lut/colormaps.js';
import { type GreyClassifier, greyClassifier, storedRange } from '../lut/grey-classifier.js';
import { greyPipeline, minMaxWindow } from '../lut/grey-pipeline.js';
import type { VoiTransform } from '../lut/voi.js';
import type { SlicePass } from '../passes/slice/slice-pass-interface.js';
import type { VolumeRenderView, VolumeRenderViewPatch } from '../passes/volume/volume-render-view.js';
import { VolumeRendering } from '../passes/volume/volume-rendering.js';
import {
  assertPlaneVoi,
  type FusionLayer,
  type OverlayLayer,
  type PlaneView,
  validateFusion,
  validateOverlay,
  validatePlaneView,
} from '../view/plane-view.js';
import { DEFAULT_SLICE_VIEW, mergeSliceView, type SliceView } from '../view/slice-view.js';
import { canvasToImage } from '../view/view-transform.js';
import { LayerScene } from './layer-scene.js';
import type { VolumeStore } from './volume-store.js';

interface GpuState {
  target: RenderTarget;
  slice: SlicePass;
  imageUploaded: boolean;
  classifierUploaded: boolean;
  colormapUploaded: boolean;
}

/**
 * One viewport in the render worker: its canvas, the CPU copies of what it shows (a stack slice
 * or a plane through a volume, with fusion and overlays; the view), and the GPU state made from
 * them, which can be dropped and rebuilt at any time (device loss). Volumes live in the worker's
 * {@link VolumeStore}, shared with the other viewports.
 */
export class SliceViewport {
  readonly canvas: OffscreenCanvas;
  /** Whether the viewport shows its stack slice, its volume plane or a volume rendering. */
  #mode: 'slice' | 'plane' | 'rendering' = 'slice';
  readonly #scene: LayerScene;
  readonly #volumes: VolumeStore;
  #rendering: VolumeRendering | undefined;
  #backend: RenderBackend | undefined;
  #image: SliceImage | undefined;
  #view: SliceView = DEFAULT_SLICE_VIEW;
  #defaultVoi: VoiTransform | undefined;
  #range: readonly [number, number] | undefined;
  #classifier: GreyClassifier | undefined;
  #gpu: GpuState | undefined;
  /** True when what is on the canvas no longer matches the state. */
  dirty = true;

  constructor(canvas: OffscreenCanvas, volumes: VolumeStore) {
    this.canvas = canvas;
    this.#scene = new LayerScene(volumes);
    this.#volumes = volumes;
  }

  /**
   * Shows a volume rendering (ray casting) of a volume of the store from the next frame on,
   * instead of the slice or plane; `view` is merged into the current rendering's view when the
   * volume is the same one.
   */
  setVolumeRendering(volume: number, view: VolumeRenderViewPatch): void {
    const rendering = this.#rendering?.volume === volume ? this.#rendering : new VolumeRendering(volume);
    rendering.setView(view);
    if (rendering !== this.#rendering) {
      this.#rendering?.detach();
      if (this.#backend) rendering.attach(this.#backend);
      this.#rendering = rendering;
    }
    this.#mode = 'rendering';
    this.dirty = true;
  }

  /** The volume rendering's view (camera and settings), if one was set. */
  get volumeRenderView(): VolumeRenderView | undefined {
    return this.#rendering?.view;
  }

  /** Shows a plane through a volume (of the store) from the next frame on, instead of the slice. */
  setVolume(volume: number, view: PlaneView): void {
    validatePlaneView(view);
    assertPlaneVoi(this.#view.voi);
    this.#scene.checkPlane(volume, view);
    this.#scene.plane = { volume, view };
    this.#mode = 'plane';
    this.dirty = true;
  }

  /** Changes the plane (or slab, sampling, fill) of the volume shown. */
  setPlane(patch: Partial<PlaneView>): void {
    const shown = this.#scene.plane;
    if (!shown) throw new RenderInputError('RENDER_INVALID_VIEW', 'No volume is shown: call setVolume first');
    this.setVolume(shown.volume, { ...shown.view, ...patch });
  }

  /** The plane view shown, if any. */
  get planeView(): PlaneView | undefined {
    return this.#scene.plane?.view;
  }

  /** Fuses a second volume over the plane (undefined removes it). */
  setFusion(fusion: FusionLayer<number> | undefined): void {
    if (fusion) validateFusion(fusion);
    this.#scene.fusion = fusion;
    this.dirty = true;
  }

  /** Replaces the overlays (label maps, heatmaps) drawn over the slice or plane. */
  setOverlays(overlays: readonly OverlayLayer<number>[]): void {
    for (const overlay of overlays) validateOverlay(overlay);
    this.#scene.overlays = overlays;
    this.dirty = true;
  }

  /** True when a layer of this viewport samples the volume. */
  showsVolume(volume: number): boolean {
    return this.#scene.uses(volume) || (this.#mode === 'rendering' && this.#rendering?.volume === volume);
  }

  /** Stops drawing a volume that is being removed. */
  forgetVolume(volume: number): void {
    if (this.#rendering?.volume === volume) {
      this.#rendering.detach();
      this.#rendering = undefined;
      if (this.#mode === 'rendering') this.#mode = 'slice';
      this.dirty = true;
    }
    if (!this.#scene.uses(volume)) return;
    this.#scene.forget(volume);
    this.dirty = true;
  }

  /** The current view state (a frozen copy). */
  get view(): SliceView {
    return this.#view;
  }

  /** Replaces the image; the viewport keeps it as the CPU copy used to rebuild GPU state. */
  setImage(image: SliceImage, maxTextureSize: number): void {
    validateSliceImage(image);
    if (image.columns > maxTextureSize || image.rows > maxTextureSize) {
      throw new RenderInputError(
        'RENDER_IMAGE_TOO_LARGE',
        `Image ${image.columns} × ${image.rows} exceeds the device's largest texture (${maxTextureSize})`,
      );
    }
    this.#image = image;
    this.#mode = 'slice';
    this.#defaultVoi = undefined;
    this.#range = undefined;
    this.#classifier = undefined;
    if (this.#gpu) {
      this.#gpu.imageUploaded = false;
      this.#gpu.classifierUploaded = false;
    }
    this.dirty = true;
  }

  /** Applies a partial view; throws `RENDER_INVALID_VIEW` and keeps the old view if invalid. */
  setView(patch: Partial<SliceView>): void {
    const previous = this.#view;
    const view = Object.freeze(mergeSliceView(previous, patch));
    if (this.#mode === 'plane') assertPlaneVoi(view.voi);
    if (
      view.voi !== previous.voi ||
      view.invert !== previous.invert ||
      view.interpolation !== previous.interpolation
    ) {
      this.#classifier = undefined;
      if (this.#gpu) this.#gpu.classifierUploaded = false;
    }
    if (view.colormap !== previous.colormap && this.#gpu) this.#gpu.colormapUploaded = false;
    this.#view = view;
    this.dirty = true;
  }

  /** Sets the canvas size in device pixels. */
  resize(width: number, height: number): void {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new RenderInputError(
        'RENDER_INVALID_VIEW',
        `Canvas size ${width} × ${height} is not a positive size`,
      );
    }
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    this.dirty = true;
  }

  /** Creates the GPU state on a (new) backend; uploads happen at the next frame. */
  attach(backend: RenderBackend): void {
    this.detach();
    this.#gpu = {
      target: backend.createTarget(this.canvas),
      slice: backend.createSlicePass(),
      imageUploaded: false,
      classifierUploaded: false,
      colormapUploaded: false,
    };
    this.#scene.attach(backend);
    this.#backend = backend;
    this.#rendering?.attach(backend);
    this.dirty = true;
  }

  /** Drops the GPU state (releasing it when the device is still alive). */
  detach(): void {
    try {
      this.#gpu?.slice.dispose();
    } catch {
      // A lost device or context may refuse to release; its resources are gone anyway.
    }
    this.#gpu = undefined;
    this.#scene.detach();
    this.#backend = undefined;
    this.#rendering?.detach();
  }

  /** Draws the current state; with `readback`, returns the presented RGBA bytes. */
  async frame(backend: RenderBackend, readback: boolean): Promise<Uint8Array | undefined> {
    const gpu = this.#gpu;
    if (!gpu) throw new Error('Viewport drawn before attach');
    const canvas = [this.canvas.width, this.canvas.height] as const;
    if (this.#mode === 'rendering' && this.#rendering) {
      const pass = this.#rendering.prepare(this.#volumes, canvas);
      this.dirty = false;
      return backend.drawFrame(gpu.target, [pass], readback);
    }
    if (this.#mode === 'plane') {
      const passes = this.#scene.planePasses(this.#view, canvas);
      this.dirty = false;
      return backend.drawFrame(gpu.target, passes, readback, this.#scene.drawSize(canvas));
    }
    const image = this.#image;
    const passes: GpuPass[] = [];
    if (image) {
      if (!gpu.imageUploaded) {
        gpu.slice.setImage(image);
        gpu.imageUploaded = true;
      }
      if (image.kind === 'grey' && !gpu.classifierUploaded) {
        gpu.slice.setClassifier(this.#greyClassifier(image));
        gpu.classifierUploaded = true;
      }
      if (!gpu.colormapUploaded) {
        gpu.slice.setColormap(colormapTable(this.#view.colormap));
        gpu.colormapUploaded = true;
      }
      const map = canvasToImage(this.#view, [image.columns, image.rows], canvas);
      gpu.slice.setDrawParams({ canvasToImage: map, interpolation: this.#view.interpolation });
      passes.push(gpu.slice, ...this.#scene.slicePasses(map, [image.columns, image.rows]));
    }
    this.dirty = false;
    return backend.drawFrame(gpu.target, passes, readback);
  }

  #greyClassifier(image: Extract<SliceImage, { kind: 'grey' }>): GreyClassifier {
    if (!this.#classifier) {
      this.#defaultVoi ??= minMaxWindow(image);
      const pipeline = greyPipeline(image, this.#view.voi ?? this.#defaultVoi, this.#view.invert);
      this.#range ??= storedRange(image.pixels);
      this.#classifier = greyClassifier(pipeline, {
        pixels: image.pixels,
        range: this.#range,
        interpolation: this.#view.interpolation,
      });
    }
    return this.#classifier;
  }
}
