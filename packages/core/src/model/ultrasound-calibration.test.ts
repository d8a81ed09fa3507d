import { describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { ultrasoundCalibration } from './ultrasound-calibration.js';
import { ultrasoundRegions } from './ultrasound-regions.js';

/** Attributes of one region item, by keyword; `undefined` leaves the attribute out. */
interface RegionValues {
  spatialFormat?: number | undefined;
  dataType?: number | undefined;
  minX?: number | undefined;
  minY?: number | undefined;
  maxX?: number | undefined;
  maxY?: number | undefined;
  unitsX?: number | undefined;
  unitsY?: number | undefined;
  deltaX?: number | undefined;
  deltaY?: number | undefined;
}

const TAGS: Record<keyof RegionValues, [tag: string, vr: string]> = {
  spatialFormat: ['00186012', 'US'],
  dataType: ['00186014', 'US'],
  minX: ['00186018', 'UL'],
  minY: ['0018601A', 'UL'],
  maxX: ['0018601C', 'UL'],
  maxY: ['0018601E', 'UL'],
  unitsX: ['00186024', 'US'],
  unitsY: ['00186026', 'US'],
  deltaX: ['0018602C', 'FD'],
  deltaY: ['0018602E', 'FD'],
};

/** A 2D tissue region over most of a 640 × 480 image, 0.02 cm per pixel both ways. */
const TISSUE: Required<RegionValues> = {
  spatialFormat: 1,
  dataType: 1,
  minX: 67,
  minY: 30,
  maxX: 573,
  maxY: 460,
  unitsX: 3,
  unitsY: 3,
  deltaX: 0.02,
  deltaY: 0.02,
};

function item(values: RegionValues): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const [key, value] of Object.entries(values)) {
    const [tag, vr] = TAGS[key as keyof RegionValues];
    if (value !== undefined) out[tag] = { vr, Value: [value] };
  }
  return out;
}

const dataset = (...regions: RegionValues[]): DicomJsonDataset => ({
  '00186011': { vr: 'SQ', Value: regions.map(item) },
});

const calibrate = (...regions: RegionValues[]) =>
  ultrasoundCalibration(ultrasoundRegions(dataset(...regions)), [640, 480]);

describe('ultrasoundRegions', () => {
  it('reads each item of (0018,6011) into the typed model', () => {
    const [region] = ultrasoundRegions({
      '00186011': { vr: 'SQ', Value: [{ ...item(TISSUE), '00186020': { vr: 'SL', Value: [253] } }] },
    });
    expect(region).toEqual({
      spatialFormat: 1,
      dataType: 1,
      flags: undefined,
      bounds: { minX: 67, minY: 30, maxX: 573, maxY: 460 },
      physicalUnits: { x: 3, y: 3 },
      physicalDelta: { x: 0.02, y: 0.02 },
      // Reference Pixel Y0 is missing: the point is not half known.
      referencePixel: undefined,
    });
  });

  it('keeps a partial item partial', () => {
    const [region] = ultrasoundRegions(dataset({ ...TISSUE, maxY: undefined, deltaX: undefined }));
    expect(region?.bounds).toBeUndefined();
    expect(region?.physicalDelta).toEqual({ x: undefined, y: 0.02 });
  });

  it('is empty without the sequence', () => {
    expect(ultrasoundRegions({})).toEqual([]);
  });
});

