import { describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { PetSuvError } from './pet-suv-error.js';
import { suvbwScale } from './suv.js';

/** F-18: 370 MBq at 09:00, series at 10:00, 75 kg (the generated PET's numbers). */
const HALF_LIFE = 6586.2;
const DOSE = 370e6;
const WEIGHT = 75;

interface Values {
  modality?: string | undefined;
  units?: string | undefined;
  decayCorrection?: string | undefined;
  correctedImage?: string[] | undefined;
  seriesDate?: string | undefined;
  seriesTime?: string | undefined;
  acquisitionDate?: string | undefined;
  acquisitionTime?: string | undefined;
  timezoneOffset?: string | undefined;
  weight?: number | string | undefined;
  geScanDateTime?: string | undefined;
  sequence?: boolean;
  startTime?: string | undefined;
  startDateTime?: string | undefined;
  totalDose?: number | string | undefined;
  halfLife?: number | string | undefined;
}

const BASE: Values = {
  modality: 'PT',
  units: 'BQML',
  decayCorrection: 'START',
  correctedImage: ['DECY', 'ATTN', 'SCAT', 'DTIM'],
  seriesDate: '20240115',
  seriesTime: '100000',
  acquisitionDate: '20240115',
  acquisitionTime: '100000',
  weight: 75,
  sequence: true,
  startTime: '090000.00',
  startDateTime: '20240115090000.00',
  totalDose: DOSE,
  halfLife: HALF_LIFE,
};

const attribute = (vr: string, value: unknown) =>
  value === undefined ? undefined : { vr, Value: Array.isArray(value) ? value : [value] };

/** A PET data set in the DICOM JSON model: `BASE` with `changes` (undefined leaves an attribute out). */
function pet(changes: Values = {}): DicomJsonDataset {
  const v = { ...BASE, ...changes };
  const item: DicomJsonDataset = {
    '00181072': attribute('TM', v.startTime),
    '00181078': attribute('DT', v.startDateTime),
    '00181074': attribute('DS', v.totalDose),
    '00181075': attribute('DS', v.halfLife),
  };
  return {
    '00080060': attribute('CS', v.modality),
    '00541001': attribute('CS', v.units),
    '00541102': attribute('CS', v.decayCorrection),
    '00280051': attribute('CS', v.correctedImage),
    '00080021': attribute('DA', v.seriesDate),
    '00080031': attribute('TM', v.seriesTime),
    '00080022': attribute('DA', v.acquisitionDate),
    '00080032': attribute('TM', v.acquisitionTime),
    '00080201': attribute('SH', v.timezoneOffset),
    '00101030': attribute('DS', v.weight),
    '00090010': v.geScanDateTime === undefined ? undefined : attribute('LO', 'GEMS_PETD_01'),
    '0009100D': attribute('DT', v.geScanDateTime),
    '00540016': v.sequence ? { vr: 'SQ', Value: [item] } : undefined,
  };
}

/** weight (g) / (dose decayed over `seconds`). */
const expected = (seconds: number, weightKg = WEIGHT, dose = DOSE) =>
  (weightKg * 1000) / (dose * 2 ** (-seconds / HALF_LIFE));

function refusal(changes: Values): PetSuvError {
  try {
    suvbwScale(pet(changes));
  } catch (error) {
    expect(error).toBeInstanceOf(PetSuvError);
    return error as PetSuvError;
  }
  throw new Error('suvbwScale accepted the data set');
}

describe('suvbwScale', () => {
  it('decays the dose from the Radiopharmaceutical Start DateTime to the series time (START)', () => {
    const scale = suvbwScale(pet());
    expect(scale.decaySeconds).toBe(3600);
    expect(scale.factor).toBeCloseTo(expected(3600), 12);
    expect(scale.decayCorrection).toBe('START');
    expect(scale.scanTimeSource).toBe('series');
    expect(scale.decayedDoseBq).toBeCloseTo(DOSE * 2 ** (-3600 / HALF_LIFE), 3);
  });

  it('prefers the Start DateTime to the Start Time', () => {
    // The DateTime says 08:30 the same day; the (contradicting) Time says 09:00.
    const scale = suvbwScale(pet({ startDateTime: '20240115083000' }));
    expect(scale.decaySeconds).toBe(5400);
  });

  it('falls back to the Start Time on the series date when there is no Start DateTime', () => {
    const scale = suvbwScale(pet({ startDateTime: undefined, startTime: '093000' }));
    expect(scale.decaySeconds).toBe(1800);
    expect(scale.factor).toBeCloseTo(expected(1800), 12);
  });

  it('takes an injection Time later than the series time as the day before (crossing midnight)', () => {
    const scale = suvbwScale(
      pet({
        startDateTime: undefined,
        startTime: '233000',
        seriesTime: '003000',
        acquisitionTime: '003000',
      }),
    );
    expect(scale.decaySeconds).toBe(3600);
  });

  it('crosses midnight with a Start DateTime on the previous date', () => {
    const scale = suvbwScale(
      pet({
        startDateTime: '20240114233000',
        seriesDate: '20240115',
        seriesTime: '004500',
        acquisitionTime: '004500',
      }),
    );
    expect(scale.decaySeconds).toBe(4500);
  });

  it('uses the dose undecayed when values are decay-corrected to the administration (ADMIN)', () => {
    // Times do not matter for ADMIN: even without any, the factor is weight / dose.
    const scale = suvbwScale(
      pet({ decayCorrection: 'ADMIN', startDateTime: undefined, startTime: undefined, halfLife: undefined }),
    );
    expect(scale.factor).toBeCloseTo((WEIGHT * 1000) / DOSE, 15);
    expect(scale.decaySeconds).toBe(0);
    expect(scale.scanTimeSource).toBeUndefined();
  });

  it('uses the acquisition time when the series time is later (a post-processed series)', () => {
    const scale = suvbwScale(pet({ seriesTime: '140000', acquisitionTime: '100000' }));
    expect(scale.scanTimeSource).toBe('acquisition');
    expect(scale.decaySeconds).toBe(3600);
  });

  it("uses GE's private scan time for a post-processed series when GE wrote one", () => {
    const scale = suvbwScale(
      pet({ seriesTime: '140000', acquisitionTime: '103000', geScanDateTime: '20240115100000' }),
    );
    expect(scale.scanTimeSource).toBe('ge-private');
    expect(scale.decaySeconds).toBe(3600);
  });

  it('keeps the series time when the acquisition is later (the usual whole-body case)', () => {
    const scale = suvbwScale(pet({ acquisitionTime: '102500' }));
    expect(scale.scanTimeSource).toBe('series');
    expect(scale.decaySeconds).toBe(3600);
  });

  it('applies UTC offsets when the Start DateTime and the series both carry one', () => {
    // 09:00 at +0100 is 08:00 UTC; the series at 10:00 +0200 is 08:00 UTC too… plus an hour.
    const scale = suvbwScale(
      pet({
        startDateTime: '20240115090000+0100',
        seriesTime: '110000',
        acquisitionTime: '110000',
        timezoneOffset: '+0200',
      }),
    );
    expect(scale.decaySeconds).toBe(3600);
  });

  it('reads DS values sent as strings by servers', () => {
    const scale = suvbwScale(pet({ weight: '75', totalDose: '370000000', halfLife: '6586.2' }));
    expect(scale.factor).toBeCloseTo(expected(3600), 12);
  });
});

describe('suvbwScale refusals', () => {
  const cases: Array<[string, Values, string]> = [
    ['a modality other than PT', { modality: 'NM' }, '(0008,0060) Modality'],
    ['missing Units', { units: undefined }, '(0054,1001) Units'],
    ['Units other than BQML', { units: 'CNTS' }, '(0054,1001) Units'],
    ['images not attenuation-corrected', { correctedImage: ['DECY'] }, '(0028,0051) Corrected Image'],
    ['images not decay-corrected', { correctedImage: ['ATTN'] }, '(0028,0051) Corrected Image'],
    ['missing Decay Correction', { decayCorrection: undefined }, '(0054,1102) Decay Correction'],
    ['Decay Correction NONE', { decayCorrection: 'NONE' }, '(0054,1102) Decay Correction'],
    [
      'no radiopharmaceutical item',
      { sequence: false },
      '(0054,0016) Radiopharmaceutical Information Sequence',
    ],
    ['missing total dose', { totalDose: undefined }, '(0018,1074) Radionuclide Total Dose'],
    ['a zero total dose', { totalDose: 0 }, '(0018,1074) Radionuclide Total Dose'],
    ['missing half life', { halfLife: undefined }, '(0018,1075) Radionuclide Half Life'],
    ['a negative half life', { halfLife: -6586 }, '(0018,1075) Radionuclide Half Life'],
    ['missing weight', { weight: undefined }, "(0010,1030) Patient's Weight"],
    ['a zero weight', { weight: 0 }, "(0010,1030) Patient's Weight"],
    ['a weight that is not a number', { weight: 'unknown' }, "(0010,1030) Patient's Weight"],
    ['no start time at all', { startDateTime: undefined, startTime: undefined }, '(0018,1072) Start Time'],
    ['an invalid start time', { startDateTime: 'yesterday', startTime: '25:00' }, '(0018,1072) Start Time'],
    [
      'a start after the scan',
      { startDateTime: '20240115110000' },
      '(0018,1078) Radiopharmaceutical Start DateTime',
    ],
    ['missing series time', { seriesTime: undefined }, '(0008,0031) Series Time'],
    ['an invalid series date', { seriesDate: '20240231' }, '(0008,0021) Series Date'],
  ];
  it.each(cases)('refuses %s, naming the attribute', (_, changes, named) => {
    const error = refusal(changes);
    expect(error.code).toBe('PET_SUV_UNAVAILABLE');
    expect(error.attribute).toContain(named);
    expect(error.message).toContain(named);
  });

  it('puts no patient value in the message', () => {
    const error = refusal({ startDateTime: '20240115110000' });
    expect(error.message).not.toMatch(/2024|11:00|110000|75/);
  });
});
