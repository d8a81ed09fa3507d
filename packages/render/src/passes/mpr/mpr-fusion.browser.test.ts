/**
 * Fusion: a second volume (PET) drawn over the first (CT) on the same plane, through its own
 * window and colour map, blended with an opacity. Compared with a CPU composite: core's reslice
 * of each volume (NaN where the PET has no sample), the reference grey levels, hot iron, and
 * `colour·α + below·(1 − α)`.
 */
import {
  patientToPlanePixel,
  planeThrough,
  type SlabOptions,
  type SlicePlane,
  VIEW_DIRECTIONS,
  type Volume,
  voxelToPatient,
} from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { blendOverCpu, greyLayerCpu } from '../../cpu/composite-layer-cpu.js';
import type { BackendKind } from '../../gpu/backend.js';
import type { ColormapName } from '../../lut/colormaps.js';
import type { VoiTransform } from '../../lut/voi.js';
import { compareFrames } from '../../test-support/compare-frames.js';
import { phantomSeries, phantomVolume } from '../../test-support/phantom-volumes.js';
import { randomVolume } from '../../test-support/test-volumes.js';
import { renderVolumeData } from '../../volume/from-core-volume.js';
import { renderPlaneCpu, usePassViewport } from '../pass-viewport.test-support.js';

interface Fused {
  voi: VoiTransform;
  colormap: ColormapName;
  opacity: number;
}

/** CT rendered by the slice reference, PET blended over it by the CPU composite. */
function cpuFusion(
  base: Volume,
  baseVoi: VoiTransform,
  fused: Volume,
  layer: Fused,
  plane: SlicePlane,
  slab: SlabOptions | undefined,
  fill: number,
): Uint8Array {
  const flat = slab ?? { thickness: 0, mode: 'max' as const };
  const ct = base.slab(plane, flat, { fill });
  const frame = renderPlaneCpu(plane, ct.pixels, { voi: baseVoi });
  const pet = fused.slab(plane, flat, { fill: Number.NaN });
  return blendOverCpu(frame, greyLayerCpu(pet.pixels, { ...layer, minLevel: 0 }));
}

describe.each<BackendKind>(['webgpu', 'webgl2'])('fusion on %s', (backend) => {
  const suite = usePassViewport(backend);

  it('blends a coarser, partly overlapping float volume over an int16 one, on oblique planes and slabs', async () => {
    const ct = await randomVolume({
      dimensions: [26, 22, 14],
      sliceSpacing: 1.2,
      range: [-900, 900],
      seed: 21,
    });
    const pet = await randomVolume({
      dimensions: [7, 6, 5],
      pixelSpacing: [3.1, 2.9],
      sliceSpacing: 3.3,
      orientation: [0.98, 0.2, 0, -0.2, 0.98, 0],
      range: [0, 4000],
      slope: 2.5,
      intercept: 0,
      seed: 22,
    });
    try {
      const base = await suite.device.createVolume(renderVolumeData(ct));
      const over = await suite.device.createVolume(renderVolumeData(pet));
      const baseVoi: VoiTransform = { kind: 'window', center: 0, width: 1800 };
      const layer: Fused = {
        voi: { kind: 'window', center: 5000, width: 10000 },
        colormap: 'hot-iron',
        opacity: 0.6,
      };
      const centre = voxelToPatient(ct.geometry, [12.5, 10.2, 6.7]);
      const directions = [
        VIEW_DIRECTIONS.axial,
        VIEW_DIRECTIONS.coronal,
        { row: [0.9, 0.3, 0.3], column: [-0.3, 0.9, 0.1] },
      ];
      for (const [d, slab] of [
        [0],
        [1],
        [2],
        [2, { thickness: 4, mode: 'mean' }],
        [0, { thickness: 5, mode: 'max' }],
      ] as const) {
        const plane = planeThrough(ct.geometry, directions[d] as never, centre, 0.8);
        await suite.viewport.resize(plane.columns, plane.rows);
        await suite.viewport.setVolume(base, { plane, slab, fill: -1000 });
        await suite.viewport.setView({ voi: baseVoi });
        await suite.viewport.setFusion({ volume: over, ...layer });
        const gpu = await suite.viewport.readPixels();
        const cpu = cpuFusion(ct, baseVoi, pet, layer, plane, slab, -1000);
        const difference = compareFrames(gpu, cpu, plane.columns);
        expect(difference.maxDelta, `${d} ${JSON.stringify(difference)}`).toBeLessThanOrEqual(1);
        // The PET covers part of the plane: some pixels are fused, some are CT alone.
        const petValues = pet.slab(plane, slab ?? { thickness: 0, mode: 'max' }, { fill: Number.NaN }).pixels;
        const covered = petValues.filter((v) => !Number.isNaN(v)).length;
        expect(covered).toBeGreaterThan(0);
        expect(covered).toBeLessThan(petValues.length);
      }
      await suite.viewport.setFusion(undefined);
      base.dispose();
      over.dispose();
    } finally {
      ct.dispose();
      pet.dispose();
    }
  });

  it('shows the PET phantom lesion hot over the CT phantom lesion', async () => {
    const [ctSeries, petSeries] = await Promise.all([phantomSeries('ct'), phantomSeries('pet')]);
    const lesionSlice = ctSeries.facts.lesion.voxel.instanceNumber;
    const ct = await phantomVolume(ctSeries, {
      first: lesionSlice - 6,
      last: lesionSlice + 6,
      background: -1024,
    });
    const pet = await phantomVolume(petSeries);
    try {
      const base = await suite.device.createVolume(renderVolumeData(ct));
      const over = await suite.device.createVolume(renderVolumeData(pet));
      const lesion = ctSeries.facts.lesion.centerLps;
      const plane = planeThrough(ct.geometry, VIEW_DIRECTIONS.axial, lesion);
      const baseVoi: VoiTransform = { kind: 'window', center: 40, width: 400 };
      const layer: Fused = {
        voi: { kind: 'window', center: 15000, width: 30000 },
        colormap: 'hot-iron',
        opacity: 0.5,
      };
      await suite.viewport.resize(plane.columns, plane.rows);
      await suite.viewport.setVolume(base, { plane, fill: -1024 });
      await suite.viewport.setView({ voi: baseVoi });
      await suite.viewport.setFusion({ volume: over, ...layer });
      const gpu = await suite.viewport.readPixels();
      const difference = compareFrames(
        gpu,
        cpuFusion(ct, baseVoi, pet, layer, plane, undefined, -1024),
        plane.columns,
      );
      expect(difference.maxDelta, JSON.stringify(difference)).toBeLessThanOrEqual(1);
      const [column, row] = patientToPlanePixel(plane, lesion).map(Math.round) as [number, number];
      const at = (x: number) =>
        Array.from(gpu.subarray((row * plane.columns + x) * 4, (row * plane.columns + x) * 4 + 3));
      const away = Math.round(15 / plane.pixelSpacing[1]);
      const [r, g, b] = at(column) as [number, number, number];
      const [r2] = at(column + away) as [number, number, number];
      // Hot: more red than green and blue, and much redder than 15 mm away.
      expect(r).toBeGreaterThan(g);
      expect(r).toBeGreaterThan(b);
      expect(r - (r2 as number)).toBeGreaterThan(40);
      base.dispose();
      over.dispose();
    } finally {
      ct.dispose();
      pet.dispose();
    }
  }, 120_000);
});
