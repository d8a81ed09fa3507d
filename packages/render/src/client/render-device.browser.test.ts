import { afterEach, describe, expect, it } from 'vitest';
import { renderSliceCpu } from '../cpu/render-slice-cpu.js';
import { GpuUnavailableError } from '../errors/gpu-unavailable-error.js';
import { RenderError } from '../errors/render-error.js';
import { RenderInputError } from '../errors/render-input-error.js';
import type { BackendKind } from '../gpu/backend.js';
import { cloneImage, randomIntegerImage, randomRgbImage } from '../test-support/test-images.js';
import type { SliceView } from '../view/slice-view.js';
import { RenderDevice } from './render-device.js';
import { DeviceLostEvent, DeviceRestoredEvent } from './render-device-events.js';

const devices: RenderDevice[] = [];
const canvases: HTMLCanvasElement[] = [];

async function createDevice(options: Parameters<typeof RenderDevice.create>[0]): Promise<RenderDevice> {
  const device = await RenderDevice.create(options);
  devices.push(device);
  return device;
}

function createCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  document.body.append(canvas);
  canvases.push(canvas);
  return canvas;
}

afterEach(() => {
  for (const device of devices.splice(0)) device.dispose();
  for (const canvas of canvases.splice(0)) canvas.remove();
});

const WINDOW: Partial<SliceView> = { voi: { kind: 'window', center: 100, width: 3000 } };

