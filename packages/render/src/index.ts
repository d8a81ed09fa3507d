export { RenderDevice, type RenderDeviceOptions } from './client/render-device.js';
export {
  DeviceFailedEvent,
  DeviceLostEvent,
  DeviceRestoredEvent,
  type RenderDeviceEventMap,
} from './client/render-device-events.js';
export { type PlaneOptions, RenderViewport } from './client/render-viewport.js';
export { RenderVolume } from './client/render-volume.js';
export { renderSliceCpu } from './cpu/render-slice-cpu.js';
export { type BackendAttempt, GpuUnavailableError } from './errors/gpu-unavailable-error.js';
export { RenderError, type RenderErrorCode } from './errors/render-error.js';
export { RenderInputError, type RenderInputErrorCode } from './errors/render-input-error.js';
export type { BackendInfo, BackendKind } from './gpu/backend.js';
export type {
  GreyPixels,
  GreySliceImage,
  ModalityTransform,
  RgbSliceImage,
  SliceImage,
} from './image/slice-image.js';
export { COLORMAP_NAMES, type ColormapName } from './lut/colormaps.js';
export type { VoiFunction, VoiTransform } from './lut/voi.js';
export type { ColourPoint, OpacityPoint, TransferFunction } from './passes/volume/transfer-function.js';
export { TRANSFER_PRESETS, type TransferPresetName } from './passes/volume/transfer-presets.js';
export {
  DEFAULT_ORBIT_CAMERA,
  type OrbitCamera,
  projectToCanvas,
  type ReadonlyVec3,
  type VolumeGrid,
} from './passes/volume/volume-camera.js';
export type { VolumeRenderMode, VolumeRenderSettings } from './passes/volume/volume-render-settings.js';
export {
  DEFAULT_VOLUME_RENDER_VIEW,
  type VolumeRenderView,
  type VolumeRenderViewPatch,
} from './passes/volume/volume-render-view.js';
export type { FusionLayer, LabelStyle, OverlayLayer, PlaneView } from './view/plane-view.js';
export { DEFAULT_SLICE_VIEW, type Interpolation, type SliceView } from './view/slice-view.js';
export { type CanvasToImage, canvasToImage, fitZoom, type Size } from './view/view-transform.js';
export { renderVolumeData, renderVolumeSlots } from './volume/from-core-volume.js';
export type {
  RenderVolumeData,
  RenderVolumeGeometry,
  VolumeSlotUpdate,
  VolumeVoxels,
} from './volume/volume-data.js';
