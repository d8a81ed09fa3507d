import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderDevice } from '../../client/render-device.js';
import type { RenderViewport } from '../../client/render-viewport.js';
import type { RenderVolume } from '../../client/render-volume.js';
import { raycastCpu } from '../../cpu/raycast-cpu.js';
import { RenderInputError } from '../../errors/render-input-error.js';
import type { BackendKind } from '../../gpu/backend.js';
import { frameDifference, syntheticCtVolume } from './test-support/synthetic-volume.js';
import { bakeTransferFunction } from './transfer-function.js';
import { TRANSFER_PRESETS } from './transfer-presets.js';
import { type OrbitCamera, raySetup } from './volume-camera.js';
import { sampleDistance } from './volume-render-settings.js';

const SIZE = [48, 40] as const;

describe.each<BackendKind>(['webgpu', 'webgl2'])(
  'volume rendering in a viewport of the render worker, %s',
  (kind) => {
    let device: RenderDevice;
    let viewport: RenderViewport;
    let volume: RenderVolume;
    const { volume: cpuVolume, grid } = syntheticCtVolume();
    const bone = bakeTransferFunction(TRANSFER_PRESETS['ct-bone']);

    /** The CPU ray caster's frame for a bone-preset, shaded view. */
    const cpuFrame = (camera: OrbitCamera, interacting: boolean) =>
      raycastCpu(cpuVolume, raySetup(grid, camera, SIZE), {
        mode: 'dvr',
        table: bone,
        shading: true,
        sampleDistance: sampleDistance(grid.spacing, interacting),
      });

    beforeAll(async () => {
      device = await RenderDevice.create({ backends: [kind] });
      viewport = await device.createViewport(new OffscreenCanvas(SIZE[0], SIZE[1]));
      await viewport.resize(SIZE[0], SIZE[1]);
      volume = await device.createVolume({ geometry: grid, voxels: cpuVolume.voxels }, { copy: true });
    });

    afterAll(() => {
      device?.dispose();
    });

    it('draws what the CPU ray caster draws, and orbits by merging camera fields', async () => {
      const camera: OrbitCamera = { azimuth: 25, elevation: 10, zoom: 1.2, pan: [0, 0] };
      await viewport.setVolumeRendering(volume, {
        camera,
        transferFunction: TRANSFER_PRESETS['ct-bone'],
        shading: true,
      });
      let difference = frameDifference(await viewport.readPixels(), cpuFrame(camera, false), 1);
      expect(difference, JSON.stringify(difference)).toMatchObject({ over: 0 });
      await viewport.setVolumeRendering(volume, { camera: { azimuth: 115 } });
      difference = frameDifference(
        await viewport.readPixels(),
        cpuFrame({ ...camera, azimuth: 115 }, false),
        1,
      );
      expect(difference, JSON.stringify(difference)).toMatchObject({ over: 0 });
    });

    it('draws with longer steps while interacting and at full quality once still again', async () => {
      const camera: OrbitCamera = { azimuth: -40, elevation: 25, zoom: 1.1, pan: [0, 0] };
      await viewport.setVolumeRendering(volume, { camera, interacting: true });
      const coarse = await viewport.readPixels();
      await viewport.setVolumeRendering(volume, { interacting: false });
      const full = await viewport.readPixels();
      expect(frameDifference(coarse, cpuFrame(camera, true), 1).over).toBe(0);
      expect(frameDifference(full, cpuFrame(camera, false), 1).over).toBe(0);
      // The two qualities are visibly different frames of the same view.
      expect(frameDifference(coarse, full, 2).over).toBeGreaterThan(0);
    });

    it('switches to MIP and redraws the same after a device loss', async () => {
      const camera: OrbitCamera = { azimuth: 60, elevation: -20, zoom: 1, pan: [2, 1] };
      const mipWindow = { center: 300, width: 1400 };
      await viewport.setVolumeRendering(volume, { camera, mode: 'mip', mipWindow });
      const expected = raycastCpu(cpuVolume, raySetup(grid, camera, SIZE), {
        mode: 'mip',
        window: mipWindow,
        sampleDistance: sampleDistance(grid.spacing, false),
      });
      expect(frameDifference(await viewport.readPixels(), expected, 1).over).toBe(0);
      await device.simulateDeviceLoss();
      expect(frameDifference(await viewport.readPixels(), expected, 1).over).toBe(0);
    });

    it('refuses an invalid camera with RENDER_INVALID_VIEW and keeps drawing the last view', async () => {
      const before = await viewport.readPixels();
      const error = await viewport
        .setVolumeRendering(volume, { camera: { elevation: 120 } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderInputError);
      expect((error as RenderInputError).code).toBe('RENDER_INVALID_VIEW');
      expect(frameDifference(await viewport.readPixels(), before, 0).over).toBe(0);
    });
  },
);
