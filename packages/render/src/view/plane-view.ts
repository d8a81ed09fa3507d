import type { SlabOptions, SlicePlane, Interpolation as VolumeInterpolation } from '@fovea/core';
import { RenderInputError } from '../errors/render-input-error.js';
import { COLORMAP_NAMES, type ColormapName } from '../lut/colormaps.js';
import { type VoiTransform, validateVoi } from '../lut/voi.js';

/**
 * What a viewport shows of a volume: a plane in patient space (@fovea/core's `SlicePlane`, e.g.
 * from `planeThrough(geometry, VIEW_DIRECTIONS.axial, point)`), optionally a thick slab around
 * it. The plane's `columns × rows` pixels are the image the viewport's {@link SliceView}
 * (zoom, pan, rotation, flips, VOI, colour map, inversion) places and shades; samples are taken
 * from the volume at the exact position of each canvas pixel.
 */
export interface PlaneView {
  /** The plane: origin (centre of its first pixel), row and column directions, size and spacing. */
  plane: SlicePlane;
  /** A thick slab centred on the plane: MIP (`max`), MinIP (`min`) or average (`mean`). */
  slab: SlabOptions | undefined;
  /** Sampling between voxel centres: `trilinear` (default) or `nearest`. */
  interpolation: VolumeInterpolation;
  /** Value shown where no sample lies inside the volume, modality units; default the volume's minimum. */
  fill: number | undefined;
  /**
   * Progressive quality: true while the user drags (scrolls, rotates, changes the slab). The
   * plane is then drawn at half the canvas resolution (a quarter of the pixels, scaled up
   * nearest) and thick slabs take samples twice as far apart; set it back to false when they let
   * go for the full-quality frame.
   */
  interacting?: boolean;
}

/** How many times farther apart slab samples are while interacting. */
export const INTERACTIVE_SLAB_STEP = 2;

/** How many times fewer pixels per side a plane is drawn with while interacting. */
export const INTERACTIVE_RESOLUTION = 2;

/**
 * A second volume drawn over the first on the same plane (PET over CT): its values through its
 * own window and colour map, blended with `opacity`. It uses the plane view's slab and sampling.
 */
export interface FusionLayer<V> {
  /** The volume to fuse (any geometry: it is sampled in its own voxel space). */
  volume: V;
  /** 0 (invisible) … 1 (opaque). */
  opacity: number;
  /** Colour map of its grey levels; default `hot-iron`. */
  colormap?: ColormapName;
  /** Its window; default the min-max window of its voxels. */
  voi?: VoiTransform;
}

/** One label's look in a label map overlay. */
export interface LabelStyle {
  /** The label value (0 … 65535). */
  label: number;
  /** Red, green, blue, 0 … 255. */
  colour: readonly [number, number, number];
  /** 0 (hidden) … 1 (opaque). */
  opacity: number;
}

/**
 * An overlay drawn over a slice or a plane, for segmentations and AI results: a label map
 * (integer labels sampled nearest, each with its colour and opacity; labels not listed are
 * transparent) or a heatmap (values through a window and colour map, blended with `opacity`;
 * level 0 is transparent). Over a plane the overlay volume is sampled on the plane in its own
 * geometry; over a stack slice, voxel (x, y, `slot`) lies on image pixel (x, y).
 */
export type OverlayLayer<V> =
  | { kind: 'labelmap'; volume: V; labels: readonly LabelStyle[]; slot?: number }
  | {
      kind: 'heatmap';
      volume: V;
      opacity: number;
      colormap?: ColormapName;
      voi?: VoiTransform;
      /** Trilinear (default) or nearest sampling. */
      interpolation?: VolumeInterpolation;
      slot?: number;
    };

