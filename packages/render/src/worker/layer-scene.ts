import { type SlabOptions, VolumeError, type VolumeGeometry, voxelSlab } from '@fovea/core';
import { RenderInputError } from '../errors/render-input-error.js';
import type { GpuPass, RenderBackend } from '../gpu/backend.js';
import {
  type FusionLayer,
  INTERACTIVE_RESOLUTION,
  INTERACTIVE_SLAB_STEP,
  type OverlayLayer,
  type PlaneView,
} from '../view/plane-view.js';
import type { SliceView } from '../view/slice-view.js';
import { type CanvasToImage, canvasToImage, type Size } from '../view/view-transform.js';
import type { RenderVolumeGeometry } from '../volume/volume-data.js';
import { VolumeLayer, type VolumeLayerSpec } from './volume-layer.js';
import type { VolumeStore } from './volume-store.js';

/** A plane shown from a volume (by id). */
interface ShownPlane {
  volume: number;
  view: PlaneView;
}

/**
 * The volume layers of one viewport: the plane of a volume (base layer), a fused second volume,
 * and overlays (label maps, heatmaps) over the plane or over a stack slice. Keeps one
 * {@link VolumeLayer} (MPR pass) per layer, rebuilt on a new backend.
 */
export class LayerScene {
  plane: ShownPlane | undefined;
  fusion: FusionLayer<number> | undefined;
  overlays: readonly OverlayLayer<number>[] = [];
  readonly #store: VolumeStore;
  #backend: RenderBackend | undefined;
  #base: VolumeLayer | undefined;
  #fused: VolumeLayer | undefined;
  #overlayLayers: VolumeLayer[] = [];

  constructor(store: VolumeStore) {
    this.#store = store;
  }

  /** True when any layer samples the volume. */
  uses(volume: number): boolean {
    return (
      this.plane?.volume === volume ||
      this.fusion?.volume === volume ||
      this.overlays.some((overlay) => overlay.volume === volume)
    );
  }

  /** Drops every layer that samples the volume (it is being removed). */
  forget(volume: number): void {
    if (this.plane?.volume === volume) this.plane = undefined;
    if (this.fusion?.volume === volume) this.fusion = undefined;
    this.overlays = this.overlays.filter((overlay) => overlay.volume !== volume);
  }

  /** Checks that the plane can be sampled from the volume (throws `RENDER_INVALID_VIEW`). */
  checkPlane(volume: number, view: PlaneView): void {
    this.#voxelSlab(volume, view, view.slab);
  }

  attach(backend: RenderBackend): void {
    this.detach();
    this.#backend = backend;
  }

