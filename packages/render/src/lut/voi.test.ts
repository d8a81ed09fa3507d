import { describe, expect, it } from 'vitest';
import { RenderInputError } from '../errors/render-input-error.js';
import { type VoiTransform, voiLevelFunction } from './voi.js';

const levels = (voi: VoiTransform, inputs: number[], inverse = false) =>
  inputs.map(voiLevelFunction(voi, inverse));

describe('LINEAR (PS3.3 C.11.2.1.2.1)', () => {
  it('follows the standard example c = 2048, w = 4096: borders at 0 and 4095', () => {
    // y = ((x − 2047.5) / 4095 + 0.5) · 255 between the borders, floored.
    expect(levels({ kind: 'window', center: 2048, width: 4096 }, [-5, 0, 1, 1024, 2048, 4094, 4096])).toEqual(
      [0, 0, 0, 63, 127, 254, 255],
    );
  });

  it('follows the standard example c = 0, w = 100: borders at −50 and 49', () => {
    // x = −49: ((−48.5) / 99 + 0.5) · 255 = 2.58; x = 48: (48.5 / 99 + 0.5) · 255 = 252.42.
    expect(levels({ kind: 'window', center: 0, width: 100 }, [-50, -49, 0, 48, 50])).toEqual([
      0, 2, 128, 252, 255,
    ]);
  });

  it('thresholds at c − 0.5 for width 1 (standard examples c = 2048 and c = 0)', () => {
    expect(levels({ kind: 'window', center: 2048, width: 1 }, [2047, 2047.5, 2047.6, 2048])).toEqual([
      0, 0, 255, 255,
    ]);
    expect(levels({ kind: 'window', center: 0, width: 1 }, [-1, -0.5, 0])).toEqual([0, 0, 255]);
  });

  it('runs from 255 down to 0 when inverse (MONOCHROME1), as floor(255 · (1 − y))', () => {
    // c = 0, w = 100, x = −49: 255 · (1 − 0.0101) = 252.42 → 252.
    expect(levels({ kind: 'window', center: 0, width: 100 }, [-50, -49, 0, 50], true)).toEqual([
      255, 252, 126, 0,
    ]);
  });

  it('keeps the levels dcmtk gives where 255 · y is an exact integer (width 256)', () => {
    // c = 40, w = 256: 255 · y = x + 88 exactly; dcmtk's double expression lands on it.
    expect(levels({ kind: 'window', center: 40, width: 256 }, [-88, -87, 0, 100, 167])).toEqual([
      0, 1, 88, 188, 255,
    ]);
  });
});

describe('LINEAR_EXACT (PS3.3 C.11.2.1.3.2)', () => {
  it('follows the standard example c = 2048, w = 4096: borders at 0 and 4096', () => {
    // y = ((x − 2048) / 4096 + 0.5) · 255: x = 1 → 0.06, 1024 → 63.75, 2048 → 127.5, 4096 → 255.
    expect(
      levels(
        { kind: 'window', center: 2048, width: 4096, function: 'LINEAR_EXACT' },
        [0, 1, 1024, 2048, 4096, 4097],
      ),
    ).toEqual([0, 0, 63, 127, 255, 255]);
  });

  it('follows the standard example c = 2048, w = 1: linear between 2047.5 and 2048.5', () => {
    const voi: VoiTransform = { kind: 'window', center: 2048, width: 1, function: 'LINEAR_EXACT' };
    expect(levels(voi, [2047.5, 2047.75, 2048, 2048.25, 2048.6])).toEqual([0, 63, 127, 191, 255]);
  });

  it('accepts widths below 1, which LINEAR refuses', () => {
    expect(
      levels({ kind: 'window', center: 0, width: 0.5, function: 'LINEAR_EXACT' }, [-0.25, 0, 0.26]),
    ).toEqual([0, 127, 255]);
    expect(() => voiLevelFunction({ kind: 'window', center: 0, width: 0.5 }, false)).toThrow(
      RenderInputError,
    );
  });
});

describe('SIGMOID (PS3.3 C.11.2.1.3.1)', () => {
  it('is 255 / (1 + exp(−4 (x − c) / w)), floored', () => {
    // c = 40, w = 400: x = 40 → 127.5; x = 140 → 255 / (1 + e⁻¹) = 186.4; x = −60 → 255 / (1 + e) = 68.6.
    expect(
      levels({ kind: 'window', center: 40, width: 400, function: 'SIGMOID' }, [40, 140, -60, 1e6, -1e6]),
    ).toEqual([127, 186, 68, 255, 0]);
  });

  it('is 255 − 255 / (1 + exp(…)), floored, when inverse', () => {
    expect(
      levels({ kind: 'window', center: 40, width: 400, function: 'SIGMOID' }, [40, 140, -60], true),
    ).toEqual([127, 68, 186]);
  });
});

describe('VOI LUT Sequence (PS3.3 C.11.2.1.1)', () => {
  const data = Uint16Array.from([0, 255, 256, 4095, 65535, 32768]);
  const lut = (bitsPerEntry: number): VoiTransform => ({
    kind: 'lut',
    firstValueMapped: -2,
    bitsPerEntry,
    data,
  });

  it('maps entry v of n bits to its top 8 bits, clamping inputs to the table', () => {
    expect(levels(lut(16), [-10, -2, -1, 0, 1, 2, 3, 100])).toEqual([0, 0, 0, 1, 15, 255, 128, 128]);
    expect(levels(lut(12), [-1, 0, 1])).toEqual([15, 16, 255]);
  });

  it('floors fractional inputs to the entry below', () => {
    expect(levels(lut(16), [0.99, 1.5])).toEqual([1, 15]);
  });

  it('inverts as 255 minus the level', () => {
    expect(levels(lut(16), [-2, 1, 2], true)).toEqual([255, 240, 0]);
  });

  it('refuses bit depths outside 8 to 16', () => {
    expect(() => voiLevelFunction(lut(7), false)).toThrow(/bits per entry 7/);
  });
});
