import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RaycastParams, raycastCpu } from '../../cpu/raycast-cpu.js';
import type { BackendKind, RenderBackend, RenderTarget } from '../../gpu/backend.js';
import { WebGl2Backend } from '../../webgl2/webgl2-backend.js';
import { WebGpuBackend } from '../../webgpu/webgpu-backend.js';
import { brickRanges, visibleBricks } from './empty-bricks.js';
import { frameDifference, syntheticCtVolume } from './test-support/synthetic-volume.js';
import { bakeTransferFunction } from './transfer-function.js';
import { TRANSFER_PRESETS, type TransferPresetName } from './transfer-presets.js';
import { DEFAULT_ORBIT_CAMERA, type OrbitCamera, raySetup } from './volume-camera.js';
import type { VolumeRenderPass } from './volume-pass-interface.js';
import { sampleDistance } from './volume-render-settings.js';

const SIZE = [64, 56] as const;

/** Camera, mode and settings of each compared rendering. */
interface Case {
  name: string;
  camera: OrbitCamera;
  preset?: TransferPresetName;
  shading?: boolean;
  mip?: boolean;
  interacting?: boolean;
}

const CASES: Case[] = [
  { name: 'bone, shaded, anterior', camera: DEFAULT_ORBIT_CAMERA, preset: 'ct-bone', shading: true },
  {
    name: 'soft tissue, shaded, oblique',
    camera: { azimuth: 35, elevation: 20, zoom: 1.3, pan: [3, -2] },
    preset: 'ct-soft-tissue',
    shading: true,
  },
  {
    name: 'angio, unshaded, from below',
    camera: { ...DEFAULT_ORBIT_CAMERA, elevation: -70 },
    preset: 'ct-angio',
  },
  {
    name: 'lung, shaded, lateral',
    camera: { ...DEFAULT_ORBIT_CAMERA, azimuth: 90 },
    preset: 'ct-lung',
    shading: true,
  },
  { name: 'MIP, oblique', camera: { azimuth: -50, elevation: 10, zoom: 1.1, pan: [0, 0] }, mip: true },
  {
    name: 'bone, shaded, interacting (3× longer steps)',
    camera: { azimuth: 120, elevation: -15, zoom: 1, pan: [0, 0] },
    preset: 'ct-bone',
    shading: true,
    interacting: true,
  },
];

describe.each<BackendKind>(['webgpu', 'webgl2'])('volume pass on %s', (kind) => {
  let backend: RenderBackend;
  let target: RenderTarget;
  let pass: VolumeRenderPass;
  const { volume, grid } = syntheticCtVolume();

  beforeAll(async () => {
    backend =
      kind === 'webgpu'
        ? await WebGpuBackend.create((navigator as Navigator & { gpu: GPU }).gpu)
        : WebGl2Backend.create();
    target = backend.createTarget(new OffscreenCanvas(SIZE[0], SIZE[1]));
    const texture = backend.createVolumeTexture(grid.dimensions, volume.voxels);
    texture.write(0, volume.voxels);
    pass = backend.createVolumeRenderPass();
    pass.setVolume(texture);
  });

  afterAll(() => {
    pass?.dispose();
    backend?.destroy();
  });

  it.each(CASES)('equals the CPU ray caster within 1 level: $name', async (c) => {
    const setup = raySetup(grid, c.camera, SIZE);
    const distance = sampleDistance(grid.spacing, c.interacting ?? false);
    const table = bakeTransferFunction(TRANSFER_PRESETS[c.preset ?? 'ct-bone']);
    const mipWindow = { center: 300, width: 1400 };
    pass.setTransferTable(table);
    pass.setDrawParams({
      setup,
      mode: c.mip ? 'mip' : 'dvr',
      shading: c.shading ?? false,
      mipWindow,
      sampleDistance: distance,
    });
    const gpu = await backend.drawFrame(target, [pass], true);
    const params: RaycastParams = c.mip
      ? { mode: 'mip', window: mipWindow, sampleDistance: distance }
      : { mode: 'dvr', table, shading: c.shading ?? false, sampleDistance: distance };
    const cpu = raycastCpu(volume, setup, params);
    // f32 on the GPU against f64 here: at most one level apart, and rarely that.
    const difference = frameDifference(gpu as Uint8Array, cpu, 1);
    expect(difference, JSON.stringify(difference)).toMatchObject({ over: 0 });
    expect(difference.mean).toBeLessThan(0.01);
    // Something was drawn: the frame is not all background.
    expect(cpu.filter((v, i) => i % 4 !== 3 && v > 0).length).toBeGreaterThan(SIZE[0] * SIZE[1] * 0.1);
  });

  it('skips the bricks the transfer function leaves transparent without changing a pixel', async () => {
    const setup = raySetup(grid, { azimuth: 50, elevation: -10, zoom: 1.2, pan: [0, 0] }, SIZE);
    const distance = sampleDistance(grid.spacing, false);
    const ranges = brickRanges(volume.voxels, grid.dimensions);
    for (const preset of ['ct-bone', 'ct-angio'] as const) {
      const table = bakeTransferFunction(TRANSFER_PRESETS[preset]);
      const flags = visibleBricks(ranges, table);
      // Some bricks are skipped, some are not: the test exercises both paths.
      expect(flags.includes(0) && flags.includes(1)).toBe(true);
      pass.setTransferTable(table);
      const params = {
        setup,
        mode: 'dvr',
        shading: true,
        mipWindow: { center: 0, width: 1 },
        sampleDistance: distance,
      } as const;
      pass.setDrawParams(params);
      pass.setVisibleBricks(undefined);
      const plain = (await backend.drawFrame(target, [pass], true)) as Uint8Array;
      pass.setVisibleBricks({ flags, dimensions: ranges.dimensions });
      const skipping = (await backend.drawFrame(target, [pass], true)) as Uint8Array;
      pass.setVisibleBricks(undefined);
      expect(frameDifference(skipping, plain, 0), preset).toMatchObject({ over: 0 });
    }
  });

  it('reads float32 and uint16 volumes (other texel kinds) the same way', async () => {
    const setup = raySetup(grid, { azimuth: 20, elevation: 30, zoom: 1.2, pan: [0, 0] }, SIZE);
    const table = bakeTransferFunction(TRANSFER_PRESETS['ct-bone']);
    const distance = sampleDistance(grid.spacing, false);
    const float = Float32Array.from(volume.voxels, (v) => v + 0.25);
    // Uint16 as stored CT values are, HU + 1024; the table moves along.
    const stored = Uint16Array.from(volume.voxels, (v) => v + 1024);
    const storedTable = { ...table, min: table.min + 1024, max: table.max + 1024 };
    for (const [voxels, tf] of [
      [float, table],
      [stored, storedTable],
    ] as const) {
      const texture = backend.createVolumeTexture(grid.dimensions, voxels);
      texture.write(0, voxels);
      pass.setVolume(texture);
      pass.setTransferTable(tf);
      pass.setDrawParams({
        setup,
        mode: 'dvr',
        shading: true,
        mipWindow: { center: 0, width: 1 },
        sampleDistance: distance,
      });
      const gpu = (await backend.drawFrame(target, [pass], true)) as Uint8Array;
      const cpu = raycastCpu({ voxels: Float32Array.from(voxels), dimensions: grid.dimensions }, setup, {
        mode: 'dvr',
        table: tf,
        shading: true,
        sampleDistance: distance,
      });
      const difference = frameDifference(gpu, cpu, 1);
      expect(difference, `${voxels.constructor.name} ${JSON.stringify(difference)}`).toMatchObject({
        over: 0,
      });
      texture.dispose();
    }
  });
});
