import type { DicomJsonDataset } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { pixelCalibration } from './pixel-calibration.js';

const ds = (values: Record<string, number[]>): DicomJsonDataset =>
  Object.fromEntries(Object.entries(values).map(([tag, value]) => [tag, { vr: 'DS', Value: value }]));

/** A 640 × 480 ultrasound image with one 2D tissue region, 0.02 cm per pixel unless told. */
function ultrasound({ deltaX = 0.02, units = 3 }: { deltaX?: number; units?: number }): DicomJsonDataset {
  const region = {
    '00186012': { vr: 'US', Value: [1] },
    '00186014': { vr: 'US', Value: [1] },
    '00186018': { vr: 'UL', Value: [67] },
    '0018601A': { vr: 'UL', Value: [30] },
    '0018601C': { vr: 'UL', Value: [573] },
    '0018601E': { vr: 'UL', Value: [460] },
    '00186024': { vr: 'US', Value: [units] },
    '00186026': { vr: 'US', Value: [3] },
    '0018602C': { vr: 'FD', Value: [deltaX] },
    '0018602E': { vr: 'FD', Value: [0.02] },
  };
  return {
    '00280010': { vr: 'US', Value: [480] },
    '00280011': { vr: 'US', Value: [640] },
    '00186011': { vr: 'SQ', Value: [region] },
  };
}

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

  it('uses the 2D tissue region of the Sequence of Ultrasound Regions, cm → mm', () => {
    expect(pixelCalibration(ultrasound({ deltaX: 0.025 }))).toEqual({
      spacing: [0.2, 0.25],
      source: 'ultrasound-region',
      // It holds in the region only.
      validIn: [{ minX: 67, minY: 30, maxX: 573, maxY: 460 }],
    });
  });

  it('shows no ruler when the ultrasound regions are refused, whatever else the image carries', () => {
    expect(pixelCalibration(ultrasound({ deltaX: 0 }))).toBeUndefined();
    expect(pixelCalibration(ultrasound({ units: 7 }))).toBeUndefined();
    // Rows and Columns are needed to check that the region lies in the image.
    const { '00280010': _rows, ...noRows } = ultrasound({});
    expect(pixelCalibration(noRows)).toBeUndefined();
    // A refused region does not fall back to Imager Pixel Spacing.
    expect(
      pixelCalibration({ ...ultrasound({ deltaX: -1 }), ...ds({ '00181164': [0.1, 0.1] }) }),
    ).toBeUndefined();
    // Pixel Spacing, when a machine writes it, is the size in the patient and comes first.
    expect(
      pixelCalibration({ ...ultrasound({ deltaX: -1 }), ...ds({ '00280030': [0.3, 0.3] }) })?.source,
    ).toBe('patient');
  });

  it('knows nothing without a spacing, or with a broken one', () => {
    expect(pixelCalibration(ds({}))).toBeUndefined();
    expect(pixelCalibration(undefined)).toBeUndefined();
    expect(pixelCalibration(ds({ '00280030': [0, 0.5] }))).toBeUndefined();
    expect(pixelCalibration(ds({ '00280030': [0.5] }))).toBeUndefined();
  });
});
