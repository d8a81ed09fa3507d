import type { Vec3 } from '@fovea/core';
import { type OrbitCamera, projectToCanvas, type VolumeGrid, volumeDiagonal } from '../volume-camera.js';

/** Brightness (mean of r, g, b, 0…255) around where a sphere projects, and in a ring outside it. */
export interface LesionBrightness {
  /** Canvas position of the sphere centre. */
  at: readonly [number, number];
  /** Mean brightness of the pixels whose centres lie within half the radius of `at`. */
  inside: number;
  /** Mean brightness of the pixels between 2 and 3 radii from `at`. */
  around: number;
}

/** Measures a rendering where geometry says a sphere of `radiusMm` at `centre` (mm, LPS) appears. */
export function lesionBrightness(
  rgba: Uint8Array,
  size: readonly [number, number],
  grid: VolumeGrid,
  camera: OrbitCamera,
  centre: Vec3,
  radiusMm: number,
): LesionBrightness {
  const { x, y } = projectToCanvas(grid, camera, size, centre);
  const radius = radiusMm / (volumeDiagonal(grid) / (camera.zoom * Math.min(size[0], size[1])));
  const inside: number[] = [];
  const around: number[] = [];
  for (let j = 0; j < size[1]; j++) {
    for (let i = 0; i < size[0]; i++) {
      const distance = Math.hypot(i + 0.5 - x, j + 0.5 - y);
      const p = (j * size[0] + i) * 4;
      const value = ((rgba[p] as number) + (rgba[p + 1] as number) + (rgba[p + 2] as number)) / 3;
      if (distance <= radius / 2) inside.push(value);
      else if (distance >= 2 * radius && distance <= 3 * radius) around.push(value);
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
  return { at: [x, y], inside: mean(inside), around: mean(around) };
}
