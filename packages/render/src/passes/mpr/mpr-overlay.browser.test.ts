/**
 * Overlays for segmentations and AI results: label maps (integer labels sampled nearest, per-label
 * colour and opacity) and heatmaps (float values through a window and colour map, blended with an
 * opacity, level 0 transparent), over a volume plane and over a stack slice. Compared with a CPU
 * composite of core's reslices and the slice reference.
 */
import { planeThrough, type SlicePlane, type Volume, voxelToPatient } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { blendOverCpu, greyLayerCpu, labelLayerCpu } from '../../cpu/composite-layer-cpu.js';
import { renderSliceCpu } from '../../cpu/render-slice-cpu.js';
import type { BackendKind } from '../../gpu/backend.js';
import type { VoiTransform } from '../../lut/voi.js';
import { compareFrames } from '../../test-support/compare-frames.js';
import { random, randomIntegerImage } from '../../test-support/test-images.js';
import { randomVolume } from '../../test-support/test-volumes.js';
import type { LabelStyle } from '../../view/plane-view.js';
import { renderVolumeData } from '../../volume/from-core-volume.js';
import { renderPlaneCpu, usePassViewport } from '../pass-viewport.test-support.js';

const LABELS: LabelStyle[] = [
  { label: 1, colour: [255, 0, 0], opacity: 0.5 },
  { label: 2, colour: [0, 200, 40], opacity: 0.8 },
  { label: 3, colour: [30, 60, 255], opacity: 1 },
  // Label 4 occurs but is not listed: transparent.
];
const HEAT_VOI: VoiTransform = { kind: 'window', center: 0.5, width: 1 };
const BASE_VOI: VoiTransform = { kind: 'window', center: 0, width: 1800 };