  detach(): void {
    for (const layer of [this.#base, this.#fused, ...this.#overlayLayers]) layer?.detach();
    this.#base = undefined;
    this.#fused = undefined;
    this.#overlayLayers = [];
    this.#backend = undefined;
  }

  /**
   * The size to draw the plane view at: the canvas, or while the view is `interacting` a
   * {@link INTERACTIVE_RESOLUTION} times smaller frame (rounded up) that the backend scales up.
   */
  drawSize(canvas: Size): Size {
    if (!this.plane?.view.interacting) return canvas;
    return [Math.ceil(canvas[0] / INTERACTIVE_RESOLUTION), Math.ceil(canvas[1] / INTERACTIVE_RESOLUTION)];
  }

  /**
   * The passes of the plane view (base, fusion, overlays; empty when no plane is shown), drawing
   * at {@link LayerScene.drawSize} what the view shows on a canvas of `canvas`.
   */
  planePasses(view: SliceView, canvas: Size): GpuPass[] {
    const shown = this.plane;
    if (!shown) return [];
    const { plane, slab, interpolation, fill } = shown.view;
    const imageSize: Size = [plane.columns, plane.rows];
    const size = this.drawSize(canvas);
    const map = scaleCanvas(canvasToImage(view, imageSize, canvas), canvas[0] / size[0], canvas[1] / size[1]);
    const trilinear = interpolation === 'trilinear';
    const combine = slab?.mode ?? 'max';
    this.#base = this.#layer(this.#base, {
      volume: shown.volume,
      layer: 'base',
      trilinear,
      combine,
      opacity: 1,
      minLevel: 0,
      fill,
      voi: view.voi,
      invert: view.invert,
      colormap: view.colormap,
      labels: undefined,
    });
    const passes: GpuPass[] = [
      this.#base.prepare(this.#store, {
        canvasToImage: map,
        imageSize,
        slab: this.#voxelSlab(shown.volume, shown.view, slab),
      }),
    ];
    const fusion = this.fusion;
    if (fusion) {
      this.#fused = this.#layer(this.#fused, {
        volume: fusion.volume,
        layer: 'over',
        trilinear,
        combine,
        opacity: fusion.opacity,
        minLevel: 0,
        fill: undefined,
        voi: fusion.voi,
        invert: false,
        colormap: fusion.colormap ?? 'hot-iron',
        labels: undefined,
      });
      const placement = {
        canvasToImage: map,
        imageSize,
        slab: this.#voxelSlab(fusion.volume, shown.view, slab),
      };
      passes.push(this.#fused.prepare(this.#store, placement));
    } else {
      this.#fused?.detach();
      this.#fused = undefined;
    }
    passes.push(
      ...this.#overlayPasses(map, imageSize, (overlay) =>
        this.#voxelSlab(overlay.volume, shown.view, undefined),
      ),
    );
    return passes;
  }

  /** The overlay passes over a stack slice of `imageSize`: voxel (x, y, slot) on pixel (x, y). */
  slicePasses(map: CanvasToImage, imageSize: Size): GpuPass[] {
    return this.#overlayPasses(map, imageSize, (overlay) => ({
      origin: [0, 0, overlay.slot ?? 0],
      row: [1, 0, 0],
      column: [0, 1, 0],
      step: [0, 0, 0],
      samples: 1,
      width: imageSize[0],
      height: imageSize[1],
    }));
  }

  #overlayPasses(
    map: CanvasToImage,
    imageSize: Size,
    slabOf: (overlay: OverlayLayer<number>) => ReturnType<typeof voxelSlab>,
  ): GpuPass[] {
    for (const extra of this.#overlayLayers.splice(this.overlays.length)) extra.detach();
    return this.overlays.map((overlay, i) => {
      const spec: VolumeLayerSpec =
        overlay.kind === 'labelmap'
          ? {
              volume: overlay.volume,
              layer: 'labels',
              trilinear: false,
              combine: 'max',
              opacity: 1,
              minLevel: 0,
              fill: undefined,
              voi: undefined,
              invert: false,
              colormap: 'grey',
              labels: overlay.labels,
            }
          : {
              volume: overlay.volume,
              layer: 'over',
              trilinear: (overlay.interpolation ?? 'trilinear') === 'trilinear',
              combine: 'max',
              opacity: overlay.opacity,
              minLevel: 1,
              fill: undefined,
              voi: overlay.voi,
              invert: false,
              colormap: overlay.colormap ?? 'hot-iron',
              labels: undefined,
            };
      const layer = this.#layer(this.#overlayLayers[i], spec);
      this.#overlayLayers[i] = layer;
      return layer.prepare(this.#store, { canvasToImage: map, imageSize, slab: slabOf(overlay) });
    });
  }

  #layer(existing: VolumeLayer | undefined, spec: VolumeLayerSpec): VolumeLayer {
    if (existing) {
      existing.update(spec);
      return existing;
    }
    const backend = this.#backend;
    if (!backend) throw new Error('Layer scene drawn before attach');
    const layer = new VolumeLayer(spec);
    layer.attach(backend);
    return layer;
  }

  #voxelSlab(volume: number, view: PlaneView, slab: SlabOptions | undefined): ReturnType<typeof voxelSlab> {
    try {
      const geometry = fullGeometry(this.#store.data(volume).geometry);
      return voxelSlab(geometry, view.plane, view.interacting ? interactiveSlab(geometry, slab) : slab);
    } catch (error) {
      if (error instanceof VolumeError) {
        throw new RenderInputError('RENDER_INVALID_VIEW', error.message, { cause: error });
      }
      throw error;
    }
  }
}

/** The map of a canvas `sx`, `sy` times smaller than the one `map` was made for: the same picture. */
function scaleCanvas(map: CanvasToImage, sx: number, sy: number): CanvasToImage {
  if (sx === 1 && sy === 1) return map;
  return { xx: map.xx * sx, xy: map.xy * sy, x0: map.x0, yx: map.yx * sx, yy: map.yy * sy, y0: map.y0 };
}

/** The slab of an interacting view: samples {@link INTERACTIVE_SLAB_STEP} times farther apart. */
export function interactiveSlab(
  geometry: Pick<VolumeGeometry, 'spacing'>,
  slab: SlabOptions | undefined,
): SlabOptions | undefined {
  if (!slab || !(slab.thickness > 0)) return slab;
  const spacing = slab.sampleSpacing ?? Math.min(...geometry.spacing);
  return { ...slab, sampleSpacing: spacing * INTERACTIVE_SLAB_STEP };
}

/** A core `VolumeGeometry` from the part the renderer keeps (the rest does not affect sampling). */
function fullGeometry(geometry: RenderVolumeGeometry): VolumeGeometry {
  const [x, y, z] = geometry.directions;
  return {
    dimensions: [...geometry.dimensions],
    origin: [...geometry.origin],
    directions: [[...x], [...y], [...z]],
    spacing: [...geometry.spacing],
    shearAngle: 0,
    slotOfSlice: [],
    missingSlots: [],
    spacingKind: 'uniform',
    maxSpacingDeviation: 0,
    warnings: [],
  };
}
