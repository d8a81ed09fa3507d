import type { Vec3 } from '@fovea/core';
import { lookupTransferTable, type TransferTable } from '../passes/volume/transfer-function.js';
import type { RaySetup } from '../passes/volume/volume-camera.js';
import { OPAQUE_ENOUGH, SHADING } from '../passes/volume/volume-render-settings.js';

/** Voxels in modality units (HU), x fastest, then y, then z, and their count along each axis. */
export interface RaycastVolume {
  voxels: Int16Array | Float32Array;
  dimensions: readonly [number, number, number];
}

/** What the CPU ray caster draws (the GPU passes take the same, see volume-pass-interface.ts). */
export type RaycastParams =
  | {
      mode: 'dvr';
      /** The baked transfer function (opacity per mm). */
      table: TransferTable;
      shading: boolean;
      /** Distance between samples along a ray, mm. */
      sampleDistance: number;
    }
  | {
      mode: 'mip';
      /** Window mapping the ray maximum to grey, modality units. */
      window: { center: number; width: number };
      sampleDistance: number;
    };

/** Ray parameter range (mm) inside the volume box, or undefined when the ray misses it. */
export function rayBox(
  origin: Vec3,
  direction: Vec3,
  dimensions: readonly number[],
): [number, number] | undefined {
  let near = Number.NEGATIVE_INFINITY;
  let far = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const o = origin[i] as number;
    const d = direction[i] as number;
    const high = (dimensions[i] as number) - 0.5;
    if (Math.abs(d) < 1e-12) {
      if (o < -0.5 || o > high) return undefined;
      continue;
    }
    const a = (-0.5 - o) / d;
    const b = (high - o) / d;
    near = Math.max(near, Math.min(a, b));
    far = Math.min(far, Math.max(a, b));
  }
  return near <= far ? [near, far] : undefined;
}

/**
 * Trilinear interpolation of the voxels at voxel position (x, y, z), positions clamped to the
 * outer voxel centres (so the half voxel at the faces repeats the face).
 */
