import { DEFAULT_ORBIT_CAMERA, type OrbitCamera, validateOrbitCamera } from './volume-camera.js';
import {
  DEFAULT_VOLUME_RENDER_SETTINGS,
  type VolumeRenderSettings,
  validateVolumeRenderSettings,
} from './volume-render-settings.js';

/** What a viewport showing a volume rendering shows: the camera and how the volume is rendered. */
export interface VolumeRenderView extends VolumeRenderSettings {
  /** Where the volume is seen from. */
  camera: OrbitCamera;
}

/** The view a new volume rendering starts with: anterior, soft-tissue DVR, shaded, still. */
export const DEFAULT_VOLUME_RENDER_VIEW: VolumeRenderView = Object.freeze({
  ...DEFAULT_VOLUME_RENDER_SETTINGS,
  camera: DEFAULT_ORBIT_CAMERA,
});

/** A change of a {@link VolumeRenderView}: any settings, and any fields of the camera. */
export type VolumeRenderViewPatch = Partial<Omit<VolumeRenderView, 'camera'>> & {
  camera?: Partial<OrbitCamera>;
};

/**
 * Returns `base` with `patch` applied (the camera merged field by field), validated; throws
 * `RENDER_INVALID_VIEW` naming the problem.
 */
export function mergeVolumeRenderView(
  base: VolumeRenderView,
  patch: VolumeRenderViewPatch,
): VolumeRenderView {
  const view: VolumeRenderView = { ...base, ...patch, camera: { ...base.camera, ...patch.camera } };
  validateOrbitCamera(view.camera);
  validateVolumeRenderSettings(view);
  return view;
}
