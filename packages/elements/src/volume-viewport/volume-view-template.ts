import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/messages.js';
import type { FusionOverlay } from './fusion-overlay.js';
import type { SeriesVolume } from './series-volume.js';
import { type VolumeOverlayState, volumeOverlay } from './volume-overlay.js';
import type { VolumeViewStatus } from './volume-view-load.js';
import {
  type PlacedView,
  viewCursor,
  viewPlane,
  viewPlaneScreen,
  viewScreenAxes,
} from './volume-view-placement.js';
import type { FoveaVolumeViewport } from './volume-viewport.js';

/** What of a volume view its overlay describes. */
export type OverlaidView = PlacedView &
  Pick<FoveaVolumeViewport, 'shownWindow' | 'slabThickness' | 'slabMode' | 'preset' | 'crosshairs'>;

/** What a volume view shows above its canvas. */
export interface VolumeViewContent {
  t: (key: MessageKey, values?: Record<string, string>) => string;
  status: VolumeViewStatus;
  /** Slices written so far, of `total`. */
  loaded: number;
  total: number;
  errorCode: string;
  /** The overlay, once the volume is shown. */
  overlay: VolumeOverlayState | undefined;
}

/** A volume view's shadow content: its overlay, the loading message while slices stream in, or its error. */
export function volumeViewTemplate(content: VolumeViewContent): TemplateResult {
  const { t, status, overlay } = content;
  return html`
    ${status === 'ready' && overlay ? volumeOverlay(overlay) : nothing}
    ${
      status === 'loading' || (status === 'ready' && content.loaded < content.total)
        ? html`<div part="status" role="status">
            ${t('volumeLoading', { loaded: String(content.loaded), total: String(content.total) })}
          </div>`
        : nothing
    }
    ${
      status === 'error'
        ? html`<div part="error" role="alert">${t('volumeError')} <code>${content.errorCode}</code></div>`
        : nothing
    }
  `;
}

/** The overlay of `view` showing `series` on a canvas of `canvasSize` device pixels. */
export function viewOverlay(
  view: OverlaidView,
  series: SeriesVolume,
  canvasSize: readonly [number, number],
  t: VolumeViewContent['t'],
  fusion: FusionOverlay | undefined,
): VolumeOverlayState {
  const plane = viewPlane(view, series);
  return {
    t,
    orientation: view.orientation,
    plane,
    geometry: series.volume.geometry,
    cursor: viewCursor(view, series),
    screen: plane && viewPlaneScreen(view, plane, canvasSize),
    window: view.shownWindow,
    slabThickness: view.slabThickness,
    slabMode: view.slabMode,
    preset: view.preset,
    crosshairs: view.crosshairs,
    axes: viewScreenAxes(view, series, canvasSize),
    width: canvasSize[0] / (globalThis.devicePixelRatio || 1),
    fusion,
  };
}
