import type { OrbitCamera } from '@fovea/render';
import { FoveaViewChangeEvent } from '../events/view-change-event.js';
import { type PlaneZoom, panPlane, zoomPlane } from './plane-screen.js';
import { panCamera, zoomCamera } from './volume-camera.js';

/** What zooming and panning change of a volume view: the 3D camera, or the plane's zoom and pan. */
export interface NavigatedView {
  readonly orientation: string;
  readonly camera: OrbitCamera;
  readonly planeZoom: PlaneZoom;
  readonly shownWindow: { center: number; width: number };
}

/**
 * The view magnified by `factor` about `point` (CSS pixels from its centre): the 3D camera
 * (canvas pixels, so scaled by the device pixel ratio), or the plane image's zoom.
 */
export function zoomedView(
  view: NavigatedView,
  factor: number,
  point: readonly [number, number],
): Partial<Pick<NavigatedView, 'camera' | 'planeZoom'>> {
  const ratio = globalThis.devicePixelRatio || 1;
  if (view.orientation === '3d')
    return { camera: zoomCamera(view.camera, factor, [point[0] * ratio, point[1] * ratio]) };
  return { planeZoom: zoomPlane(view.planeZoom, factor, point) };
}

/** The view moved by (dx, dy) CSS pixels: the 3D rendering, or the plane image. */
export function pannedView(
  view: NavigatedView,
  dx: number,
  dy: number,
): Partial<Pick<NavigatedView, 'camera' | 'planeZoom'>> {
  const ratio = globalThis.devicePixelRatio || 1;
  if (view.orientation === '3d') return { camera: panCamera(view.camera, dx * ratio, dy * ratio) };
  return { planeZoom: panPlane(view.planeZoom, dx, dy) };
}

/** Tells the host what is shown changed: the window, and the plane's zoom and pan. */
export function viewChangeEvent(view: NavigatedView): FoveaViewChangeEvent {
  return new FoveaViewChangeEvent(0, view.shownWindow, {
    ...view.planeZoom,
    rotation: 0,
    flipHorizontal: false,
    flipVertical: false,
  });
}