describe('ultrasoundCalibration', () => {
  it('gives the 2D tissue region’s Physical Delta in mm, rows then columns', () => {
    const calibration = calibrate({ ...TISSUE, deltaX: 0.025, deltaY: 0.02 });
    expect(calibration.ok && calibration.spacingMm).toEqual([0.2, 0.25]);
  });

  it('accepts a colour-flow box and a Doppler strip beside the tissue when the 2D regions agree', () => {
    const flow = { ...TISSUE, dataType: 2, minX: 200, minY: 200, maxX: 400, maxY: 390 };
    // A spectral Doppler strip: seconds across, cm/s up; not a length, so not the ruler's business.
    const spectrum = {
      spatialFormat: 3,
      dataType: 3,
      minX: 0,
      minY: 0,
      maxX: 10,
      maxY: 10,
      unitsX: 4,
      unitsY: 7,
    };
    const calibration = calibrate(TISSUE, flow, { ...spectrum, deltaX: 0.01, deltaY: 1.5 });
    expect(calibration).toMatchObject({ ok: true, spacingMm: [0.2, 0.2] });
    expect(calibration.ok && calibration.regions.map((region) => region.dataType)).toEqual([1, 2]);
  });

  it('refuses an image without regions', () => {
    expect(calibrate()).toEqual({ ok: false, reason: 'no-regions' });
  });

  it('refuses zero, negative and non-finite deltas', () => {
    for (const delta of [0, -0.02, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(calibrate({ ...TISSUE, deltaX: delta })).toEqual({ ok: false, reason: 'bad-delta' });
      expect(calibrate({ ...TISSUE, deltaY: delta })).toEqual({ ok: false, reason: 'bad-delta' });
    }
  });

  it('refuses units other than cm (DICOM has no mm code; 4 is seconds, 7 cm/s, 0 none)', () => {
    for (const units of [0, 4, 7, 12]) {
      expect(calibrate({ ...TISSUE, unitsX: units })).toEqual({ ok: false, reason: 'not-centimetres' });
      expect(calibrate({ ...TISSUE, unitsY: units })).toEqual({ ok: false, reason: 'not-centimetres' });
    }
  });

  it('refuses when no region is 2D tissue', () => {
    // M-mode (2), spectral (3), waveform (4), graphics (5): time, velocity or drawing, not length.
    for (const spatialFormat of [0, 2, 3, 4, 5]) {
      expect(calibrate({ ...TISSUE, spatialFormat })).toEqual({ ok: false, reason: 'no-2d-tissue-region' });
    }
    // Colour flow alone has no tissue under it to stand for.
    expect(calibrate({ ...TISSUE, dataType: 2 })).toEqual({ ok: false, reason: 'no-2d-tissue-region' });
  });

  it('refuses 2D regions that disagree (a dual view at two depths)', () => {
    const left = { ...TISSUE, minX: 0, maxX: 319 };
    const right = { ...TISSUE, minX: 320, maxX: 639, deltaX: 0.03, deltaY: 0.03 };
    expect(calibrate(left, right)).toEqual({ ok: false, reason: 'regions-disagree' });
    // A colour box with its own scale disagrees with the tissue under it just as much.
    expect(calibrate(TISSUE, { ...TISSUE, dataType: 2, deltaY: 0.021 })).toEqual({
      ok: false,
      reason: 'regions-disagree',
    });
    // Two halves at the same depth are one scale.
    expect(calibrate(left, { ...right, deltaX: 0.02, deltaY: 0.02 }).ok).toBe(true);
  });

  it('refuses partial regions', () => {
    for (const missing of ['dataType', 'minX', 'maxY', 'unitsX', 'unitsY', 'deltaX', 'deltaY'] as const) {
      expect(calibrate({ ...TISSUE, [missing]: undefined })).toEqual({
        ok: false,
        reason: 'incomplete-region',
      });
    }
    // A region of unknown format might be 2D with another scale.
    expect(calibrate(TISSUE, { ...TISSUE, spatialFormat: undefined })).toEqual({
      ok: false,
      reason: 'incomplete-region',
    });
  });

  it('refuses a region that does not lie within the image (cropped or resized after calibration)', () => {
    expect(calibrate({ ...TISSUE, maxX: 641 })).toEqual({ ok: false, reason: 'outside-image' });
    expect(calibrate({ ...TISSUE, maxY: 481 })).toEqual({ ok: false, reason: 'outside-image' });
    expect(calibrate({ ...TISSUE, minX: -1 })).toEqual({ ok: false, reason: 'outside-image' });
    expect(calibrate({ ...TISSUE, minX: 600, maxX: 500 })).toEqual({ ok: false, reason: 'outside-image' });
    // Up to the last pixel, or to the edge after it (machines write either).
    expect(calibrate({ ...TISSUE, maxX: 639, maxY: 479 }).ok).toBe(true);
    expect(calibrate({ ...TISSUE, maxX: 640, maxY: 480 }).ok).toBe(true);
  });
});
