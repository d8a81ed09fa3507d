import type { TransferPresetName } from '@fovea/render';

/** How the 3D view renders: a DVR transfer-function preset, or a maximum intensity projection. */
export type VolumeRenderPreset = TransferPresetName | 'mip';

/** The 3D presets, in the order keys 1–4 and pickers list them (MIP is 5th in pickers). */
export const VOLUME_RENDER_PRESETS: readonly VolumeRenderPreset[] = [
  'ct-bone',
  'ct-soft-tissue',
  'ct-lung',
  'ct-angio',
  'mip',
];
