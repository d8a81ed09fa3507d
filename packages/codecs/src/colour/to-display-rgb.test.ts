import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../decoded-frame.js';
import { ColourConversionError, toDisplayRgb } from './to-display-rgb.js';

const frame = (
  colourSpace: string,
  pixels: number[],
  overrides: Partial<DecodedFrame> = {},
): DecodedFrame => ({
  pixels: Uint8Array.from(pixels),
  rows: 1,
  columns: pixels.length / 3,
  samplesPerPixel: 3,
  bitsStored: 8,
  signed: false,
  colourSpace,
  resolutionLevel: 0,
  ...overrides,
});

describe('toDisplayRgb', () => {
  it('converts YBR_FULL with the BT.601 full-range matrix', () => {
    const rgb = toDisplayRgb(frame('YBR_FULL', [128, 128, 128, 76, 85, 255, 29, 255, 107, 255, 128, 128]));
    expect(Array.from(rgb.pixels.subarray(0, 3))).toEqual([128, 128, 128]);
    // pure red and white land within rounding of their RGB values
    const [r, g, b] = Array.from(rgb.pixels.subarray(3, 6));
    expect(r).toBeGreaterThan(250);
    expect(g).toBeLessThan(3);
    expect(b).toBeLessThan(3);
    expect(Array.from(rgb.pixels.subarray(9, 12))).toEqual([255, 255, 255]);
  });

  it('converts YBR_PARTIAL (studio range) and YBR_RCT', () => {
    expect(Array.from(toDisplayRgb(frame('YBR_PARTIAL', [16, 128, 128, 235, 128, 128])).pixels)).toEqual([
      0, 0, 0, 255, 255, 255,
    ]);
    // RCT of RGB (10, 20, 30): Y = floor((10 + 2·20 + 30) / 4) = 20, Cb = 30 − 20, Cr = 10 − 20, centred on 128.
    expect(Array.from(toDisplayRgb(frame('YBR_RCT', [20, 138, 118])).pixels)).toEqual([10, 20, 30]);
  });

  it('passes RGB through and keeps 16-bit colour deep', () => {
    expect(Array.from(toDisplayRgb(frame('RGB', [1, 2, 3])).pixels)).toEqual([1, 2, 3]);
    const deep = toDisplayRgb(
      frame('RGB', [], { pixels: Uint16Array.from([1000, 2000, 3000]), bitsStored: 16, columns: 1 }),
    );
    expect(deep.pixels).toBeInstanceOf(Uint16Array);
    expect(deep.bitsPerSample).toBe(16);
  });

  it('applies a palette, including a segmented 16-bit one, clamping indexes to the table', () => {
    const indexes = frame('PALETTE COLOR', [], {
      pixels: Uint8Array.from([0, 1, 2, 9]),
      columns: 4,
      samplesPerPixel: 1,
    });
    const rgb = toDisplayRgb(indexes, {
      red: { entries: 3, firstMapped: 0, bitsPerEntry: 16, words: [0, 32768, 65535] },
      green: { entries: 3, firstMapped: 1, bitsPerEntry: 16, words: [10, 20, 30] },
      blue: { entries: 3, firstMapped: 0, bitsPerEntry: 16, words: [0, 1, 0, 1, 2, 1000], segmented: true },
    });
    expect(rgb.pixels).toBeInstanceOf(Uint16Array);
    expect(Array.from(rgb.pixels)).toEqual([0, 10, 0, 32768, 10, 500, 65535, 20, 1000, 65535, 30, 1000]);
  });

  it('refuses grey frames and palette frames without a palette', () => {
    expect(() => toDisplayRgb(frame('MONOCHROME2', [1], { samplesPerPixel: 1 }))).toThrow(
      ColourConversionError,
    );
    expect(() => toDisplayRgb(frame('PALETTE COLOR', [1], { samplesPerPixel: 1 }))).toThrow(
      ColourConversionError,
    );
  });
});
