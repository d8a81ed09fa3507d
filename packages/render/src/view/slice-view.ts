import { RenderInputError } from '../errors/render-input-error.js';
import { COLORMAP_NAMES, type ColormapName } from '../lut/colormaps.js';
import { type VoiTransform, validateVoi } from '../lut/voi.js';

/** How a sample between pixel centres is computed. */
export type Interpolation = 'nearest' | 'linear';

/**
 * What a slice viewport shows of its image and how: the VOI and presentation, and the view
 * transform. The transform maps the image into the canvas: the image is flipped (in image space),
 * rotated clockwise about its centre, scaled by `zoom`, and its centre placed at the canvas
 * centre plus `pan`.
 */
export interface SliceView {
  /** VOI LUT; undefined means the min-max window of the image's modality values. Grey only. */
  voi: VoiTransform | undefined;
  /** Presentation inversion relative to the image's default (MONOCHROME1 is already inverse). */
  invert: boolean;
  /** Pseudo-colour map applied to the grey level. Grey only. */
  colormap: ColormapName;
  /** Sampling between pixel centres. */
  interpolation: Interpolation;
  /** Canvas pixels per image pixel (device pixels, not CSS pixels). */
  zoom: number;
  /** Offset of the image centre from the canvas centre, canvas pixels, x right and y down. */
  pan: readonly [number, number];
  /** Clockwise rotation on screen, degrees. */
  rotation: number;
  /** Mirror left-right, in image space (before rotation). */
  flipHorizontal: boolean;
  /** Mirror top-bottom, in image space (before rotation). */
  flipVertical: boolean;
}

/** The view a new viewport starts with: whole-pixel zoom 1, centred, min-max window. */
export const DEFAULT_SLICE_VIEW: SliceView = Object.freeze({
  voi: undefined,
  invert: false,
  colormap: 'grey',
  interpolation: 'nearest',
  zoom: 1,
  pan: [0, 0] as const,
  rotation: 0,
  flipHorizontal: false,
  flipVertical: false,
});

/** Returns `base` with `patch` applied, validated; throws a `RENDER_INVALID_VIEW` error if not valid. */
export function mergeSliceView(base: SliceView, patch: Partial<SliceView>): SliceView {
  const view: SliceView = { ...base, ...patch };
  if (view.voi) validateVoi(view.voi);
  if (!COLORMAP_NAMES.includes(view.colormap)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Unknown colour map ${String(view.colormap)}`);
  }
  if (view.interpolation !== 'nearest' && view.interpolation !== 'linear') {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Unknown interpolation ${String(view.interpolation)}`);
  }
  if (!(Number.isFinite(view.zoom) && view.zoom > 0)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Zoom ${view.zoom} is not a positive number`);
  }
  if (!Number.isFinite(view.rotation) || !view.pan.every(Number.isFinite) || view.pan.length !== 2) {
    throw new RenderInputError('RENDER_INVALID_VIEW', 'Rotation and pan must be finite numbers');
  }
  return view;
}
