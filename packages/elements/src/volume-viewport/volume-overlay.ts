import {
  type SlabMode,
  type SlicePlane,
  slicePlaneNormal,
  type Vec3,
  type VolumeGeometry,
} from '@fovea/core';
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/messages.js';
import { formatNumber } from '../overlays/annotations.js';
import { chooseScaleBar, type ScaleBar } from '../overlays/scale-bar.js';
import { type FusionOverlay, fusionLine } from './fusion-overlay.js';
import type { PlaneScreen } from './plane-screen.js';
import { type ScreenAxes, screenMarkers } from './screen-axes.js';
import { basePlane, crosshairOnPlane, PLANE_ORIENTATIONS, type PlaneOrientation } from './volume-planes.js';
import type { VolumeRenderPreset } from './volume-render-preset.js';

/** What the overlay of a volume view describes. */
export interface VolumeOverlayState {
  /** Translates a message of the element's language. */
  t: (key: MessageKey, values?: Record<string, string>) => string;
  orientation: PlaneOrientation | '3d';
  /** The plane shown; undefined in 3D. */
  plane: SlicePlane | undefined;
  geometry: VolumeGeometry;
  /** The 3D cursor, mm LPS. */
  cursor: Readonly<Vec3>;
  /** Where the plane image lies on the canvas; undefined before the first plane is drawn. */
  screen: PlaneScreen | undefined;
  /** Modality units. */
  window: { center: number; width: number };
  slabThickness: number;
  slabMode: SlabMode;
  preset: VolumeRenderPreset;
  crosshairs: boolean;
  /** What the screen's directions and pixels are in the patient; undefined before the first frame. */
  axes: ScreenAxes | undefined;
  /** The view's width, CSS pixels (the scale bar takes at most 30 % of it). */
  width: number;
  /** The volume fused over the plane, if any (planes only). */
  fusion?: FusionOverlay | undefined;
}

/** The scale bar takes at most this share of the view's width, and never more than 200 px (as `<fovea-viewport>`). */
const SCALE_BAR_SHARE = 0.3;
const SCALE_BAR_MAX_PX = 200;

const ORIENTATION_KEYS: Record<PlaneOrientation | '3d', MessageKey> = {
  axial: 'planeAxial',
  coronal: 'planeCoronal',
  sagittal: 'planeSagittal',
  '3d': 'plane3d',
};

const SLAB_NAMES: Record<SlabMode, string> = { max: 'MIP', min: 'MinIP', mean: 'Avg' };

/**
 * The layer above a volume view's canvas: the plane's name and position, the window, the fused
 * volume's line, crosshairs.
 */
export function volumeOverlay(state: VolumeOverlayState): TemplateResult {
  const { t, plane } = state;
  const name = t(ORIENTATION_KEYS[state.orientation]);
  const { center, width } = state.window;
  let label = name;
  if (plane) {
    label = t('planePosition', { plane: name, position: planePosition(plane).toFixed(1) });
    if (state.slabThickness > 0) {
      label += ` · ${t('slabLabel', { mode: SLAB_NAMES[state.slabMode], thickness: String(state.slabThickness) })}`;
    }
  }
  const windowText =
    state.orientation === '3d' && state.preset !== 'mip'
      ? state.preset
      : t('windowLevel', { width: String(Math.round(width)), center: String(Math.round(center)) });
  const axes = state.axes;
  const bar =
    axes && chooseScaleBar(axes.mmPerCssPixel, Math.min(SCALE_BAR_MAX_PX, state.width * SCALE_BAR_SHARE));
  return html`<div part="overlay">
    ${plane && state.crosshairs ? crosshairLines(state, plane) : nothing}
    <div part="label">${label}</div>
    <div part="window">${windowText}</div>
    ${plane && state.fusion ? fusionLine(t, state.fusion) : nothing}
    ${axes ? markers(axes, t) : nothing}
    ${bar ? scaleBar(bar, t('scaleBarPatient', { length: formatNumber(bar.mm, 3) })) : nothing}
  </div>`;
}

/** The patient-direction letters at the middle of each edge (PS3.3 C.7.6.1.1.1). */
function markers(axes: ScreenAxes, t: VolumeOverlayState['t']) {
  const letters = screenMarkers(axes);
  return html`<div part="orientation-markers" role="img" aria-label=${t('orientationMarkers', { ...letters })}>
    ${(['top', 'right', 'bottom', 'left'] as const).map(
      (edge) =>
        html`<span part="orientation-marker" data-edge=${edge} aria-hidden="true">${letters[edge]}</span>`,
    )}
  </div>`;
}

/**
 * A horizontal bar of a round length in mm. Plane pixels are the volume's voxel spacing in patient
 * space and the 3D camera is orthographic, so the bar is exact in both (`data-calibrated`).
 */
function scaleBar(bar: ScaleBar, label: string) {
  const width = Math.round(bar.lengthPx * 100) / 100;
  return html`<div part="scale-bar" data-mm=${bar.mm} data-calibrated="true" .style=${`width: ${width}px`}>
    <svg width=${width} height="8" viewBox="0 0 ${width} 8" aria-hidden="true">
      ${svg`<path d="M0.5 0 V7.5 H${width - 0.5} V0" fill="none" stroke="currentColor" stroke-width="1" />`}
    </svg>
    <div part="scale-bar-label">${label}</div>
  </div>`;
}

/** The patient coordinate (LPS, mm) along the axis the plane is most nearly across, e.g. z for axial. */
export function planePosition(plane: SlicePlane): number {
  const normal = slicePlaneNormal(plane);
  const axis = [0, 1, 2].reduce(
    (best, i) => (Math.abs(normal[i] as number) > Math.abs(normal[best] as number) ? i : best),
    0,
  );
  const along = dot(normal, plane.origin);
  return along * Math.sign(normal[axis] as number);
}

/** The other two planes through the cursor, as lines across this one. */
function crosshairLines(state: VolumeOverlayState, plane: SlicePlane) {
  const screen = state.screen;
  if (!screen) return nothing;
  const [column, row] = crosshairOnPlane(plane, state.cursor);
  const [x, y] = screen.toCss(column, row);
  const lines = PLANE_ORIENTATIONS.filter((o) => o !== state.orientation).map((other) => {
    const normal = slicePlaneNormal(basePlane(state.geometry, other));
    const acrossRows = Math.abs(dot(normal, plane.rowDirection));
    const acrossColumns = Math.abs(dot(normal, plane.columnDirection));
    // A plane whose normal runs along this image's rows cuts it in a vertical line.
    return acrossRows >= acrossColumns
      ? svg`<line part="crosshair crosshair-vertical" data-plane=${other} x1=${x} y1="0" x2=${x} y2="100%"></line>`
      : svg`<line part="crosshair crosshair-horizontal" data-plane=${other} x1="0" y1=${y} x2="100%" y2=${y}></line>`;
  });
  return html`<svg aria-hidden="true">${lines}</svg>`;
}

function dot(a: Readonly<Vec3>, b: Readonly<Vec3>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
