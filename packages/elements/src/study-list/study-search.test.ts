import { describe, expect, it } from 'vitest';
import { dateRange, dicomDate, inputDate, patientNameMatch, splitDateRange } from './study-search.js';

describe('study search values', () => {
  it('turns date inputs into DICOM dates and ranges, and back', () => {
    expect(dicomDate('2026-01-05')).toBe('20260105');
    expect(dicomDate('05/01/2026')).toBe('');
    expect(inputDate('20260105')).toBe('2026-01-05');
    expect(dateRange('20260101', '20260131')).toBe('20260101-20260131');
    expect(dateRange('20260101', '')).toBe('20260101-');
    expect(dateRange('', '20260131')).toBe('-20260131');
    expect(dateRange('20260105', '20260105')).toBe('20260105');
    expect(dateRange('', '')).toBe('');
    expect(splitDateRange('20260101-')).toEqual(['20260101', '']);
    expect(splitDateRange('20260105')).toEqual(['20260105', '20260105']);
  });

  it('makes a typed name a prefix match unless it has wildcards', () => {
    expect(patientNameMatch(' Phantom ')).toBe('Phantom*');
    expect(patientNameMatch('*CT')).toBe('*CT');
    expect(patientNameMatch('  ')).toBe('');
  });
});