describe.each<BackendKind>(['webgpu', 'webgl2'])('overlays on %s', (backend) => {
  const suite = usePassViewport(backend);

  it('draws a label map and a heatmap over an oblique plane, as the CPU composite does', async () => {
    const ct = await randomVolume({
      dimensions: [24, 20, 12],
      sliceSpacing: 1.3,
      range: [-900, 900],
      seed: 31,
    });
    // Labels 0…4 on a coarser, shifted grid (stored in int16 for core's reslice, uint8 on the GPU).
    const labels = await randomVolume({
      dimensions: [12, 10, 7],
      pixelSpacing: [2, 2],
      sliceSpacing: 2.2,
      range: [0, 4],
      seed: 32,
    });
    // Heatmap values −0.2 … 1.2 (float32: slope 0.001).
    const heat = await randomVolume({
      dimensions: [8, 7, 5],
      pixelSpacing: [3, 3],
      sliceSpacing: 3,
      range: [-200, 1200],
      slope: 0.001,
      seed: 33,
    });
    try {
      const base = await suite.device.createVolume(renderVolumeData(ct));
      const labelData = renderVolumeData(labels);
      const labelVolume = await suite.device.createVolume({
        ...labelData,
        voxels: Uint8Array.from(labelData.voxels),
      });
      const heatVolume = await suite.device.createVolume(renderVolumeData(heat));
      const plane: SlicePlane = planeThrough(
        ct.geometry,
        { row: [0.95, 0.2, 0.2], column: [-0.2, 0.97, -0.1] },
        voxelToPatient(ct.geometry, [11.5, 9.3, 5.6]),
        0.8,
      );
      await suite.viewport.resize(plane.columns, plane.rows);
      await suite.viewport.setVolume(base, { plane, fill: -1000 });
      await suite.viewport.setView({ voi: BASE_VOI });
      for (const colormap of ['hot-iron', 'rainbow'] as const) {
        await suite.viewport.setOverlays([
          { kind: 'heatmap', volume: heatVolume, opacity: 0.45, colormap, voi: HEAT_VOI },
          { kind: 'labelmap', volume: labelVolume, labels: LABELS },
        ]);
        const gpu = await suite.viewport.readPixels();
        const flat = { thickness: 0, mode: 'max' as const };
        const frame = renderPlaneCpu(plane, ct.slab(plane, flat, { fill: -1000 }).pixels, { voi: BASE_VOI });
        const heatValues = heat.slab(plane, flat, { fill: Number.NaN }).pixels;
        blendOverCpu(
          frame,
          greyLayerCpu(heatValues, { voi: HEAT_VOI, colormap, opacity: 0.45, minLevel: 1 }),
        );
        const labelValues = labels.slab(plane, flat, { fill: Number.NaN, interpolation: 'nearest' }).pixels;
        blendOverCpu(frame, labelLayerCpu(labelValues, LABELS));
        const difference = compareFrames(gpu, frame, plane.columns);
        expect(difference.maxDelta, `${colormap} ${JSON.stringify(difference)}`).toBeLessThanOrEqual(1);
        // Every label occurs, and the heatmap is transparent somewhere (level 0) and drawn elsewhere.
        for (const label of [0, 1, 2, 3, 4]) expect(labelValues.includes(label)).toBe(true);
        expect(heatValues.some((v) => v <= 0)).toBe(true);
        expect(heatValues.some((v) => v > 0.6)).toBe(true);
      }
      // Every layer (base, heatmap, label map) is rebuilt from the worker's copies after a device loss.
      const before = await suite.viewport.readPixels();
      await suite.device.simulateDeviceLoss();
      expect(await suite.viewport.readPixels()).toEqual(before);
      await suite.viewport.setOverlays([]);
      for (const volume of [base, labelVolume, heatVolume]) volume.dispose();
    } finally {
      for (const volume of [ct, labels, heat] as Volume[]) volume.dispose();
    }
  });

  it('draws label maps and heatmaps over a stack slice, voxel (x, y, slot) on pixel (x, y)', async () => {
    const [columns, rows] = [37, 29];
    const image = randomIntegerImage(Int16Array, columns, rows, 34);
    const next = random(35);
    const labelVoxels = Uint8Array.from({ length: columns * rows * 3 }, () => Math.floor(next() * 5));
    const heatVoxels = Float32Array.from({ length: columns * rows }, () => next() * 1.4 - 0.2);
    const geometry = (slots: number) => ({
      dimensions: [columns, rows, slots] as [number, number, number],
      origin: [0, 0, 0] as [number, number, number],
      directions: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ] as [[number, number, number], [number, number, number], [number, number, number]],
      spacing: [1, 1, 1] as [number, number, number],
    });
    const labelVolume = await suite.device.createVolume(
      { geometry: geometry(3), voxels: labelVoxels },
      { copy: true },
    );
    const heatVolume = await suite.device.createVolume(
      { geometry: geometry(1), voxels: heatVoxels },
      { copy: true },
    );
    await suite.viewport.resize(columns, rows);
    await suite.viewport.setImage({ ...image, pixels: image.pixels.slice() });
    await suite.viewport.setView({ voi: BASE_VOI });
    await suite.viewport.setOverlays([
      {
        kind: 'heatmap',
        volume: heatVolume,
        opacity: 0.7,
        colormap: 'hot-iron',
        voi: HEAT_VOI,
        interpolation: 'nearest',
      },
      { kind: 'labelmap', volume: labelVolume, labels: LABELS, slot: 2 },
    ]);
    const gpu = await suite.viewport.readPixels();
    const frame = renderSliceCpu(image, { voi: BASE_VOI }, [columns, rows]);
    blendOverCpu(
      frame,
      greyLayerCpu(heatVoxels, { voi: HEAT_VOI, colormap: 'hot-iron', opacity: 0.7, minLevel: 1 }),
    );
    const slot2 = Float32Array.from(labelVoxels.subarray(2 * columns * rows));
    blendOverCpu(frame, labelLayerCpu(slot2, LABELS));
    const difference = compareFrames(gpu, frame, columns);
    expect(difference.maxDelta, JSON.stringify(difference)).toBeLessThanOrEqual(1);
    await expect(
      suite.viewport.setOverlays([
        { kind: 'labelmap', volume: labelVolume, labels: [{ label: 1, colour: [0, 0, 0], opacity: 2 }] },
      ]),
    ).rejects.toMatchObject({ code: 'RENDER_INVALID_VIEW' });
    await suite.viewport.setOverlays([]);
    labelVolume.dispose();
    heatVolume.dispose();
  });
});
