import { describe, expect, it } from 'vitest';
import { RenderInputError } from '../../errors/render-input-error.js';
import {
  bakeTransferFunction,
  evaluateTransferFunction,
  lookupTransferTable,
  TRANSFER_TABLE_SIZE,
  type TransferFunction,
  validateTransferFunction,
} from './transfer-function.js';
import { TRANSFER_PRESETS } from './transfer-presets.js';

const ramp: TransferFunction = {
  colour: [
    { value: 0, rgb: [0, 0, 0] },
    { value: 100, rgb: [1, 0.5, 0] },
  ],
  opacity: [
    { value: -100, alpha: 0 },
    { value: 0, alpha: 0 },
    { value: 100, alpha: 0.8 },
  ],
};

describe('transfer functions', () => {
  it('interpolates colour and opacity linearly between points and holds them beyond the ends', () => {
    expect(evaluateTransferFunction(ramp, 50)).toEqual([0.5, 0.25, 0, 0.4]);
    expect(evaluateTransferFunction(ramp, -500)).toEqual([0, 0, 0, 0]);
    expect(evaluateTransferFunction(ramp, 5000)).toEqual([1, 0.5, 0, 0.8]);
  });

  it('bakes a table over all points that reproduces a piecewise-linear function between entries', () => {
    const table = bakeTransferFunction(ramp);
    expect([table.min, table.max]).toEqual([-100, 100]);
    expect(table.rgba).toHaveLength(TRANSFER_TABLE_SIZE * 4);
    const out = new Float64Array(4);
    for (const value of [-100, -37.5, 0, 12.25, 50, 99.9, 100, 1000]) {
      lookupTransferTable(table, value, out);
      const exact = evaluateTransferFunction(ramp, value);
      // Exact except within one entry (0.098 HU) of a breakpoint falling between entries (0 HU
      // here), where it is off by at most slope × spacing / 4 = 0.01 × 0.098 / 4.
      const tolerance = value === 0 ? 2.5e-4 : 1e-6;
      for (let c = 0; c < 4; c++)
        expect(Math.abs((out[c] as number) - (exact[c] as number))).toBeLessThan(tolerance);
    }
  });

  it('bakes every preset, with bone transparent below −16 HU and opaque at 1200 HU', () => {
    for (const tf of Object.values(TRANSFER_PRESETS)) expect(() => bakeTransferFunction(tf)).not.toThrow();
    const bone = TRANSFER_PRESETS['ct-bone'];
    expect(evaluateTransferFunction(bone, -500)[3]).toBe(0);
    expect(evaluateTransferFunction(bone, 1200)[3]).toBeGreaterThan(0.7);
  });

  it('refuses points out of order, colours outside 0…1 and empty lists with a typed error', () => {
    const cases: TransferFunction[] = [
      { ...ramp, opacity: [] },
      {
        ...ramp,
        colour: [
          { value: 10, rgb: [0, 0, 0] },
          { value: 10, rgb: [1, 1, 1] },
        ],
      },
      { ...ramp, colour: [{ value: 0, rgb: [0, 2, 0] }] },
      { ...ramp, opacity: [{ value: Number.NaN, alpha: 0 }] },
      { ...ramp, opacity: [{ value: 0, alpha: -0.1 }] },
    ];
    for (const tf of cases) {
      expect(() => validateTransferFunction(tf)).toThrow(RenderInputError);
      try {
        validateTransferFunction(tf);
      } catch (error) {
        expect((error as RenderInputError).code).toBe('RENDER_INVALID_VIEW');
      }
    }
  });
});