/** Checks a plane view's values; throws `RENDER_INVALID_VIEW` saying what is wrong. */
export function validatePlaneView(view: PlaneView): void {
  const { plane, slab, interpolation, fill } = view;
  const vectors = [...plane.origin, ...plane.rowDirection, ...plane.columnDirection, ...plane.pixelSpacing];
  if (!vectors.every(Number.isFinite) || !plane.pixelSpacing.every((s) => s > 0)) {
    throw new RenderInputError(
      'RENDER_INVALID_VIEW',
      'Plane origin, directions or pixel spacing are not valid',
    );
  }
  if (![plane.columns, plane.rows].every((n) => Number.isInteger(n) && n >= 1)) {
    throw new RenderInputError(
      'RENDER_INVALID_VIEW',
      `Plane size ${plane.columns} × ${plane.rows} is not positive`,
    );
  }
  if (interpolation !== 'trilinear' && interpolation !== 'nearest') {
    throw new RenderInputError(
      'RENDER_INVALID_VIEW',
      `Unknown volume interpolation ${String(interpolation)}`,
    );
  }
  if (slab && !['max', 'min', 'mean'].includes(slab.mode)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Unknown slab mode ${String(slab.mode)}`);
  }
  if (view.interacting !== undefined && typeof view.interacting !== 'boolean') {
    throw new RenderInputError('RENDER_INVALID_VIEW', '`interacting` must be true or false');
  }
  if (fill !== undefined && !Number.isFinite(fill)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', 'The fill value must be a finite number');
  }
}

/**
 * Refuses a VOI LUT Sequence for volume layers with `RENDER_UNSUPPORTED`: their samples are
 * interpolated modality values, not stored values a LUT could index.
 */
export function assertPlaneVoi(voi: VoiTransform | undefined): void {
  if (voi?.kind === 'lut') {
    throw new RenderInputError(
      'RENDER_UNSUPPORTED',
      'A VOI LUT Sequence cannot be applied to volume planes (samples are not stored values); use a window',
    );
  }
}

/** Checks a fusion layer's values; throws `RENDER_INVALID_VIEW` (`RENDER_UNSUPPORTED` for a VOI LUT). */
export function validateFusion(layer: FusionLayer<unknown>): void {
  validateOpacity(layer.opacity);
  validateColormap(layer.colormap);
  if (layer.voi) validateVoi(layer.voi);
  assertPlaneVoi(layer.voi);
}

/** Checks an overlay's values; throws `RENDER_INVALID_VIEW`. */
export function validateOverlay(layer: OverlayLayer<unknown>): void {
  if (layer.slot !== undefined && !(Number.isInteger(layer.slot) && layer.slot >= 0)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Overlay slot ${layer.slot} is not a whole number ≥ 0`);
  }
  if (layer.kind === 'heatmap') {
    validateOpacity(layer.opacity);
    validateColormap(layer.colormap);
    if (layer.voi) validateVoi(layer.voi);
    assertPlaneVoi(layer.voi);
    return;
  }
  if (layer.kind !== 'labelmap') {
    throw new RenderInputError(
      'RENDER_INVALID_VIEW',
      `Unknown overlay kind ${String((layer as { kind: unknown }).kind)}`,
    );
  }
  for (const style of layer.labels) {
    if (!(Number.isInteger(style.label) && style.label >= 0 && style.label <= 65535)) {
      throw new RenderInputError('RENDER_INVALID_VIEW', `Label ${style.label} is not in 0 … 65535`);
    }
    validateOpacity(style.opacity);
    if (!style.colour.every((c) => Number.isInteger(c) && c >= 0 && c <= 255) || style.colour.length !== 3) {
      throw new RenderInputError('RENDER_INVALID_VIEW', `Label ${style.label}: colour must be three bytes`);
    }
  }
}

function validateOpacity(opacity: number): void {
  if (!(opacity >= 0 && opacity <= 1)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Opacity ${opacity} is not in 0 … 1`);
  }
}

function validateColormap(colormap: ColormapName | undefined): void {
  if (colormap !== undefined && !COLORMAP_NAMES.includes(colormap)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Unknown colour map ${String(colormap)}`);
  }
}

/**
 * The label table of a label map: RGBA per label (alpha = opacity · 255, rounded), with at least
 * one transparent entry after the largest label (larger labels are clamped onto it).
 */
export function labelTable(labels: readonly LabelStyle[]): Uint8Array {
  const size = Math.max(0, ...labels.map((style) => style.label)) + 2;
  const table = new Uint8Array(Math.ceil(size / 256) * 256 * 4);
  for (const { label, colour, opacity } of labels) {
    table.set([colour[0], colour[1], colour[2], Math.round(opacity * 255)], label * 4);
  }
  return table;
}
