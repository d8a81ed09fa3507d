import { describe, expect, it } from 'vitest';
import { type AnnotationFacts, cornerAnnotations, formatInUnits, formatNumber } from './annotations.js';
import { slicePositionMm } from './slice-position.js';

const ct: AnnotationFacts = {
  patientName: 'Phantom^CT',
  patientId: 'FOVEA-CT',
  studyDate: '20260105',
  studyDescription: 'CT chest abdomen',
  seriesNumber: 2,
  seriesDescription: 'Phantom CT 1.0 mm',
  frameIndex: 149,
  frameCount: 300,
  slicePositionMm: 1,
  sliceThicknessMm: 1,
  window: { center: 40, width: 400 },
  zoomPercent: 117.19,
};

describe('cornerAnnotations', () => {
  it('places patient, study and series, slice, and presentation in the four corners', () => {
    expect(cornerAnnotations(ct, 'en', { portal: false })).toEqual({
      topLeft: ['Phantom, CT', 'ID FOVEA-CT'],
      topRight: ['CT chest abdomen', '2026-01-05', 'Series 2', 'Phantom CT 1.0 mm'],
      bottomLeft: ['Image 150 of 300', 'Loc 1 mm', 'Thk 1 mm'],
      bottomRight: ['W 400 L 40', 'Zoom 117%'],
    });
  });

  it('shows the window in the units of the values: HU, or SUVbw with two decimals', () => {
    const hu = { unit: 'HU', scale: 1, digits: 1, fixed: false };
    expect(cornerAnnotations({ ...ct, windowUnits: hu }, 'en', { portal: false }).bottomRight[0]).toBe(
      'W 400 L 40 HU',
    );
    // A PET window of 20265 / 10133 Bq/ml at 3377.52 Bq/ml per SUVbw.
    const suv = { unit: 'SUVbw', scale: 1 / 3377.522403221877, digits: 2, fixed: true };
    const pet = { ...ct, window: { center: 10133, width: 20265 }, windowUnits: suv };
    expect(cornerAnnotations(pet, 'en', { portal: false }).bottomRight[0]).toBe('W 6.00 L 3.00 SUVbw');
    expect(cornerAnnotations(pet, 'es', { portal: false }).bottomRight[0]).toBe('An 6.00 Ni 3.00 SUVbw');
    const raw = { unit: 'Bq/ml', scale: 1, digits: 1, fixed: false };
    expect(cornerAnnotations({ ...pet, windowUnits: raw }, 'en', { portal: false }).bottomRight[0]).toBe(
      'W 20265 L 10133 Bq/ml',
    );
  });

  it('formats values in units without a negative zero', () => {
    const suv = { unit: 'SUVbw', scale: 0.001, digits: 2, fixed: true };
    expect(formatInUnits(-1, suv)).toBe('0.00');
    expect(formatInUnits(8000, suv)).toBe('8.00');
    expect(formatInUnits(-0.04, { unit: undefined, scale: 1, digits: 1, fixed: false })).toBe('0');
  });

  it('hides the name, the ID and the study date in portal mode', () => {
    const text = Object.values(cornerAnnotations(ct, 'en', { portal: true }))
      .flat()
      .join('\n');
    expect(text).not.toMatch(/Phantom, CT|FOVEA-CT|2026-01-05/);
    expect(text).toContain('CT chest abdomen');
    expect(text).toContain('W 400 L 40');
  });

  it('gives a cine frame its time from the first frame, in seconds', () => {
    const us = { frameIndex: 5, frameCount: 30, cineElapsedMs: 166.65 };
    expect(cornerAnnotations(us, 'en', { portal: false }).bottomLeft).toEqual([
      'Image 6 of 30',
      'Time 0.167 s',
    ]);
    expect(cornerAnnotations(us, 'es', { portal: true }).bottomLeft).toEqual([
      'Imagen 6 de 30',
      'Tiempo 0.167 s',
    ]);
    expect(
      cornerAnnotations({ ...us, cineElapsedMs: 0, frameIndex: 0 }, 'zh', { portal: false }).bottomLeft,
    ).toEqual(['第 1 幅，共 30 幅', '时间 0 秒']);
  });

  it('leaves out what is not known instead of showing empty labels', () => {
    const bare = cornerAnnotations({ frameIndex: 0, frameCount: 1 }, 'en', { portal: false });
    expect(bare).toEqual({ topLeft: [], topRight: [], bottomLeft: ['Image 1 of 1'], bottomRight: [] });
  });

  it('formats fractional windows and positions, and says so when playing', () => {
    const corners = cornerAnnotations(
      { ...ct, window: { center: -612.25, width: 1499.97 }, slicePositionMm: -0.04, playing: true },
      'en',
      { portal: false },
    );
    expect(corners.bottomRight).toEqual(['W 1500 L -612.3', 'Zoom 117%', 'Playing']);
    expect(corners.bottomLeft[1]).toBe('Loc 0 mm');
  });

  it('speaks the requested language', () => {
    const corners = cornerAnnotations(ct, 'es', { portal: false });
    expect(corners.bottomLeft[0]).toBe('Imagen 150 de 300');
    expect(corners.topRight).toContain('Serie 2');
  });
});

describe('formatNumber', () => {
  it('keeps integers and rounds others to the digits asked for', () => {
    expect(formatNumber(40, 1)).toBe('40');
    expect(formatNumber(0.625, 2)).toBe('0.63');
    expect(formatNumber(2.5, 2)).toBe('2.5');
    expect(formatNumber(-0.01, 1)).toBe('0');
  });
});

describe('slicePositionMm', () => {
  it('is the z coordinate for an axial slice and the signed distance along an oblique normal', () => {
    expect(slicePositionMm([-179.6, -179.6, 12.5], [1, 0, 0, 0, 1, 0])).toBe(12.5);
    // Sagittal: the normal (row × column) of rows towards P and columns towards F is −x (patient right).
    expect(slicePositionMm([30, -100, 100], [0, 1, 0, 0, 0, -1])).toBe(-30);
    const c = Math.SQRT1_2;
    expect(slicePositionMm([10, 0, 10], [1, 0, 0, 0, c, -c])).toBeCloseTo(c * 10, 12);
  });

  it('is undefined without a position or a usable orientation', () => {
    expect(slicePositionMm(undefined, [1, 0, 0, 0, 1, 0])).toBeUndefined();
    expect(slicePositionMm([0, 0, 0], undefined)).toBeUndefined();
    expect(slicePositionMm([0, 0, 0], [1, 0, 0, 1, 0, 0])).toBeUndefined();
  });
});
