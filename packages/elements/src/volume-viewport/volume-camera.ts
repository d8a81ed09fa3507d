import type { OrbitCamera } from '@fovea/render';

/** Degrees the 3D view turns per CSS pixel of drag. */
const ORBIT_DEGREES_PER_PIXEL = 0.5;

/** The camera turned by a drag of (dx, dy) CSS pixels: right turns the volume right, down tilts it. */
export function orbitBy(camera: OrbitCamera, dx: number, dy: number): OrbitCamera {
  const elevation = Math.max(-90, Math.min(90, camera.elevation + dy * ORBIT_DEGREES_PER_PIXEL));
  return { ...camera, azimuth: camera.azimuth - dx * ORBIT_DEGREES_PER_PIXEL, elevation };
}
