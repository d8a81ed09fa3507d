import type { RaycastParams } from '../../../cpu/raycast-cpu.js';
import { bakeTransferFunction, type TransferFunction } from '../transfer-function.js';
import { TRANSFER_PRESETS } from '../transfer-presets.js';
import type { OrbitCamera } from '../volume-camera.js';
import { FULL_QUALITY_STEP } from '../volume-render-settings.js';

/**
 * Only what lies between 100 and 170 HU is opaque: the phantom's lesion (130 HU) in its liver
 * (60 HU), and nothing else but thin partial-volume shells at bone edges.
 */
export const LESION_TRANSFER_FUNCTION: TransferFunction = {
  colour: [{ value: 0, rgb: [1, 0.9, 0.5] }],
  opacity: [
    { value: 95, alpha: 0 },
    { value: 110, alpha: 0.6 },
    { value: 150, alpha: 0.6 },
    { value: 170, alpha: 0 },
  ],
};

/** A stored reference rendering of the CT phantom: how it is drawn and where it is kept. */
export interface PhantomView {
  name: string;
  /** File name under passes/volume/reference/. */
  file: string;
  size: readonly [number, number];
  camera: OrbitCamera;
  params: RaycastParams;
}

/** The phantom's 0.7 mm in-plane spacing, sampled every half of it. */
const STEP = 0.7 * FULL_QUALITY_STEP;

/**
 * The reference views: the soft-tissue preset, shaded, from the front-left and above; and the
 * lesion transfer function from the front at zoom 3, where the lesion must show.
 */
export const PHANTOM_VIEWS: readonly PhantomView[] = [
  {
    name: 'soft tissue, shaded, oblique',
    file: 'phantom-soft-tissue.ppm',
    size: [128, 128],
    camera: { azimuth: 30, elevation: 15, zoom: 1.3, pan: [0, 0] },
    params: {
      mode: 'dvr',
      table: bakeTransferFunction(TRANSFER_PRESETS['ct-soft-tissue']),
      shading: true,
      sampleDistance: STEP,
    },
  },
  {
    name: 'lesion window, anterior, zoom 3',
    file: 'phantom-lesion.ppm',
    size: [128, 128],
    camera: { azimuth: 0, elevation: 0, zoom: 3, pan: [0, 0] },
    params: {
      mode: 'dvr',
      table: bakeTransferFunction(LESION_TRANSFER_FUNCTION),
      shading: true,
      sampleDistance: STEP,
    },
  },
];
