import { RenderInputError } from '../../errors/render-input-error.js';
import { type TransferFunction, validateTransferFunction } from './transfer-function.js';
import { TRANSFER_PRESETS } from './transfer-presets.js';

/** Direct volume rendering (colour and opacity composited along the ray) or maximum intensity. */
export type VolumeRenderMode = 'dvr' | 'mip';

/** How a volume is rendered, besides the camera. */
export interface VolumeRenderSettings {
  /** DVR or MIP. */
  mode: VolumeRenderMode;
  /** DVR: colour and opacity of each value (HU for CT); see `TRANSFER_PRESETS`. */
  transferFunction: TransferFunction;
  /** DVR: light surfaces by the value gradient (central differences), with a headlight. */
  shading: boolean;
  /** MIP: the window mapping the largest value on each ray to grey, modality units. */
  mipWindow: { center: number; width: number };
  /**
   * While true (the user is dragging), rays take 3× longer steps (fewer samples, opacity corrected);
   * the frame after it turns false is drawn at full quality.
   */
  interacting: boolean;
}

/** Settings a new volume view starts with: soft-tissue DVR, shaded. */
export const DEFAULT_VOLUME_RENDER_SETTINGS: VolumeRenderSettings = Object.freeze({
  mode: 'dvr',
  transferFunction: TRANSFER_PRESETS['ct-soft-tissue'],
  shading: true,
  mipWindow: Object.freeze({ center: 40, width: 400 }),
  interacting: false,
});

/** Full quality samples each ray every half of the smallest voxel spacing. */
export const FULL_QUALITY_STEP = 0.5;
/** While interacting, steps are this many times longer (fewer samples, opacity corrected). */
export const INTERACTIVE_STEP_FACTOR = 3;

/** Accumulated opacity at which a ray stops (front-to-back early termination). */
export const OPAQUE_ENOUGH = 0.99;

/**
 * Blinn–Phong headlight (light at the eye, so the half vector is the view direction), two-sided:
 * shaded = colour · (ambient + diffuse · |n·l|) + specular · |n·l|^shininess. Where the gradient is
 * weaker than `minGradient` (value per mm) the surface normal is meaningless and the colour is
 * used unshaded.
 */
export const SHADING = Object.freeze({
  ambient: 0.3,
  diffuse: 0.7,
  specular: 0.2,
  shininess: 24,
  minGradient: 1,
});

/** Sample distance along rays, mm: a fraction of the smallest voxel spacing. */
export function sampleDistance(spacing: readonly number[], interacting: boolean): number {
  const smallest = Math.min(...spacing);
  return smallest * FULL_QUALITY_STEP * (interacting ? INTERACTIVE_STEP_FACTOR : 1);
}

/** Checks settings; throws `RENDER_INVALID_VIEW` naming the problem. */
export function validateVolumeRenderSettings(settings: VolumeRenderSettings): void {
  if (settings.mode !== 'dvr' && settings.mode !== 'mip') {
    throw new RenderInputError('RENDER_INVALID_VIEW', `Unknown volume render mode ${String(settings.mode)}`);
  }
  validateTransferFunction(settings.transferFunction);
  const { center, width } = settings.mipWindow;
  if (!Number.isFinite(center) || !(Number.isFinite(width) && width > 0)) {
    throw new RenderInputError('RENDER_INVALID_VIEW', `MIP window ${center}/${width} needs a positive width`);
  }
}