describe('RenderDevice backend selection', () => {
  it('uses WebGPU first when it is there', async () => {
    const device = await createDevice({});
    expect(device.backend.kind).toBe('webgpu');
    expect(device.backend.software).toBe(true);
    expect(device.backend.maxTextureSize).toBeGreaterThanOrEqual(8192);
  });

  it('falls back to WebGL2 when WebGPU is missing, and draws exactly there', async () => {
    const device = await createDevice({ simulateMissing: ['webgpu'] });
    expect(device.backend.kind).toBe('webgl2');
    const image = randomIntegerImage(Int16Array, 20, 10, 21);
    const viewport = await device.createViewport(createCanvas(20, 10));
    await viewport.setImage(cloneImage(image));
    await viewport.setView(WINDOW);
    expect(await viewport.readPixels()).toEqual(renderSliceCpu(image, WINDOW, [20, 10]));
  });

  it('rejects with GpuUnavailableError, saying why for each backend, when neither is there', async () => {
    const error = await RenderDevice.create({ simulateMissing: ['webgpu', 'webgl2'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GpuUnavailableError);
    const unavailable = error as GpuUnavailableError;
    expect(unavailable.code).toBe('GPU_UNAVAILABLE');
    expect(unavailable.attempts.map((attempt) => attempt.backend)).toEqual(['webgpu', 'webgl2']);
    expect(unavailable.message).toMatch(/navigator\.gpu is missing.*webgl2/);
  });

  it('honours a forced backend even when the other one would work', async () => {
    const error = await RenderDevice.create({ backends: ['webgpu'], simulateMissing: ['webgpu'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GpuUnavailableError);
    expect((error as GpuUnavailableError).attempts).toHaveLength(1);
  });

  it('rejects with RENDER_WORKER_FAILED when the worker script cannot be loaded', async () => {
    const error = await RenderDevice.create({ workerUrl: '/no/such/render.worker.js' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).code).toBe('RENDER_WORKER_FAILED');
  });

  it('rejects with RENDER_ABORTED when start-up is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await RenderDevice.create({ signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).code).toBe('RENDER_ABORTED');
  });
});

describe.each<BackendKind>(['webgpu', 'webgl2'])('RenderDevice on %s', (backend) => {
  it('shares one device between viewports showing different images', async () => {
    const device = await createDevice({ backends: [backend] });
    const first = randomIntegerImage(Uint16Array, 24, 16, 22);
    const second = randomRgbImage(13, 9, 23);
    const a = await device.createViewport(createCanvas(24, 16));
    const b = await device.createViewport(createCanvas(13, 9));
    await Promise.all([a.setImage(cloneImage(first)), b.setImage(cloneImage(second))]);
    await a.setView({ voi: { kind: 'window', center: 30000, width: 50000 } });
    expect(await a.readPixels()).toEqual(
      renderSliceCpu(first, { voi: { kind: 'window', center: 30000, width: 50000 } }, [24, 16]),
    );
    expect(await b.readPixels()).toEqual(renderSliceCpu(second, {}, [13, 9]));
  });

  it('transfers the pixel buffer to the worker instead of copying it', async () => {
    const device = await createDevice({ backends: [backend] });
    const viewport = await device.createViewport(createCanvas(8, 8));
    const image = randomIntegerImage(Int16Array, 8, 8, 24);
    await viewport.setImage(image);
    expect(image.pixels.byteLength).toBe(0);
    const kept = randomIntegerImage(Int16Array, 8, 8, 24);
    await viewport.setImage(kept, { copy: true });
    expect(kept.pixels.byteLength).toBe(128);
  });

  it('recovers from a device loss, rebuilding the image from its CPU copy', async () => {
    const device = await createDevice({ backends: [backend] });
    const events: string[] = [];
    device.addEventListener(DeviceLostEvent.eventName, () => events.push('lost'));
    device.addEventListener(DeviceRestoredEvent.eventName, () => events.push('restored'));
    const restored = new Promise((resolve) =>
      device.addEventListener(DeviceRestoredEvent.eventName, resolve),
    );
    const image = randomIntegerImage(Int16Array, 30, 20, 25);
    const view: Partial<SliceView> = {
      voi: { kind: 'window', center: -200, width: 1000 },
      colormap: 'hot-iron',
    };
    const viewport = await device.createViewport(createCanvas(30, 20));
    await viewport.setImage(cloneImage(image));
    await viewport.setView(view);
    const expected = renderSliceCpu(image, view, [30, 20]);
    expect(await viewport.readPixels()).toEqual(expected);

    const info = await device.simulateDeviceLoss();
    await restored;
    expect(info.kind).toBe(backend);
    expect(events).toEqual(['lost', 'restored']);
    expect(await viewport.readPixels()).toEqual(expected);
    await viewport.setView({ invert: true });
    expect(await viewport.readPixels()).toEqual(renderSliceCpu(image, { ...view, invert: true }, [30, 20]));
  });

  it('refuses inconsistent images and invalid views with typed errors, keeping the last good state', async () => {
    const device = await createDevice({ backends: [backend] });
    const viewport = await device.createViewport(createCanvas(8, 8));
    const image = randomIntegerImage(Uint8Array, 8, 8, 26);
    await viewport.setImage(cloneImage(image));
    const badImage = await viewport
      .setImage({ ...cloneImage(image), rows: 9 })
      .catch((e: unknown) => e as RenderInputError);
    expect(badImage).toBeInstanceOf(RenderInputError);
    expect((badImage as RenderInputError).code).toBe('RENDER_INVALID_IMAGE');
    const badView = await viewport
      .setView({ voi: { kind: 'window', center: 10, width: 0.5 } })
      .catch((e: unknown) => e as RenderInputError);
    expect((badView as RenderInputError).code).toBe('RENDER_INVALID_VIEW');
    const tooLarge = await viewport
      .setImage({ ...image, columns: 20000, rows: 1, pixels: new Uint8Array(20000) })
      .catch((e: unknown) => e as RenderInputError);
    expect((tooLarge as RenderInputError).code).toBe('RENDER_IMAGE_TOO_LARGE');
    expect(await viewport.readPixels()).toEqual(renderSliceCpu(image, {}, [8, 8]));
  });

  it('fails calls on a disposed viewport with RENDER_NO_VIEWPORT', async () => {
    const device = await createDevice({ backends: [backend] });
    const viewport = await device.createViewport(createCanvas(4, 4));
    viewport.dispose();
    await expect(viewport.setView({ zoom: 2 })).rejects.toMatchObject({ code: 'RENDER_NO_VIEWPORT' });
  });
});
