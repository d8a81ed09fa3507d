import type { DicomJsonDataset } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { pixelCalibration } from './pixel-calibration.js';

const ds = (values: Record<string, number[]>): DicomJsonDataset =>
  Object.fromEntries(Object.entries(values).map(([tag, value]) => [tag, { vr: 'DS', Value: value }]));

describe('pixelCalibration', () => {
  it('uses Pixel Spacing as the size in the patient', () => {
    expect(pixelCalibration(ds({ '00280030': [0.7, 0.6] }))).toEqual({
      spacing: [0.7, 0.6],
      source: 'patient',
    });
    // A calibrated radiograph carries both: Pixel Spacing wins.
    expect(pixelCalibration(ds({ '00280030': [0.0909, 0.0909], '00181164': [0.1, 0.1] }))?.source).toBe(
      'patient',
    );
  });

  it('prefers the frame’s own Pixel Spacing (enhanced multi-frame)', () => {
    expect(pixelCalibration(ds({}), [0.4, 0.4])).toEqual({ spacing: [0.4, 0.4], source: 'patient' });
  });

  it('says when only Imager Pixel Spacing is known (at the detector)', () => {
    expect(pixelCalibration(ds({ '00181164': [0.15, 0.15] }))).toEqual({
      spacing: [0.15, 0.15],
      source: 'detector',
    });
  });

  it('corrects Imager Pixel Spacing by the Estimated Radiographic Magnification Factor', () => {
    const calibration = pixelCalibration(ds({ '00181164': [0.1, 0.1], '00181114': [1.25] }));
    expect(calibration?.source).toBe('magnification-corrected');
    expect(calibration?.spacing[0]).toBeCloseTo(0.08, 12);
  });

  it('knows nothing without a spacing, or with a broken one', () => {
    expect(pixelCalibration(ds({}))).toBeUndefined();
    expect(pixelCalibration(undefined)).toBeUndefined();
    expect(pixelCalibration(ds({ '00280030': [0, 0.5] }))).toBeUndefined();
    expect(pixelCalibration(ds({ '00280030': [0.5] }))).toBeUndefined();
  });
});
