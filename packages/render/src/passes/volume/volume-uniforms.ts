import type { TransferTable } from './transfer-function.js';
import type { RaySetup } from './volume-camera.js';
import { OPAQUE_ENOUGH, SHADING, type VolumeRenderMode } from './volume-render-settings.js';

/** Everything a volume pass draws with, besides the volume texture and the transfer table. */
export interface VolumeDrawParams {
  /** The rays of this frame (camera, volume geometry and canvas size). */
  setup: RaySetup;
  mode: VolumeRenderMode;
  /** DVR: shade by the gradient. */
  shading: boolean;
  /** MIP: the window mapping the ray maximum to grey, modality units. */
  mipWindow: { center: number; width: number };
  /** mm between samples along a ray. */
  sampleDistance: number;
}

/** The volume shader's uniform values, named as in `VolumeParams` of volume.wgsl (GLSL: `u` + capitalised). */
export interface VolumeUniformValues {
  origin: readonly number[];
  pixelX: readonly number[];
  pixelY: readonly number[];
  direction: readonly number[];
  gradientX: readonly number[];
  gradientY: readonly number[];
  gradientZ: readonly number[];
  viewDirection: readonly number[];
  volumeSize: readonly number[];
  sampleDistance: number;
  mode: number;
  shading: number;
  maxSamples: number;
  windowLow: number;
  windowWidth: number;
  tableMin: number;
  tableMax: number;
  ambient: number;
  diffuse: number;
  specular: number;
  shininess: number;
  minGradient: number;
  opaqueEnough: number;
  skipEmpty: number;
}

/** More samples than this per ray are never taken (a 2048-voxel diagonal at 0.25 voxel steps). */
const SAMPLE_LIMIT = 16384;

/** Packs draw parameters and the table's value range into uniform values. */
export function volumeUniforms(
  params: VolumeDrawParams,
  table: Pick<TransferTable, 'min' | 'max'>,
  skipEmpty = false,
): VolumeUniformValues {
  const { setup } = params;
  const [gx, gy, gz] = setup.gradientToPatient;
  return {
    origin: [...setup.origin, 0],
    pixelX: [...setup.pixelX, 0],
    pixelY: [...setup.pixelY, 0],
    direction: [...setup.direction, 0],
    gradientX: [...gx, 0],
    gradientY: [...gy, 0],
    gradientZ: [...gz, 0],
    viewDirection: [...setup.viewDirection, 0],
    volumeSize: [...setup.dimensions, 0],
    sampleDistance: params.sampleDistance,
    mode: params.mode === 'mip' ? 1 : 0,
    shading: params.shading ? 1 : 0,
    maxSamples: Math.min(Math.ceil(setup.diagonal / params.sampleDistance) + 2, SAMPLE_LIMIT),
    windowLow: params.mipWindow.center - params.mipWindow.width / 2,
    windowWidth: params.mipWindow.width,
    tableMin: table.min,
    tableMax: table.max,
    ambient: SHADING.ambient,
    diffuse: SHADING.diffuse,
    specular: SHADING.specular,
    shininess: SHADING.shininess,
    minGradient: SHADING.minGradient,
    opaqueEnough: OPAQUE_ENOUGH,
    skipEmpty: skipEmpty && params.mode === 'dvr' ? 1 : 0,
  };
}
