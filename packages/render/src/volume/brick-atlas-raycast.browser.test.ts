import { afterAll, beforeAll, describe, it } from 'vitest';
import type { RenderVolume } from '../client/render-volume.js';
import type { BackendKind } from '../gpu/backend.js';
import { TRANSFER_PRESETS } from '../passes/volume/transfer-presets.js';
import { type BrickedDevices, brickedDevices } from '../test-support/bricked-devices.js';

// Volume rendering of bricked volumes (see brick-atlas.browser.test.ts for MPR): rays cross brick
// borders everywhere, and trilinear samples and central-difference gradients there read voxels of
// two to eight bricks. Small frames: ray casting on the software adapter is slow.
describe.each<BackendKind>(['webgpu', 'webgl2'])('volume rendering of bricked volumes on %s', (backend) => {
  let devices: BrickedDevices;

  beforeAll(async () => {
    devices = await brickedDevices(backend);
  });

  afterAll(() => devices?.dispose());

  it.each(['all', 'z'] as const)(
    'ray casts shaded DVR and MIP of the %s-cut volume exactly as whole',
    async (shape) => {
      await devices.expectSameFrames(`${shape} DVR`, async ({ viewport, volumes }) => {
        await viewport.resize(32, 28);
        await viewport.setVolumeRendering(volumes.get(shape) as RenderVolume, {
          camera: { azimuth: 30, elevation: 20, zoom: 1.1, pan: [0, 0] },
          mode: 'dvr',
          transferFunction: TRANSFER_PRESETS['ct-bone'],
          shading: true,
        });
      });
      await devices.expectSameFrames(`${shape} MIP`, async ({ viewport, volumes }) => {
        await viewport.setVolumeRendering(volumes.get(shape) as RenderVolume, {
          camera: { azimuth: -70, elevation: 35 },
          mode: 'mip',
          mipWindow: { center: 900, width: 1000 },
        });
      });
    },
  );
});
