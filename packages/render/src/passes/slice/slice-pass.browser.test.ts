import { describe, expect, it } from 'vitest';
import { renderSliceCpu } from '../../cpu/render-slice-cpu.js';
import type { BackendKind } from '../../gpu/backend.js';
import type { GreySliceImage, SliceImage } from '../../image/slice-image.js';
import { FLOAT32_MAX, float32Keys, greyClassifier } from '../../lut/grey-classifier.js';
import { greyPipeline } from '../../lut/grey-pipeline.js';
import type { VoiTransform } from '../../lut/voi.js';
import { compareFrames } from '../../test-support/compare-frames.js';
import {
  cloneImage,
  clusteredIntegerImage,
  positionImage,
  randomFloatImage,
  randomIntegerImage,
  randomRgbImage,
} from '../../test-support/test-images.js';
import type { SliceView } from '../../view/slice-view.js';
import { NEUTRAL_VIEW, usePassViewport } from '../pass-viewport.test-support.js';

describe.each<BackendKind>(['webgpu', 'webgl2'])('slice pass on %s, in the render worker', (backend) => {
  const suite = usePassViewport(backend, { canvas: 'document' });

  /** Renders `image` with `view` on the GPU and with the CPU reference; returns both. */
  async function render(
    image: SliceImage,
    view: Partial<SliceView>,
    size: readonly [number, number] = [image.columns, image.rows],
  ): Promise<{ gpu: Uint8Array; cpu: Uint8Array }> {
    const full = { ...NEUTRAL_VIEW, ...view };
    const cpu = renderSliceCpu(image, full, size);
    await suite.viewport.resize(size[0], size[1]);
    await suite.viewport.setImage(cloneImage(image));
    await suite.viewport.setView(full);
    return { gpu: await suite.viewport.readPixels(), cpu };
  }

  async function expectExact(
    image: SliceImage,
    views: Partial<SliceView>[],
    size?: readonly [number, number],
  ) {
    for (const view of views) {
      const { gpu, cpu } = await render(image, view, size);
      const difference = compareFrames(gpu, cpu, size?.[0] ?? image.columns);
      expect(difference, `${backend} ${JSON.stringify(view)}`).toEqual({ count: 0, maxDelta: 0 });
    }
  }

  it('starts the requested backend', () => {
    expect(suite.device.backend.kind).toBe(backend);
  });

  it('renders int16 at the extremes exactly, for ordinary, exact-integer and width-1 windows', async () => {
    const image = randomIntegerImage(Int16Array, 67, 45, 1);
    await expectExact(image, [
      { voi: { kind: 'window', center: 40, width: 400 } },
      { voi: { kind: 'window', center: 40, width: 256 } },
      { voi: { kind: 'window', center: -32768, width: 1 } },
      { voi: { kind: 'window', center: 0.5, width: 1 } },
      { voi: { kind: 'window', center: 0, width: 65536 } },
      { voi: { kind: 'window', center: 1000.3, width: 511.7 } },
      {},
    ]);
  });

  it('renders int16 clustered in a window so that every level occurs', async () => {
    const image = clusteredIntegerImage(Int16Array, 64, 64, 2, 40, 260);
    await expectExact(image, [
      { voi: { kind: 'window', center: 40, width: 400 } },
      { voi: { kind: 'window', center: 40, width: 256 } },
      { voi: { kind: 'window', center: 39.5, width: 256 } },
      { voi: { kind: 'window', center: 40, width: 400, function: 'LINEAR_EXACT' } },
      { voi: { kind: 'window', center: 40, width: 400, function: 'SIGMOID' } },
      { voi: { kind: 'window', center: 40, width: 1, function: 'SIGMOID' } },
    ]);
  });

  it('renders uint16 up to 65535, uint8 and int8 exactly', async () => {
    await expectExact(randomIntegerImage(Uint16Array, 50, 40, 3), [
      { voi: { kind: 'window', center: 32768, width: 65536 } },
      { voi: { kind: 'window', center: 65535, width: 1 } },
      { voi: { kind: 'window', center: 1000, width: 256 } },
    ]);
    await expectExact(randomIntegerImage(Uint8Array, 37, 23, 4), [
      { voi: { kind: 'window', center: 128, width: 256 } },
      { voi: { kind: 'window', center: 100.5, width: 30 } },
    ]);
    await expectExact(randomIntegerImage(Int8Array, 31, 17, 5), [
      { voi: { kind: 'window', center: 0, width: 100 } },
    ]);
  });

  it('renders float32 exactly, including fractional values and the float32 extremes', async () => {
    const image = randomFloatImage(53, 41, 6);
    await expectExact(image, [
      { voi: { kind: 'window', center: 0, width: 1000 } },
      { voi: { kind: 'window', center: 0.5, width: 1 } },
      { voi: { kind: 'window', center: 0.25, width: 3.5, function: 'LINEAR_EXACT' } },
      { voi: { kind: 'window', center: 0, width: 5, function: 'SIGMOID' } },
    ]);
  });

  it('renders float32 samples lying exactly on level boundaries, and just below them, exactly', async () => {
    const { fromKey, toKey } = float32Keys();
    const cases: { voi: VoiTransform; modality?: GreySliceImage['modality']; mono1?: boolean }[] = [
      { voi: { kind: 'window', center: 0.5, width: 1 } },
      { voi: { kind: 'window', center: 10.3, width: 77.7 } },
      { voi: { kind: 'window', center: 40, width: 256 }, mono1: true },
      { voi: { kind: 'window', center: 3, width: 20, function: 'SIGMOID' } },
      { voi: { kind: 'window', center: 0, width: 2.5, function: 'LINEAR_EXACT' } },
      {
        voi: { kind: 'window', center: -20, width: 300 },
        modality: { kind: 'rescale', slope: 0.37, intercept: -5 },
      },
    ];
    for (const { voi, modality, mono1 } of cases) {
      const image: GreySliceImage = {
        kind: 'grey',
        columns: 32,
        rows: 16,
        pixels: new Float32Array(512),
        photometricInterpretation: mono1 ? 'MONOCHROME1' : 'MONOCHROME2',
        ...(modality && { modality }),
      };
      const classifier = greyClassifier(greyPipeline(image, voi, false), {
        pixels: image.pixels,
        interpolation: 'nearest',
      });
      if (classifier.mode !== 'thresholds') throw new Error('expected thresholds');
      const boundaries = Array.from(classifier.thresholds.subarray(1))
        .filter((t) => Math.abs(t) < FLOAT32_MAX)
        .flatMap((t) => [t, fromKey(toKey(t) - 1)].map((s) => s * classifier.direction));
      expect(boundaries.length).toBeGreaterThan(100);
      image.pixels.set(boundaries.slice(0, 512));
      await expectExact(image, [{ voi }]);
    }
  });

  it('applies rescale, including fractional slopes and large intercepts, exactly', async () => {
    const ct = randomIntegerImage(Int16Array, 48, 48, 7);
    await expectExact({ ...ct, modality: { kind: 'rescale', slope: 1, intercept: -1024 } }, [
      { voi: { kind: 'window', center: 40, width: 400 } },
    ]);
    await expectExact({ ...ct, modality: { kind: 'rescale', slope: 1, intercept: 1_000_000 } }, [
      { voi: { kind: 'window', center: 1_000_040, width: 400 } },
      { voi: { kind: 'window', center: 1_000_000.5, width: 256 } },
    ]);
    await expectExact({ ...ct, modality: { kind: 'rescale', slope: 0.37, intercept: -12345.678 } }, [
      { voi: { kind: 'window', center: -12345, width: 999 } },
    ]);
    await expectExact({ ...ct, modality: { kind: 'rescale', slope: -2, intercept: 5 } }, [
      { voi: { kind: 'window', center: 0, width: 30000 } },
    ]);
  });

  it('inverts MONOCHROME1 and on request, and the two cancel', async () => {
    const mono1 = randomIntegerImage(Uint16Array, 40, 30, 8, 'MONOCHROME1');
    await expectExact(mono1, [
      { voi: { kind: 'window', center: 30000, width: 40000 } },
      { voi: { kind: 'window', center: 30000, width: 40000 }, invert: true },
      { voi: { kind: 'window', center: 30000, width: 40000, function: 'SIGMOID' } },
    ]);
    const { gpu } = await render(mono1, {
      voi: { kind: 'window', center: 30000, width: 40000 },
      invert: true,
    });
    const mono2 = { ...mono1, photometricInterpretation: 'MONOCHROME2' as const };
    const { cpu } = await render(mono2, { voi: { kind: 'window', center: 30000, width: 40000 } });
    expect(compareFrames(gpu, cpu, 40)).toEqual({ count: 0, maxDelta: 0 });
  });

  it('applies Modality and VOI LUT sequences exactly', async () => {
    const image = randomIntegerImage(Int16Array, 45, 35, 9);
    const modalityData = new Uint16Array(3000);
    for (let i = 0; i < modalityData.length; i++) modalityData[i] = (i * 7919) % 4096;
    const withModalityLut = {
      ...image,
      modality: { kind: 'lut' as const, firstValueMapped: -1500, data: modalityData },
    };
    await expectExact(withModalityLut, [{ voi: { kind: 'window', center: 2048, width: 4096 } }]);
    const voiData = new Uint16Array(4096);
    for (let i = 0; i < voiData.length; i++) voiData[i] = (i * 104729) % 65536;
    await expectExact(clusteredIntegerImage(Uint16Array, 45, 35, 10, 2000, 2500), [
      { voi: { kind: 'lut', firstValueMapped: 0, bitsPerEntry: 16, data: voiData } },
      { voi: { kind: 'lut', firstValueMapped: 0, bitsPerEntry: 16, data: voiData }, invert: true },
    ]);
  });

  it('applies the hot iron and rainbow colour maps exactly', async () => {
    const image = clusteredIntegerImage(Int16Array, 40, 32, 11, 100, 150);
    await expectExact(image, [
      { voi: { kind: 'window', center: 100, width: 256 }, colormap: 'hot-iron' },
      { voi: { kind: 'window', center: 100, width: 256 }, colormap: 'rainbow' },
    ]);
  });

  it('shows 8-bit RGB exactly, odd widths included', async () => {
    await expectExact(randomRgbImage(33, 21, 12), [{}]);
  });

  it('maps pixels through zoom, pan, flips and quarter rotations where expected', async () => {
    const image = positionImage(16, 12);
    const identity = { voi: { kind: 'window' as const, center: 128, width: 256 } };
    const value = (x: number, y: number) => x + 16 * y;
    const cases: {
      view: Partial<SliceView>;
      size: [number, number];
      source: (i: number, j: number) => number;
    }[] = [
      { view: identity, size: [16, 12], source: (i, j) => value(i, j) },
      { view: { ...identity, zoom: 2 }, size: [32, 24], source: (i, j) => value(i >> 1, j >> 1) },
      { view: { ...identity, pan: [3, -2] }, size: [16, 12], source: (i, j) => value(i - 3, j + 2) },
      { view: { ...identity, flipHorizontal: true }, size: [16, 12], source: (i, j) => value(15 - i, j) },
      { view: { ...identity, flipVertical: true }, size: [16, 12], source: (i, j) => value(i, 11 - j) },
      { view: { ...identity, rotation: 90 }, size: [12, 16], source: (i, j) => value(j, 11 - i) },
      { view: { ...identity, rotation: 180 }, size: [16, 12], source: (i, j) => value(15 - i, 11 - j) },
      { view: { ...identity, rotation: -90 }, size: [12, 16], source: (i, j) => value(15 - j, i) },
    ];
    for (const { view, size, source } of cases) {
      const { gpu, cpu } = await render(image, view, size);
      expect(compareFrames(gpu, cpu, size[0]), JSON.stringify(view)).toEqual({ count: 0, maxDelta: 0 });
      for (let j = 0; j < size[1]; j++) {
        for (let i = 0; i < size[0]; i++) {
          const x = source(i, j);
          const inside = view.pan && (i - 3 < 0 || j + 2 > 11) ? 0 : x;
          expect(gpu[(j * size[0] + i) * 4], `${JSON.stringify(view)} at (${i}, ${j})`).toBe(inside);
        }
      }
    }
  });

  it('samples pixel centres exactly with linear interpolation at zoom 1 (the thresholds path)', async () => {
    const image = clusteredIntegerImage(Int16Array, 64, 64, 16, 40, 260);
    await expectExact(image, [
      { voi: { kind: 'window', center: 40, width: 256 }, interpolation: 'linear' },
      { voi: { kind: 'window', center: 40.5, width: 1 }, interpolation: 'linear' },
      {
        voi: { kind: 'window', center: 40, width: 400, function: 'SIGMOID' },
        interpolation: 'linear',
        invert: true,
      },
    ]);
    await expectExact(randomIntegerImage(Uint16Array, 50, 40, 17), [
      { voi: { kind: 'window', center: 32768, width: 65536 }, interpolation: 'linear' },
    ]);
  });

  it('interpolates linearly within one level of the reference', async () => {
    const image = clusteredIntegerImage(Int16Array, 24, 20, 13, 0, 300);
    for (const view of [
      {
        voi: { kind: 'window' as const, center: 0, width: 600 },
        interpolation: 'linear' as const,
        zoom: 2.5,
      },
      {
        voi: { kind: 'window' as const, center: 0, width: 600 },
        interpolation: 'linear' as const,
        zoom: 3,
        rotation: 30,
      },
    ]) {
      const { gpu, cpu } = await render(image, view, [61, 53]);
      const difference = compareFrames(gpu, cpu, 61);
      expect(difference.maxDelta).toBeLessThanOrEqual(1);
      expect(difference.count).toBeLessThan((61 * 53) / 20);
    }
    const rgb = await render(randomRgbImage(9, 7, 14), { interpolation: 'linear', zoom: 3.3 }, [31, 25]);
    expect(compareFrames(rgb.gpu, rgb.cpu, 31).maxDelta).toBeLessThanOrEqual(1);
  });

  it('rotates by arbitrary angles like the reference, boundary texels aside', async () => {
    const image = randomIntegerImage(Uint16Array, 40, 30, 15);
    const { gpu, cpu } = await render(
      image,
      { voi: { kind: 'window', center: 30000, width: 60000 }, rotation: 33, zoom: 1.7, pan: [2.25, -1.5] },
      [70, 60],
    );
    // Float32 rounding (and fused multiply-add on some GPUs) may put a sample that falls within
    // a rounding error of a texel edge on the other side.
    expect(compareFrames(gpu, cpu, 70).count).toBeLessThanOrEqual(10);
  });
});
