import type { TransferFunction } from './transfer-function.js';

/** Names of the built-in CT transfer functions. */
export type TransferPresetName = 'ct-bone' | 'ct-soft-tissue' | 'ct-lung' | 'ct-angio';

/**
 * Built-in transfer functions for CT, over HU. Opacities are per millimetre of path. The bone
 * preset follows 3D Slicer's "CT-Bone"; the others are set by the tissue values of the phantom
 * and of clinical CT (fat −100, soft tissue 20…80, contrast-filled vessels 150…500, trabecular
 * bone 300…800, cortical bone above 1000, lung parenchyma −900…−500).
 */
export const TRANSFER_PRESETS: Readonly<Record<TransferPresetName, TransferFunction>> = Object.freeze({
  /** Bone surfaces, ivory; soft tissue transparent. */
  'ct-bone': {
    colour: [
      { value: -3024, rgb: [0, 0, 0] },
      { value: -16, rgb: [0.73, 0.25, 0.3] },
      { value: 641, rgb: [0.91, 0.82, 0.55] },
      { value: 3071, rgb: [1, 1, 1] },
    ],
    opacity: [
      { value: -3024, alpha: 0 },
      { value: -16, alpha: 0 },
      { value: 641, alpha: 0.72 },
      { value: 3071, alpha: 0.71 },
    ],
  },
  /** Skin and organs, faint fat, bone white; air transparent. */
  'ct-soft-tissue': {
    colour: [
      { value: -1024, rgb: [0, 0, 0] },
      { value: -150, rgb: [0.55, 0.25, 0.15] },
      { value: 40, rgb: [0.88, 0.6, 0.5] },
      { value: 300, rgb: [1, 0.93, 0.85] },
      { value: 3071, rgb: [1, 1, 1] },
    ],
    opacity: [
      { value: -1024, alpha: 0 },
      { value: -200, alpha: 0 },
      { value: -100, alpha: 0.01 },
      { value: 20, alpha: 0.04 },
      { value: 80, alpha: 0.12 },
      { value: 300, alpha: 0.5 },
      { value: 3071, alpha: 0.6 },
    ],
  },
  /** Lung parenchyma and airway walls in blue-grey; dense tissue faint. */
  'ct-lung': {
    colour: [
      { value: -1024, rgb: [0, 0, 0] },
      { value: -900, rgb: [0.3, 0.45, 0.75] },
      { value: -500, rgb: [0.8, 0.85, 1] },
      { value: 200, rgb: [0.9, 0.8, 0.75] },
      { value: 3071, rgb: [1, 1, 1] },
    ],
    opacity: [
      { value: -1024, alpha: 0 },
      { value: -950, alpha: 0 },
      { value: -850, alpha: 0.05 },
      { value: -600, alpha: 0.15 },
      { value: -400, alpha: 0 },
      { value: 200, alpha: 0 },
      { value: 700, alpha: 0.05 },
      { value: 3071, alpha: 0.05 },
    ],
  },
  /** Contrast-filled vessels red, bone white; unenhanced tissue transparent. */
  'ct-angio': {
    colour: [
      { value: -1024, rgb: [0, 0, 0] },
      { value: 100, rgb: [0.6, 0.05, 0.05] },
      { value: 300, rgb: [0.95, 0.25, 0.2] },
      { value: 700, rgb: [1, 0.9, 0.8] },
      { value: 3071, rgb: [1, 1, 1] },
    ],
    opacity: [
      { value: -1024, alpha: 0 },
      { value: 100, alpha: 0 },
      { value: 200, alpha: 0.3 },
      { value: 500, alpha: 0.8 },
      { value: 3071, alpha: 0.9 },
    ],
  },
});
