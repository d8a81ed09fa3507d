import { describe, expect, it } from 'vitest';
import { colormapTable } from './colormaps.js';

const entry = (table: Uint8Array, k: number) => Array.from(table.subarray(k * 4, k * 4 + 4));

describe('colormapTable', () => {
  it('maps grey level k to (k, k, k)', () => {
    const grey = colormapTable('grey');
    expect([0, 1, 128, 255].map((k) => entry(grey, k))).toEqual([
      [0, 0, 0, 255],
      [1, 1, 1, 255],
      [128, 128, 128, 255],
      [255, 255, 255, 255],
    ]);
  });

  it('reproduces the DICOM HOT_IRON palette entries (PS3.6 Annex B)', () => {
    const hot = colormapTable('hot-iron');
    // Values as listed in the palette's Red/Green/Blue Palette Color LUT Data.
    expect([0, 1, 127, 128, 129, 191, 192, 193, 254, 255].map((k) => entry(hot, k))).toEqual([
      [0, 0, 0, 255],
      [2, 0, 0, 255],
      [254, 0, 0, 255],
      [255, 0, 0, 255],
      [255, 2, 0, 255],
      [255, 126, 0, 255],
      [255, 128, 4, 255],
      [255, 130, 8, 255],
      [255, 252, 252, 255],
      [255, 255, 255, 255],
    ]);
  });

  it('runs the rainbow from violet through blue, green and yellow to red', () => {
    const rainbow = colormapTable('rainbow');
    expect(entry(rainbow, 0)).toEqual([128, 0, 255, 255]);
    expect(entry(rainbow, 255)).toEqual([255, 0, 0, 255]);
    // Hue steps 9·(255 − k) of 60°/510: level 28 → 2043 (just past blue), 142 → 1017 (just
    // before green), 199 → 504 (just before yellow), 227 → 252 (orange).
    expect(entry(rainbow, 28)).toEqual([2, 0, 255, 255]);
    expect(entry(rainbow, 142)).toEqual([1, 255, 0, 255]);
    expect(entry(rainbow, 199)).toEqual([255, 252, 0, 255]);
    expect(entry(rainbow, 227)).toEqual([255, 126, 0, 255]);
  });
});
