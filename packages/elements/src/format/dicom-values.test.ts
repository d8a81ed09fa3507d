import { describe, expect, it } from 'vitest';
import { formatDicomDate, formatPersonName } from './dicom-values.js';

describe('DICOM value formatting', () => {
  it('formats DA as ISO dates and leaves malformed dates visible as they are', () => {
    expect(formatDicomDate('20261122')).toBe('2026-11-22');
    expect(formatDicomDate('2026.11.22')).toBe('2026.11.22');
    expect(formatDicomDate(undefined)).toBe('');
  });

  it('formats PN with family name first and drops ideographic groups', () => {
    expect(formatPersonName('Phantom^CT')).toBe('Phantom, CT');
    expect(formatPersonName('Yamada^Tarou=山田^太郎')).toBe('Yamada, Tarou');
    expect(formatPersonName('Anonymous')).toBe('Anonymous');
  });
});
