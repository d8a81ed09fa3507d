import { planeThrough, VIEW_DIRECTIONS, type Volume, voxelToPatient } from '@fovea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSliceCpu } from '../cpu/render-slice-cpu.js';
import type { BackendKind } from '../gpu/backend.js';
import type { VoiTransform } from '../lut/voi.js';
import { cloneImage, randomIntegerImage } from '../test-support/test-images.js';
import { type RandomVolumeSpec, randomVolume } from '../test-support/test-volumes.js';
import { renderVolumeData, renderVolumeSlots } from '../volume/from-core-volume.js';
import { RenderDevice } from './render-device.js';
import type { RenderViewport } from './render-viewport.js';

const SPEC: RandomVolumeSpec = {
  dimensions: [17, 15, 12],
  pixelSpacing: [1, 1],
  sliceSpacing: 1.5,
  range: [-1000, 1000],
  background: -1024,
  seed: 5,
};
const VOI: VoiTransform = { kind: 'window', center: 0, width: 2000 };

/** The coronal plane through the volume's middle: it crosses every slot. */
function coronal(volume: Volume) {
  return planeThrough(
    volume.geometry,
    VIEW_DIRECTIONS.coronal,
    voxelToPatient(volume.geometry, [8, 7, 5.5]),
    1,
  );
}

function cpuFrame(volume: Volume): Uint8Array {
  const plane = coronal(volume);
  const image = volume.reslice(plane, { fill: -1024 });
  return renderSliceCpu(
    {
      kind: 'grey',
      columns: plane.columns,
      rows: plane.rows,
      pixels: image.pixels,
      photometricInterpretation: 'MONOCHROME2',
    },
    { voi: VOI },
    [plane.columns, plane.rows],
  );
}

