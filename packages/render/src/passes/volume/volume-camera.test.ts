import type { Vec3 } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { RenderInputError } from '../../errors/render-input-error.js';
import {
  cameraBasis,
  DEFAULT_ORBIT_CAMERA,
  type OrbitCamera,
  projectToCanvas,
  raySetup,
  type VolumeGrid,
  volumeCentre,
  volumeDiagonal,
} from './volume-camera.js';

const close = (actual: readonly number[], expected: readonly number[], digits = 9) => {
  actual.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i] as number, digits);
  });
};

/** A sheared, anisotropic grid: rows not along an axis, slices tilted, spacing 0.7 × 0.7 × 2.5. */
const SHEARED: VolumeGrid = {
  dimensions: [40, 30, 20],
  origin: [-12, 30, -100],
  directions: [
    [Math.cos(0.3), Math.sin(0.3), 0],
    [-Math.sin(0.3), Math.cos(0.3), 0],
    [0.2, 0, Math.sqrt(1 - 0.04)],
  ],
  spacing: [0.7, 0.7, 2.5],
};

const patientToVoxel = (grid: VolumeGrid, p: Vec3): Vec3 => {
  // Solve origin + Σ v_i · spacing_i · dir_i = p by Cramer's rule.
  const c = grid.directions.map((d, i) => d.map((x) => x * (grid.spacing[i] as number))) as Vec3[];
  const r: Vec3 = [p[0] - grid.origin[0], p[1] - grid.origin[1], p[2] - grid.origin[2]];
  const det = (a: Vec3, b: Vec3, d: Vec3) =>
    a[0] * (b[1] * d[2] - b[2] * d[1]) -
    b[0] * (a[1] * d[2] - a[2] * d[1]) +
    d[0] * (a[1] * b[2] - a[2] * b[1]);
  const [c0, c1, c2] = c as [Vec3, Vec3, Vec3];
  const all = det(c0, c1, c2);
  return [det(r, c1, c2) / all, det(c0, r, c2) / all, det(c0, c1, r) / all];
};

describe('orbit camera', () => {
  it('looks from anterior with the head up and the patient’s left on the right by default', () => {
    const { forward, up, right } = cameraBasis(DEFAULT_ORBIT_CAMERA);
    close(forward, [0, 1, 0]);
    close(up, [0, 0, 1]);
    close(right, [1, 0, 0]);
  });

  it('orbits to the patient’s left at azimuth 90° and above the head at elevation 90°', () => {
    close(cameraBasis({ ...DEFAULT_ORBIT_CAMERA, azimuth: 90 }).forward, [-1, 0, 0]);
    close(cameraBasis({ ...DEFAULT_ORBIT_CAMERA, azimuth: 90 }).right, [0, 1, 0]);
    const top = cameraBasis({ ...DEFAULT_ORBIT_CAMERA, elevation: 90 });
    close(top.forward, [0, 0, -1]);
    close(top.up, [0, 1, 0]);
  });

  it('finds the centre and the diagonal of an axis-aligned grid', () => {
    const grid: VolumeGrid = {
      dimensions: [10, 20, 5],
      origin: [0, 0, 0],
      directions: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      spacing: [1, 0.5, 2],
    };
    close(volumeCentre(grid), [4.5, 4.75, 4]);
    expect(volumeDiagonal(grid)).toBeCloseTo(Math.hypot(10, 10, 10), 9);
  });

  it('sends the ray of the pixel a point projects to through that point, on a sheared grid', () => {
    const cameras: OrbitCamera[] = [
      DEFAULT_ORBIT_CAMERA,
      { azimuth: 37, elevation: -20, zoom: 1.7, pan: [12, -5] },
      { azimuth: -120, elevation: 80, zoom: 0.6, pan: [0, 3] },
    ];
    const canvas = [64, 48] as const;
    const point: Vec3 = [-5, 35, -80];
    for (const camera of cameras) {
      const setup = raySetup(SHEARED, camera, canvas);
      const { x, y, depth } = projectToCanvas(SHEARED, camera, canvas, point);
      // Pixel centres are at i + 0.5: the ray at continuous canvas (x, y) starts here.
      const start = [0, 1, 2].map(
        (i) =>
          (setup.origin[i] as number) +
          (x - 0.5) * (setup.pixelX[i] as number) +
          (y - 0.5) * (setup.pixelY[i] as number) +
          depth * (setup.direction[i] as number),
      );
      close(start, patientToVoxel(SHEARED, point), 6);
    }
  });

  it('fits the diagonal to the shorter canvas side at zoom 1', () => {
    const setup = raySetup(SHEARED, DEFAULT_ORBIT_CAMERA, [200, 100]);
    expect(setup.pixelSize * 100).toBeCloseTo(volumeDiagonal(SHEARED), 9);
    // One mm along the view direction, in voxel steps, is one mm long in patient space.
    const c = SHEARED.directions.map((d, i) => d.map((x) => x * (SHEARED.spacing[i] as number)));
    const mm = [0, 1, 2].map((k) =>
      c.reduce((sum, col, i) => sum + (col[k] as number) * (setup.direction[i] as number), 0),
    );
    close(mm, setup.viewDirection);
    expect(Math.hypot(...mm)).toBeCloseTo(1, 9);
  });

  it('refuses non-finite angles, elevation beyond ±90° and a zero zoom', () => {
    for (const bad of [
      { azimuth: Number.NaN },
      { elevation: 91 },
      { zoom: 0 },
      { pan: [0, Number.POSITIVE_INFINITY] as const },
    ]) {
      expect(() => raySetup(SHEARED, { ...DEFAULT_ORBIT_CAMERA, ...bad }, [8, 8])).toThrow(RenderInputError);
    }
  });
});
