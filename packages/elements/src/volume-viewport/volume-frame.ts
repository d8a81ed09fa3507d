import { FoveaError, type SlabMode, type SlicePlane } from '@fovea/core';
import {
  type FusionLayer,
  type OrbitCamera,
  type RenderViewport,
  type RenderVolume,
  TRANSFER_PRESETS,
  type TransferPresetName,
} from '@fovea/render';
import { type PlaneScreen, type PlaneZoom, planeScreen } from './plane-screen.js';
import type { SeriesVolume } from './series-volume.js';
import type { VolumeRenderPreset } from './volume-render-preset.js';

/** What one frame of a plane view shows. */
export interface PlaneFrame {
  plane: SlicePlane;
  /** Modality units. */
  window: { center: number; width: number };
  /** Slab thickness along the normal, mm; 0 for the plane alone. */
  slabThickness: number;
  slabMode: SlabMode;
  /** Canvas size, device pixels. */
  canvasSize: readonly [number, number];
  /** Magnification and pan of the plane image. */
  view: PlaneZoom;
  /** Show the grey scale inverted. */
  invert: boolean;
  /** A second volume drawn over the plane (PET over CT), or undefined. */
  fusion: FusionLayer<RenderVolume> | undefined;
  /** Draw at interactive quality (a drag is under way, or the volume still streams in). */
  interacting: boolean;
}

/** What one frame of the 3D view shows. */
export interface RenderingFrame {
  preset: VolumeRenderPreset;
  /** The MIP's window, modality units. */
  window: { center: number; width: number };
  camera: OrbitCamera;
  interacting: boolean;
}

/**
 * Sends a plane view's state to the render worker and resolves once it is drawn; returns where
 * the plane image lies on the canvas (what the element's own `planeScreen` of the same state gives).
 */
export async function drawPlaneFrame(
  viewport: RenderViewport,
  series: SeriesVolume,
  frame: PlaneFrame,
): Promise<PlaneScreen> {
  const { plane } = frame;
  const ratio = globalThis.devicePixelRatio || 1;
  const screen = planeScreen([plane.columns, plane.rows], frame.canvasSize, ratio, frame.view);
  await viewport.setVolume(series.renderVolume, {
    plane,
    slab: frame.slabThickness > 0 ? { thickness: frame.slabThickness, mode: frame.slabMode } : undefined,
    interacting: frame.interacting,
  });
  await viewport.setFusion(frame.fusion);
  await viewport.setView({
    voi: { kind: 'window', ...frame.window },
    invert: frame.invert,
    zoom: screen.zoom,
    pan: screen.pan,
  });
  return screen;
}

/** Sends the 3D view's state to the render worker and resolves once it is drawn. */
export async function drawRenderingFrame(
  viewport: RenderViewport,
  series: SeriesVolume,
  frame: RenderingFrame,
): Promise<void> {
  const mip = frame.preset === 'mip';
  const transfer = TRANSFER_PRESETS[mip ? 'ct-bone' : (frame.preset as TransferPresetName)];
  if (!transfer) throw new FoveaError('INVALID_PRESET', `"${frame.preset}" is not a 3D preset`);
  await viewport.setVolumeRendering(series.renderVolume, {
    mode: mip ? 'mip' : 'dvr',
    transferFunction: transfer,
    mipWindow: frame.window,
    camera: frame.camera,
    interacting: frame.interacting,
  });
}