describe.each<BackendKind>(['webgpu', 'webgl2'])('RenderVolume on %s', (backend) => {
  let device: RenderDevice;
  let viewport: RenderViewport;
  let full: Volume;
  let partial: Volume;

  beforeAll(async () => {
    device = await RenderDevice.create({ backends: [backend] });
    const canvas = new OffscreenCanvas(8, 8);
    viewport = await device.createViewport(canvas);
    full = await randomVolume(SPEC);
    partial = await randomVolume({ ...SPEC, writtenSlices: 5 });
  });

  afterAll(() => {
    device?.dispose();
    full?.dispose();
    partial?.dispose();
  });

  it('shows a partly filled volume, then the slots streamed in, and survives a device loss', async () => {
    const plane = coronal(full);
    const data = renderVolumeData(partial);
    const volume = await device.createVolume(data);
    expect(data.voxels.byteLength).toBe(0);
    await viewport.resize(plane.columns, plane.rows);
    await viewport.setVolume(volume, { plane, fill: -1024 });
    await viewport.setView({ voi: VOI });
    const before = await viewport.readPixels();
    expect(before).toEqual(cpuFrame(partial));
    expect(before).not.toEqual(cpuFrame(full));
    await volume.update(5, renderVolumeSlots(full, 5, 4).voxels);
    await volume.update(9, renderVolumeSlots(full, 9, 3).voxels);
    expect(await viewport.readPixels()).toEqual(cpuFrame(full));
    await device.simulateDeviceLoss();
    expect(await viewport.readPixels()).toEqual(cpuFrame(full));
    volume.dispose();
  });

  it('widens the default window and fill as slots stream in, without rescanning the volume', async () => {
    const plane = coronal(full);
    const volume = await device.createVolume(renderVolumeData(partial));
    await viewport.resize(plane.columns, plane.rows);
    await viewport.setView({ voi: undefined });
    await viewport.setVolume(volume, { plane });
    const range = (v: Volume) => {
      const voxels = v.voxels();
      return [Math.min(...voxels), Math.max(...voxels)] as const;
    };
    const expected = (v: Volume, [min, max]: readonly [number, number]) => {
      const image = v.reslice(plane, { fill: min });
      const voi: VoiTransform = { kind: 'window', center: (min + max + 1) / 2, width: max - min + 1 };
      return renderSliceCpu(
        {
          kind: 'grey',
          columns: plane.columns,
          rows: plane.rows,
          pixels: image.pixels,
          photometricInterpretation: 'MONOCHROME2',
        },
        { voi },
        [plane.columns, plane.rows],
      );
    };
    const before = range(partial);
    expect(before[0]).toBe(-1024);
    expect(await viewport.readPixels()).toEqual(expected(partial, before));
    await volume.update(5, renderVolumeSlots(full, 5, 7).voxels);
    // The background's −1024 is gone from the voxels but stays in the range: it only widens.
    expect(range(full)[0]).toBeGreaterThan(-1024);
    expect(await viewport.readPixels()).toEqual(expected(full, [-1024, Math.max(before[1], range(full)[1])]));
    volume.dispose();
  });

  it('copies views into WebAssembly memory or larger buffers instead of detaching them', async () => {
    const plane = coronal(full);
    // Volume.voxels() is a view of the volume core's WebAssembly memory.
    const volume = await device.createVolume({ geometry: full.geometry, voxels: full.voxels() });
    await viewport.resize(plane.columns, plane.rows);
    await viewport.setVolume(volume, { plane, fill: -1024 });
    await viewport.setView({ voi: VOI });
    expect(await viewport.readPixels()).toEqual(cpuFrame(full));
    const slots = full.voxels().slice();
    const view = slots.subarray(17 * 15 * 2, 17 * 15 * 3);
    await volume.update(2, view);
    expect(view.length).toBe(17 * 15);
    expect(slots.byteLength).toBeGreaterThan(0);
    expect(await viewport.readPixels()).toEqual(cpuFrame(full));
    volume.dispose();
  });

  it('switches one viewport between a stack slice and a volume plane', async () => {
    const plane = coronal(full);
    const volume = await device.createVolume(renderVolumeData(full));
    await viewport.resize(plane.columns, plane.rows);
    const image = randomIntegerImage(Int16Array, plane.columns, plane.rows, 9);
    await viewport.setImage(cloneImage(image));
    await viewport.setView({ voi: VOI });
    expect(await viewport.readPixels()).toEqual(
      renderSliceCpu(image, { voi: VOI }, [plane.columns, plane.rows]),
    );
    await viewport.setVolume(volume, { plane, fill: -1024 });
    expect(await viewport.readPixels()).toEqual(cpuFrame(full));
    await viewport.setImage(cloneImage(image));
    expect(await viewport.readPixels()).toEqual(
      renderSliceCpu(image, { voi: VOI }, [plane.columns, plane.rows]),
    );
    volume.dispose();
  });

  it('refuses bad volumes, updates and planes with typed errors; accepts a side past the limit', async () => {
    const max = device.backend.maxVolumeSize;
    expect(max).toBeGreaterThanOrEqual(256);
    // A side past the device's own limit is accepted (bricked at upload: brick-atlas tests);
    // one too large for any atlas is refused there, with a lowered limit.
    const geometry = { ...full.geometry, dimensions: [max + 1, 2, 1] as [number, number, number] };
    const long = await device.createVolume({ geometry, voxels: new Int16Array((max + 1) * 2) });
    long.dispose();
    await expect(
      device.createVolume({ geometry: full.geometry, voxels: new Int16Array(10) }),
    ).rejects.toMatchObject({ code: 'RENDER_INVALID_VOLUME' });
    const volume = await device.createVolume(renderVolumeData(full));
    await expect(volume.update(11, new Int16Array(17 * 15 * 2))).rejects.toMatchObject({
      code: 'RENDER_INVALID_VOLUME',
    });
    await expect(volume.update(0, new Float32Array(17 * 15))).rejects.toMatchObject({
      code: 'RENDER_INVALID_VOLUME',
    });
    await expect(
      viewport.setVolume(volume, { plane: { ...coronal(full), columns: 0 } }),
    ).rejects.toMatchObject({ code: 'RENDER_INVALID_VIEW' });
    // A VOI LUT Sequence cannot index interpolated samples: refused, and the last good view stays.
    await viewport.resize(coronal(full).columns, coronal(full).rows);
    await viewport.setVolume(volume, { plane: coronal(full), fill: -1024 });
    await viewport.setView({ voi: VOI });
    const lut: VoiTransform = {
      kind: 'lut',
      firstValueMapped: -1000,
      bitsPerEntry: 8,
      data: new Uint16Array(256),
    };
    await expect(viewport.setView({ voi: lut })).rejects.toMatchObject({ code: 'RENDER_UNSUPPORTED' });
    await expect(viewport.setFusion({ volume, opacity: 0.5, voi: lut })).rejects.toMatchObject({
      code: 'RENDER_UNSUPPORTED',
    });
    expect(await viewport.readPixels()).toEqual(cpuFrame(full));
    volume.dispose();
    await expect(volume.update(0, new Int16Array(17 * 15))).rejects.toMatchObject({
      code: 'RENDER_NO_VOLUME',
    });
  });
});
