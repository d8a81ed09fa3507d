import type { SlicePlane, Vec3 } from '@fovea/core';
import { type OrbitCamera, projectToCanvas } from '@fovea/render';
import { type PlaneScreen, type PlaneZoom, planeScreen } from './plane-screen.js';
import { cameraScreenAxes, planeScreenAxes, type ScreenAxes } from './screen-axes.js';
import type { SeriesVolume } from './series-volume.js';
import { basePlane, crosshairOnPlane, planeAt, volumeCentre } from './volume-planes.js';
import type { VolumeOrientation } from './volume-viewport.js';

/** What of a volume view decides where things are drawn on its canvas. */
export interface PlacedView {
  readonly orientation: VolumeOrientation;
  /** mm LPS; undefined: the volume centre. */
  readonly cursor: Readonly<Vec3> | undefined;
  readonly planeZoom: PlaneZoom;
  readonly camera: OrbitCamera;
}

/** The 3D cursor, mm LPS: the view's, else the volume centre. */
export function viewCursor(view: PlacedView, series: SeriesVolume): Readonly<Vec3> {
  return view.cursor ?? volumeCentre(series.volume.geometry);
}

/** The plane a view shows (undefined in 3D or before the volume is loaded). */
export function viewPlane(view: PlacedView, series: SeriesVolume | undefined): SlicePlane | undefined {
  if (!series || view.orientation === '3d') return undefined;
  return planeAt(basePlane(series.volume.geometry, view.orientation), viewCursor(view, series));
}

/** Where the plane image lies on a canvas of `canvasSize` device pixels (the next frame puts it there). */
export function viewPlaneScreen(
  view: PlacedView,
  plane: SlicePlane,
  canvasSize: readonly [number, number],
): PlaneScreen {
  const ratio = globalThis.devicePixelRatio || 1;
  return planeScreen([plane.columns, plane.rows], canvasSize, ratio, view.planeZoom);
}

/** What the screen's directions and pixels are in the patient now. */
export function viewScreenAxes(
  view: PlacedView,
  series: SeriesVolume,
  canvasSize: readonly [number, number],
): ScreenAxes {
  const plane = viewPlane(view, series);
  if (plane) return planeScreenAxes(plane, viewPlaneScreen(view, plane, canvasSize));
  const ratio = globalThis.devicePixelRatio || 1;
  return cameraScreenAxes(series.volume.geometry, view.camera, canvasSize, ratio);
}

/** Where a patient point (mm LPS) is drawn in a view: CSS pixels from its top-left corner. */
export function viewScreenPoint(
  view: PlacedView,
  series: SeriesVolume | undefined,
  canvasSize: readonly [number, number],
  point: Readonly<Vec3>,
): [number, number] | undefined {
  if (!series) return undefined;
  const ratio = globalThis.devicePixelRatio || 1;
  if (view.orientation === '3d') {
    const p = projectToCanvas(series.volume.geometry, view.camera, canvasSize, [...point] as Vec3);
    return [p.x / ratio, p.y / ratio];
  }
  const plane = viewPlane(view, series);
  if (!plane) return undefined;
  const [column, row] = crosshairOnPlane(plane, point);
  return viewPlaneScreen(view, plane, canvasSize).toCss(column, row);
}
