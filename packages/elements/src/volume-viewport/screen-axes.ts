import type { SlicePlane, Vec3, VolumeGeometry } from '@fovea/core';
import { type OrbitCamera, projectToCanvas } from '@fovea/render';
import type { OrientationMarkers, PatientDirection } from '../overlays/orientation-markers.js';
import { orientationLetters } from '../overlays/orientation-markers.js';
import type { PlaneScreen } from './plane-screen.js';

/**
 * What a view's screen means in the patient: where the screen's right and down point (unit
 * vectors, LPS) and how many mm one CSS pixel spans across the screen. Exact for planes (their
 * pixel spacing is the volume's) and for the 3D view's orthographic camera (every depth has the
 * same scale), so both get orientation letters and a scale bar.
 */
export interface ScreenAxes {
  right: PatientDirection;
  down: PatientDirection;
  /** mm per CSS pixel along the screen's horizontal. */
  mmPerCssPixel: number;
}

/** The screen axes of a plane image placed by `screen` (no rotation or flips: rows run right). */
export function planeScreenAxes(plane: SlicePlane, screen: PlaneScreen): ScreenAxes {
  return {
    right: plane.rowDirection,
    down: plane.columnDirection,
    // (0028,0030) order: [between rows, between columns]; across the screen is along a row.
    mmPerCssPixel: plane.pixelSpacing[1] / screen.cssZoom,
  };
}

/**
 * The screen axes of the 3D view, from the camera's own projection: the canvas displacement of
 * each patient axis's unit vector is (right·eᵢ, −up·eᵢ) / s for s mm per canvas pixel, so
 * Σ|Δpᵢ|² = 2 / s² (right and up are unit vectors) and the directions follow from Δpᵢ · s.
 */
export function cameraScreenAxes(
  geometry: VolumeGeometry,
  camera: OrbitCamera,
  canvas: readonly [number, number],
  ratio: number,
): ScreenAxes {
  const at = (point: Vec3) => projectToCanvas(geometry, camera, canvas, point);
  const origin = at([0, 0, 0]);
  const steps = ([0, 1, 2] as const).map((axis) => {
    const unit: Vec3 = [0, 0, 0];
    unit[axis] = 1;
    const p = at(unit);
    return [p.x - origin.x, p.y - origin.y] as const;
  });
  const squares = steps.reduce((sum, [dx, dy]) => sum + dx * dx + dy * dy, 0);
  const mmPerCanvasPixel = Math.sqrt(2 / squares);
  const right = steps.map(([dx]) => dx * mmPerCanvasPixel) as unknown as PatientDirection;
  const down = steps.map(([, dy]) => dy * mmPerCanvasPixel) as unknown as PatientDirection;
  return { right, down, mmPerCssPixel: mmPerCanvasPixel * ratio };
}

/** The letters at each edge of the view for its screen axes. */
export function screenMarkers(axes: ScreenAxes): OrientationMarkers {
  const negate = (v: PatientDirection): PatientDirection => [-v[0], -v[1], -v[2]];
  return {
    top: orientationLetters(negate(axes.down)),
    right: orientationLetters(axes.right),
    bottom: orientationLetters(axes.down),
    left: orientationLetters(negate(axes.right)),
  };
}
