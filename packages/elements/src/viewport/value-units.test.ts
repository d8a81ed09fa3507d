import type { DicomJsonDataset } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { PLAIN_VALUES, valueUnits } from './value-units.js';

const cs = (value: string) => ({ vr: 'CS', Value: [value] });

/** A PET data set whose SUVbw factor is 75 000 g / 370 MBq decayed over one hour of F-18. */
const pet = (changes: DicomJsonDataset = {}): DicomJsonDataset => ({
  '00080060': cs('PT'),
  '00541001': cs('BQML'),
  '00541102': cs('START'),
  '00280051': { vr: 'CS', Value: ['DECY', 'ATTN'] },
  '00080021': { vr: 'DA', Value: ['20240115'] },
  '00080031': { vr: 'TM', Value: ['100000'] },
  '00101030': { vr: 'DS', Value: [75] },
  '00540016': {
    vr: 'SQ',
    Value: [
      {
        '00181078': { vr: 'DT', Value: ['20240115090000'] },
        '00181074': { vr: 'DS', Value: [370e6] },
        '00181075': { vr: 'DS', Value: [6586.2] },
      },
    ],
  },
  ...changes,
});

describe('valueUnits', () => {
  it('shows a PET with a valid SUV in SUVbw, two decimals', () => {
    const units = valueUnits(pet());
    expect(units.unit).toBe('SUVbw');
    expect(units.scale).toBeCloseTo(75_000 / (370e6 * 2 ** (-3600 / 6586.2)), 15);
    expect(units).toMatchObject({ digits: 2, fixed: true });
  });

  it("shows a PET without an SUV in the scanner's units", () => {
    expect(valueUnits(pet({ '00101030': undefined }))).toEqual({ ...PLAIN_VALUES, unit: 'Bq/ml' });
    expect(valueUnits(pet({ '00541001': cs('CNTS') }))).toEqual({ ...PLAIN_VALUES, unit: 'counts' });
    expect(valueUnits(pet({ '00541001': undefined }))).toEqual(PLAIN_VALUES);
  });

  it('shows CT, and any image whose Rescale Type is HU, in HU; others as plain values', () => {
    expect(valueUnits({ '00080060': cs('CT') }).unit).toBe('HU');
    expect(valueUnits({ '00080060': cs('OT'), '00281054': { vr: 'LO', Value: ['HU'] } }).unit).toBe('HU');
    expect(valueUnits({ '00080060': cs('MR') })).toEqual(PLAIN_VALUES);
    expect(valueUnits(undefined)).toEqual(PLAIN_VALUES);
  });
});
