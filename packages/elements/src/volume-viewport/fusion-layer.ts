import { FoveaError } from '@fovea/core';
import { COLORMAP_NAMES, type ColormapName, type FusionLayer, type RenderVolume } from '@fovea/render';
import type { SeriesVolume } from './series-volume.js';

/** How a volume view draws a second volume over its planes. */
export interface FusionSettings {
  /** The volume drawn over the planes (PET over CT); undefined for none. */
  volume: SeriesVolume | undefined;
  /** 0 (invisible) … 1 (opaque). */
  opacity: number;
  colormap: ColormapName;
}

/**
 * Checks fusion settings from properties or attributes; throws `INVALID_FUSION` naming the value
 * (the render worker would refuse them later, with no hint of which attribute was wrong).
 */
export function checkFusion(settings: Pick<FusionSettings, 'opacity' | 'colormap'>): void {
  if (!(typeof settings.opacity === 'number' && settings.opacity >= 0 && settings.opacity <= 1)) {
    throw new FoveaError('INVALID_FUSION', `Fusion opacity ${String(settings.opacity)} is not in 0 … 1`);
  }
  if (!COLORMAP_NAMES.includes(settings.colormap)) {
    throw new FoveaError(
      'INVALID_FUSION',
      `"${String(settings.colormap)}" is not a colour map (${COLORMAP_NAMES.join(', ')})`,
    );
  }
}

/**
 * The render worker's fusion layer for `settings`: the volume's GPU copy through its own window
 * (the render default: the min–max of its voxels, widened as it streams in), colour map and opacity.
 */
export function fusionLayer(settings: FusionSettings): FusionLayer<RenderVolume> | undefined {
  const { volume } = settings;
  if (!volume) return undefined;
  return { volume: volume.renderVolume, opacity: settings.opacity, colormap: settings.colormap };
}

/** A key that changes whenever the layer sent to the worker would. */
export function fusionKey(layer: FusionLayer<RenderVolume> | undefined): string {
  return layer ? `${layer.volume.id}:${layer.opacity}:${layer.colormap}` : '';
}
