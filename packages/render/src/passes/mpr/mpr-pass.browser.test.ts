import {
  planeThrough,
  type SlabOptions,
  type SlicePlane,
  type Vec3,
  VIEW_DIRECTIONS,
  type Volume,
  voxelToPatient,
} from '@fovea/core';
import { describe, expect, it } from 'vitest';
import type { RenderVolume } from '../../client/render-volume.js';
import type { BackendKind } from '../../gpu/backend.js';
import type { VoiTransform } from '../../lut/voi.js';
import { compareFrames } from '../../test-support/compare-frames.js';
import { randomVolume } from '../../test-support/test-volumes.js';
import type { SliceView } from '../../view/slice-view.js';
import { renderVolumeData } from '../../volume/from-core-volume.js';
import { NEUTRAL_VIEW, renderPlaneCpu, usePassViewport } from '../pass-viewport.test-support.js';

const OBLIQUE = { row: [0.9, 0.35, 0.2] as Vec3, column: [-0.25, 0.8, -0.5] as Vec3 };
const ORIENTATIONS = { ...VIEW_DIRECTIONS, oblique: OBLIQUE };
const SLABS: (SlabOptions | undefined)[] = [
  undefined,
  { thickness: 6, mode: 'max' },
  { thickness: 6, mode: 'min' },
  { thickness: 6, mode: 'mean' },
];

/** The CPU reference: core's reslice/slab (WASM), then the slice renderer on its float image. */
function cpuPlane(
  volume: Volume,
  plane: SlicePlane,
  slab: SlabOptions | undefined,
  interpolation: 'trilinear' | 'nearest',
  fill: number,
  view: Partial<SliceView>,
): Uint8Array {
  const image = volume.slab(plane, slab ?? { thickness: 0, mode: 'max' }, { interpolation, fill });
  return renderPlaneCpu(plane, image.pixels, { ...NEUTRAL_VIEW, ...view });
}

describe.each<BackendKind>(['webgpu', 'webgl2'])('MPR pass on %s, in the render worker', (backend) => {
  const suite = usePassViewport(backend, { canvas: 'document' });

  async function expectPlaneMatches(
    volume: Volume,
    gpuVolume: RenderVolume,
    plane: SlicePlane,
    slab: SlabOptions | undefined,
    interpolation: 'trilinear' | 'nearest',
    voi: VoiTransform,
    label: string,
  ) {
    const fill = -1500;
    await suite.viewport.resize(plane.columns, plane.rows);
    await suite.viewport.setVolume(gpuVolume, { plane, slab, interpolation, fill });
    await suite.viewport.setView({ ...NEUTRAL_VIEW, voi });
    const gpu = await suite.viewport.readPixels();
    const cpu = cpuPlane(volume, plane, slab, interpolation, fill, { voi });
    const difference = compareFrames(gpu, cpu, plane.columns);
    expect(difference.maxDelta, `${backend} ${label}: ${JSON.stringify(difference)}`).toBeLessThanOrEqual(1);
    // Off-by-one levels only where f32 rounding straddles a level boundary: a few pixels at most.
    expect(difference.count, `${backend} ${label}`).toBeLessThanOrEqual(
      Math.ceil(plane.columns * plane.rows * 0.01),
    );
    return difference;
  }

  it.each([
    ['int16', { slope: 1, intercept: 0 }],
    ['float32', { slope: 1, intercept: 0.25 }],
  ] as const)(
    'equals the CPU reslice of a random %s volume on every orientation and slab mode',
    async (_, rescale) => {
      const volume = await randomVolume({
        dimensions: [23, 19, 13],
        pixelSpacing: [0.9, 0.8],
        sliceSpacing: 1.7,
        orientation: [0.96, 0.28, 0, -0.28, 0.96, 0],
        range: [-1200, 1800],
        ...rescale,
        seed: 11,
      });
      try {
        const gpuVolume = await suite.device.createVolume(renderVolumeData(volume));
        const centre = voxelToPatient(volume.geometry, [10.3, 8.6, 6.2]);
        for (const [name, directions] of Object.entries(ORIENTATIONS)) {
          const plane = planeThrough(volume.geometry, directions, centre, 0.7);
          for (const slab of SLABS) {
            for (const interpolation of ['trilinear', 'nearest'] as const) {
              await expectPlaneMatches(
                volume,
                gpuVolume,
                plane,
                slab,
                interpolation,
                { kind: 'window', center: 300, width: 2400 },
                `${name} ${slab?.mode ?? 'plane'} ${interpolation}`,
              );
            }
          }
        }
        gpuVolume.dispose();
      } finally {
        volume.dispose();
      }
    },
  );

  it('draws at half resolution with slab samples twice as far apart while interacting, in full once still', async () => {
    const volume = await randomVolume({ dimensions: [21, 18, 16], range: [-1000, 1000], seed: 12 });
    try {
      const gpuVolume = await suite.device.createVolume(renderVolumeData(volume));
      const through = planeThrough(
        volume.geometry,
        VIEW_DIRECTIONS.axial,
        voxelToPatient(volume.geometry, [10, 9, 7.5]),
      );
      // Even sizes, so that every reduced pixel covers 2 × 2 canvas pixels.
      const plane = { ...through, columns: through.columns & ~1, rows: through.rows & ~1 };
      const slab: SlabOptions = { thickness: 8, mode: 'max' };
      const voi: VoiTransform = { kind: 'window', center: 0, width: 2000 };
      // The reduced frame: the plane sampled at every other pixel (centres between pixels 2i and
      // 2i + 1), with the coarse slab, each of its pixels shown on 2 × 2 canvas pixels.
      const [sr, sc] = plane.pixelSpacing;
      const half = {
        ...plane,
        origin: plane.origin.map(
          (o, k) =>
            o +
            0.5 * sc * (plane.rowDirection[k] as number) +
            0.5 * sr * (plane.columnDirection[k] as number),
        ) as Vec3,
        columns: plane.columns / 2,
        rows: plane.rows / 2,
        pixelSpacing: [2 * sr, 2 * sc] as [number, number],
      };
      const low = cpuPlane(volume, half, { ...slab, sampleSpacing: 2 }, 'trilinear', -1500, { voi });
      const coarse = new Uint8Array(plane.columns * plane.rows * 4);
      for (let y = 0; y < plane.rows; y++) {
        for (let x = 0; x < plane.columns; x++) {
          const from = ((y >> 1) * half.columns + (x >> 1)) * 4;
          coarse.set(low.subarray(from, from + 4), (y * plane.columns + x) * 4);
        }
      }
      const full = cpuPlane(volume, plane, slab, 'trilinear', -1500, { voi });
      expect(coarse).not.toEqual(full);
      await suite.viewport.resize(plane.columns, plane.rows);
      await suite.viewport.setVolume(gpuVolume, { plane, slab, fill: -1500, interacting: true });
      await suite.viewport.setView({ ...NEUTRAL_VIEW, voi });
      const interacting = compareFrames(await suite.viewport.readPixels(), coarse, plane.columns);
      expect(interacting.maxDelta, JSON.stringify(interacting)).toBeLessThanOrEqual(1);
      await suite.viewport.setPlane({ interacting: false });
      expect(
        compareFrames(await suite.viewport.readPixels(), full, plane.columns).maxDelta,
      ).toBeLessThanOrEqual(1);
      gpuVolume.dispose();
    } finally {
      volume.dispose();
    }
  });
});
