import { describe, expect, it } from 'vitest';
import { dicomDateAndTime, dicomDateDays, dicomDateTime, dicomTimeSeconds, utcOffset } from './dicom-time.js';

describe('DICOM dates and times', () => {
  it('reads TM with every optional part, and the ACR-NEMA colons', () => {
    expect(dicomTimeSeconds('10')).toBe(36000);
    expect(dicomTimeSeconds('1030')).toBe(37800);
    expect(dicomTimeSeconds('103015')).toBe(37815);
    expect(dicomTimeSeconds('103015.250000')).toBe(37815.25);
    expect(dicomTimeSeconds('10:30:15.5')).toBe(37815.5);
    expect(dicomTimeSeconds(' 103015 ')).toBe(37815);
  });

  it('refuses times and dates that do not exist', () => {
    expect(dicomTimeSeconds('2400')).toBeUndefined();
    expect(dicomTimeSeconds('1060')).toBeUndefined();
    expect(dicomTimeSeconds('10301')).toBeUndefined();
    expect(dicomTimeSeconds('')).toBeUndefined();
    expect(dicomDateDays('20240230')).toBeUndefined();
    expect(dicomDateDays('2024011')).toBeUndefined();
  });

  it('counts days across months and leap years', () => {
    expect((dicomDateDays('20240301') ?? 0) - (dicomDateDays('20240228') ?? 0)).toBe(2);
    expect(dicomDateDays('1970.01.02')).toBe(1);
  });

  it('reads DT down to the hour, with an optional UTC offset', () => {
    const date = dicomDateAndTime('20240115', '093000');
    expect(dicomDateTime('202401150930')).toEqual(date);
    expect(dicomDateTime('20240115093000.000000+0530')).toEqual({ ...date, utcOffsetSeconds: 19800 });
    expect(dicomDateTime('20240115')).toBeUndefined();
    expect(dicomDateTime('20240115093000+2500')).toBeUndefined();
    expect(utcOffset('-0800')).toBe(-28800);
  });
});