export function trilinear(volume: RaycastVolume, x: number, y: number, z: number): number {
  const { voxels, dimensions } = volume;
  const [nx, ny, nz] = dimensions;
  const cx = Math.min(Math.max(x, 0), nx - 1);
  const cy = Math.min(Math.max(y, 0), ny - 1);
  const cz = Math.min(Math.max(z, 0), nz - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const z0 = Math.floor(cz);
  const x1 = Math.min(x0 + 1, nx - 1);
  const y1 = Math.min(y0 + 1, ny - 1);
  const z1 = Math.min(z0 + 1, nz - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const fz = cz - z0;
  const at = (i: number, j: number, k: number) => voxels[i + nx * (j + ny * k)] as number;
  const c00 = at(x0, y0, z0) + (at(x1, y0, z0) - at(x0, y0, z0)) * fx;
  const c10 = at(x0, y1, z0) + (at(x1, y1, z0) - at(x0, y1, z0)) * fx;
  const c01 = at(x0, y0, z1) + (at(x1, y0, z1) - at(x0, y0, z1)) * fx;
  const c11 = at(x0, y1, z1) + (at(x1, y1, z1) - at(x0, y1, z1)) * fx;
  const c0 = c00 + (c10 - c00) * fy;
  const c1 = c01 + (c11 - c01) * fy;
  return c0 + (c1 - c0) * fz;
}

/** Value gradient at a voxel position by central differences one voxel apart, per voxel. */
export function gradient(volume: RaycastVolume, x: number, y: number, z: number): Vec3 {
  return [
    (trilinear(volume, x + 1, y, z) - trilinear(volume, x - 1, y, z)) / 2,
    (trilinear(volume, x, y + 1, z) - trilinear(volume, x, y - 1, z)) / 2,
    (trilinear(volume, x, y, z + 1) - trilinear(volume, x, y, z - 1)) / 2,
  ];
}

/**
 * Light factor of a sample (see `SHADING`): [diffuse-and-ambient factor, specular term], or
 * [1, 0] where the gradient is too weak to define a surface.
 */
export function shadingTerms(gradientVoxel: Vec3, setup: RaySetup): [number, number] {
  const [r0, r1, r2] = setup.gradientToPatient;
  const g: Vec3 = [
    r0[0] * gradientVoxel[0] + r0[1] * gradientVoxel[1] + r0[2] * gradientVoxel[2],
    r1[0] * gradientVoxel[0] + r1[1] * gradientVoxel[1] + r1[2] * gradientVoxel[2],
    r2[0] * gradientVoxel[0] + r2[1] * gradientVoxel[1] + r2[2] * gradientVoxel[2],
  ];
  const magnitude = Math.hypot(g[0], g[1], g[2]);
  if (magnitude < SHADING.minGradient) return [1, 0];
  const v = setup.viewDirection;
  const cosine = Math.abs(g[0] * v[0] + g[1] * v[1] + g[2] * v[2]) / magnitude;
  return [SHADING.ambient + SHADING.diffuse * cosine, SHADING.specular * cosine ** SHADING.shininess];
}

/**
 * The reference ray caster: renders a volume as the GPU volume pass does, in float64, one ray per
 * canvas pixel (see {@link RaySetup}). Samples lie at t = k · sampleDistance (whole k, so sample
 * planes are parallel to the screen) inside the volume box. DVR composites front to back with
 * opacity corrected for the sample distance, α = 1 − (1 − α_mm)^(distance / 1 mm), and stops once
 * the ray is {@link OPAQUE_ENOUGH}; MIP takes the largest trilinear sample and windows it.
 * Returns RGBA bytes, top row first, on a black opaque background.
 */
export function raycastCpu(volume: RaycastVolume, setup: RaySetup, params: RaycastParams): Uint8Array {
  const [width, height] = setup.canvas;
  const out = new Uint8Array(width * height * 4);
  const rgba = new Float64Array(4);
  const step = params.sampleDistance;
  const d = setup.direction;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const o: Vec3 = [
        setup.origin[0] + i * setup.pixelX[0] + j * setup.pixelY[0],
        setup.origin[1] + i * setup.pixelX[1] + j * setup.pixelY[1],
        setup.origin[2] + i * setup.pixelX[2] + j * setup.pixelY[2],
      ];
      const range = rayBox(o, d, setup.dimensions);
      let r = 0;
      let g = 0;
      let b = 0;
      if (range) {
        const first = Math.ceil(range[0] / step);
        const last = Math.floor(range[1] / step);
        if (params.mode === 'mip') {
          let max = Number.NEGATIVE_INFINITY;
          for (let k = first; k <= last; k++) {
            const t = k * step;
            max = Math.max(max, trilinear(volume, o[0] + t * d[0], o[1] + t * d[1], o[2] + t * d[2]));
          }
          if (last >= first) {
            const { center, width: w } = params.window;
            const grey = Math.min(Math.max((max - (center - w / 2)) / w, 0), 1);
            r = grey;
            g = grey;
            b = grey;
          }
        } else {
          let alpha = 0;
          for (let k = first; k <= last && alpha < OPAQUE_ENOUGH; k++) {
            const t = k * step;
            const x = o[0] + t * d[0];
            const y = o[1] + t * d[1];
            const z = o[2] + t * d[2];
            lookupTransferTable(params.table, trilinear(volume, x, y, z), rgba);
            const opacity = rgba[3] as number;
            if (opacity <= 0) continue;
            const a = 1 - (1 - opacity) ** step;
            let [lit, specular] = [1, 0];
            if (params.shading) [lit, specular] = shadingTerms(gradient(volume, x, y, z), setup);
            const weight = (1 - alpha) * a;
            r += weight * Math.min((rgba[0] as number) * lit + specular, 1);
            g += weight * Math.min((rgba[1] as number) * lit + specular, 1);
            b += weight * Math.min((rgba[2] as number) * lit + specular, 1);
            alpha += weight;
          }
        }
      }
      const p = (j * width + i) * 4;
      out[p] = Math.round(Math.min(r, 1) * 255);
      out[p + 1] = Math.round(Math.min(g, 1) * 255);
      out[p + 2] = Math.round(Math.min(b, 1) * 255);
      out[p + 3] = 255;
    }
  }
  return out;
}
