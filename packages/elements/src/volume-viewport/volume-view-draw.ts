import type { RenderViewport } from '@fovea/render';
import { fusionLayer } from './fusion-layer.js';
import { fusionWindowOf } from './fusion-properties.js';
import type { SeriesVolume } from './series-volume.js';
import { drawPlaneFrame, drawRenderingFrame } from './volume-frame.js';
import type { FoveaVolumeViewport } from './volume-viewport.js';

/** The properties whose change needs a new frame, for planes and for the 3D rendering. */
export const REDRAWN_BY = {
  plane: [
    'orientation',
    'cursor',
    'slabThickness',
    'slabMode',
    'window',
    'inverted',
    'planeZoom',
    'fusion',
    'fusionOpacity',
    'fusionColormap',
    'fusionWindowCenter',
    'fusionWindowWidth',
  ],
  // The cursor, slab, inversion and plane zoom do not change a volume rendering.
  rendering: ['orientation', 'preset', 'window', 'camera'],
} as const satisfies Record<string, readonly (keyof FoveaVolumeViewport)[]>;

/** What of a volume view one frame shows. */
export type DrawnView = Pick<
  FoveaVolumeViewport,
  | 'orientation'
  | 'plane'
  | 'shownWindow'
  | 'preset'
  | 'camera'
  | 'slabThickness'
  | 'slabMode'
  | 'planeZoom'
  | 'inverted'
  | 'fusion'
  | 'fusionOpacity'
  | 'fusionColormap'
  | 'fusionWindowCenter'
  | 'fusionWindowWidth'
>;

/**
 * Sends one frame of `view`'s current state to the render worker (a plane, or the 3D rendering)
 * and resolves once it is drawn.
 */
export async function drawVolumeView(
  viewport: RenderViewport,
  series: SeriesVolume,
  view: DrawnView,
  /** Canvas size, device pixels. */
  canvasSize: readonly [number, number],
  /** Draw at interactive quality (a drag is under way, or the volume still streams in). */
  interacting: boolean,
): Promise<void> {
  const plane = view.plane;
  if (view.orientation === '3d' || !plane) {
    await drawRenderingFrame(viewport, series, {
      preset: view.preset,
      window: view.shownWindow,
      camera: view.camera,
      interacting,
    });
    return;
  }
  await drawPlaneFrame(viewport, series, {
    plane,
    window: view.shownWindow,
    slabThickness: view.slabThickness,
    slabMode: view.slabMode,
    canvasSize,
    view: view.planeZoom,
    invert: view.inverted,
    fusion: fusionLayer({
      volume: view.fusion,
      opacity: view.fusionOpacity,
      colormap: view.fusionColormap,
      // The element keeps its window valid (`keepFusionValid`): this does not throw.
      window: fusionWindowOf(view),
    }),
    interacting,
  });
}
