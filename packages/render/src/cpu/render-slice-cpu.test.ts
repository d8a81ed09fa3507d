import { describe, expect, it } from 'vitest';
import type { SliceImage } from '../image/slice-image.js';
import { renderSliceCpu } from './render-slice-cpu.js';

const image: SliceImage = {
  kind: 'grey',
  columns: 3,
  rows: 2,
  // Stored values; with rescale −1024 these are −1024, −160, 40, 239, 240, 1000 HU.
  pixels: Int16Array.from([0, 864, 1064, 1263, 1264, 2024]),
  photometricInterpretation: 'MONOCHROME2',
  modality: { kind: 'rescale', slope: 1, intercept: -1024 },
};

const reds = (rgba: Uint8Array) => Array.from(rgba.filter((_, i) => i % 4 === 0));

describe('renderSliceCpu', () => {
  it('shows each pixel at zoom 1 as its DICOM grey level, opaque', () => {
    const rgba = renderSliceCpu(image, { voi: { kind: 'window', center: 40, width: 400 } }, [3, 2]);
    expect(reds(rgba)).toEqual([0, 0, 127, 255, 255, 255]);
    expect(Array.from(rgba.subarray(8, 12))).toEqual([127, 127, 127, 255]);
  });

  it('fills the canvas outside the image with black', () => {
    // Centred: canvas column i shows image column i − 1.
    const rgba = renderSliceCpu(
      image,
      { voi: { kind: 'window', center: 40, width: 400 }, colormap: 'hot-iron' },
      [5, 2],
    );
    expect(reds(rgba)).toEqual([0, 0, 0, 254, 0, 0, 255, 255, 255, 0]);
    expect(Array.from(rgba.subarray(16, 20))).toEqual([0, 0, 0, 255]);
  });

  it('zooms with nearest neighbours and colours through the colour map', () => {
    const rgba = renderSliceCpu(
      image,
      { voi: { kind: 'window', center: 40, width: 400 }, zoom: 2, colormap: 'hot-iron' },
      [6, 4],
    );
    // Level 127 is hot iron (254, 0, 0); each image pixel covers 2 × 2 canvas pixels.
    expect(Array.from(rgba.subarray((0 * 6 + 4) * 4, (0 * 6 + 4) * 4 + 4))).toEqual([254, 0, 0, 255]);
    expect(Array.from(rgba.subarray((1 * 6 + 5) * 4, (1 * 6 + 5) * 4 + 4))).toEqual([254, 0, 0, 255]);
  });

  it('interpolates linearly between pixel centres, rounding RGB to the nearest byte', () => {
    const rgb: SliceImage = {
      kind: 'rgb',
      columns: 2,
      rows: 1,
      pixels: Uint8Array.from([0, 100, 255, 10, 200, 0]),
    };
    const rgba = renderSliceCpu(rgb, { interpolation: 'linear', zoom: 2 }, [4, 2]);
    // Canvas x 0.5 → image 0.25 (clamped to the first centre), 1.5 → 0.75: a quarter of the way.
    expect(Array.from(rgba.subarray(0, 16))).toEqual([
      0, 100, 255, 255, 3, 125, 191, 255, 8, 175, 64, 255, 10, 200, 0, 255,
    ]);
  });
});
