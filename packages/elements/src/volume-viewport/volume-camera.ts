import type { OrbitCamera } from '@fovea/render';

/** Degrees the 3D view turns per CSS pixel of drag. */
const ORBIT_DEGREES_PER_PIXEL = 0.5;

/** Magnification limits of the 3D view (1: the volume's bounding sphere fits the canvas). */
export const MIN_CAMERA_ZOOM = 0.1;
export const MAX_CAMERA_ZOOM = 64;

/** The camera turned by a drag of (dx, dy) CSS pixels: right turns the volume right, down tilts it. */
export function orbitBy(camera: OrbitCamera, dx: number, dy: number): OrbitCamera {
  const elevation = Math.max(-90, Math.min(90, camera.elevation + dy * ORBIT_DEGREES_PER_PIXEL));
  return { ...camera, azimuth: camera.azimuth - dx * ORBIT_DEGREES_PER_PIXEL, elevation };
}

/** The camera moved so that the volume shifts by (dx, dy) canvas (device) pixels. */
export function panCamera(camera: OrbitCamera, dx: number, dy: number): OrbitCamera {
  return { ...camera, pan: [camera.pan[0] + dx, camera.pan[1] + dy] };
}

/**
 * The camera magnified by `factor` about `point` (canvas pixels from the canvas centre): what was
 * drawn there stays there, as an orthographic camera allows exactly. Clamped to the zoom limits.
 */
export function zoomCamera(
  camera: OrbitCamera,
  factor: number,
  point: readonly [number, number],
): OrbitCamera {
  if (!(Number.isFinite(factor) && factor > 0)) return camera;
  const zoom = Math.min(MAX_CAMERA_ZOOM, Math.max(MIN_CAMERA_ZOOM, camera.zoom * factor));
  const applied = zoom / camera.zoom;
  return {
    ...camera,
    zoom,
    pan: [point[0] - (point[0] - camera.pan[0]) * applied, point[1] - (point[1] - camera.pan[1]) * applied],
  };
}
