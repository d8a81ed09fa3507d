import { FoveaError } from '@fovea/core';
import { COLORMAP_NAMES, type ColormapName, type FusionLayer, type RenderVolume } from '@fovea/render';
import type { SeriesVolume } from './series-volume.js';

/** A window over the fused volume's values, in its modality units (for PET: Bq/ml, rescaled). */
export interface FusionWindow {
  center: number;
  width: number;
}

/** How a volume view draws a second volume over its planes. */
export interface FusionSettings {
  /** The volume drawn over the planes (PET over CT); undefined for none. */
  volume: SeriesVolume | undefined;
  /** 0 (invisible) … 1 (opaque). */
  opacity: number;
  colormap: ColormapName;
  /** Its window as set; undefined for the default (see {@link defaultedFusionWindow}). */
  window?: FusionWindow | undefined;
}

/** Fusion settings as elements take them: the window as two numbers that may be unset. */
export interface FusionInput {
  opacity: unknown;
  colormap: unknown;
  /** `fusion-window-center`; undefined or null (attribute removed): unset. */
  windowCenter?: unknown;
  /** `fusion-window-width`; undefined or null (attribute removed): unset. */
  windowWidth?: unknown;
}

/**
 * Checks fusion settings from properties or attributes and gives the window they set (undefined:
 * the default); throws `INVALID_FUSION` naming the value (the render worker would refuse
 * them later, with no hint of which attribute was wrong).
 */
export function checkFusion(settings: FusionInput): FusionWindow | undefined {
  if (!(typeof settings.opacity === 'number' && settings.opacity >= 0 && settings.opacity <= 1)) {
    throw new FoveaError('INVALID_FUSION', `Fusion opacity ${String(settings.opacity)} is not in 0 … 1`);
  }
  if (!COLORMAP_NAMES.includes(settings.colormap as ColormapName)) {
    throw new FoveaError(
      'INVALID_FUSION',
      `"${String(settings.colormap)}" is not a colour map (${COLORMAP_NAMES.join(', ')})`,
    );
  }
  return checkFusionWindow(settings.windowCenter, settings.windowWidth);
}

/**
 * The fusion window of `center` and `width`: both unset gives undefined (the default), both finite
 * with a width of at least 1 a window. The width must be ≥ 1 as for any LINEAR window (PS3.3
 * C.11.2.1.2), which the render worker enforces too; PET windows in Bq/ml are thousands wide.
 */
function checkFusionWindow(center: unknown, width: unknown): FusionWindow | undefined {
  const unset = (value: unknown) => value === undefined || value === null;
  if (unset(center) && unset(width)) return undefined;
  if (unset(center) || unset(width)) {
    throw new FoveaError(
      'INVALID_FUSION',
      `Fusion window needs both a centre and a width: only the ${unset(center) ? `width ${String(width)}` : `centre ${String(center)}`} is set`,
    );
  }
  if (typeof center !== 'number' || !Number.isFinite(center)) {
    throw new FoveaError('INVALID_FUSION', `Fusion window centre ${String(center)} is not a finite number`);
  }
  if (typeof width !== 'number' || !Number.isFinite(width) || width < 1) {
    throw new FoveaError('INVALID_FUSION', `Fusion window width ${String(width)} is not a number ≥ 1`);
  }
  return { center, width };
}

/**
 * The window a fused volume is drawn with: the one set, else the series' own stored window (its
 * first slice's Window Center/Width: what its stack view shows); undefined when it has neither,
 * for the render worker's min–max of its voxels.
 */
export function defaultedFusionWindow(
  window: FusionWindow | undefined,
  volume: Pick<SeriesVolume, 'storedWindow'>,
): FusionWindow | undefined {
  return window ?? volume.storedWindow;
}

/**
 * The render worker's fusion layer for `settings`: the volume's GPU copy through its window (see
 * {@link defaultedFusionWindow}; without one the render default, the min–max of its voxels,
 * widened as it streams in), colour map and opacity. The render volume holds modality values
 * (core's `Volume` applies each slice's rescale as it writes it, and `renderVolumeData` copies
 * those voxels), so the window is passed as it is.
 */
export function fusionLayer(settings: FusionSettings): FusionLayer<RenderVolume> | undefined {
  const { volume } = settings;
  if (!volume) return undefined;
  const window = defaultedFusionWindow(settings.window, volume);
  const layer: FusionLayer<RenderVolume> = {
    volume: volume.renderVolume,
    opacity: settings.opacity,
    colormap: settings.colormap,
  };
  if (window) layer.voi = { kind: 'window', center: window.center, width: window.width };
  return layer;
}
