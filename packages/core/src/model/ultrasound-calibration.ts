import {
  ULTRASOUND_DATA_TYPE_TISSUE,
  ULTRASOUND_SPATIAL_FORMAT_2D,
  ULTRASOUND_UNITS_CM,
  type UltrasoundRegion,
} from './ultrasound-regions.js';

/**
 * Why an ultrasound image has no spatial calibration:
 * - `no-regions`: no (0018,6011) Sequence of Ultrasound Regions.
 * - `incomplete-region`: a region lacks (0018,6012) Region Spatial Format, or a 2D region lacks its
 *   data type, location, units or deltas.
 * - `no-2d-tissue-region`: no region is 2D (0018,6012 = 1) tissue (0018,6014 = 1): M-mode,
 *   spectral and waveform regions measure time, velocity or frequency, not length.
 * - `not-centimetres`: a 2D region's physical units (0018,6024/6026) are not cm (3).
 * - `bad-delta`: a 2D region's Physical Delta X/Y (0018,602C/602E) is not a positive finite number.
 * - `outside-image`: a 2D region does not lie within the image's rows and columns (the image was
 *   cropped or resized after the machine calibrated it, so its deltas no longer hold).
 * - `regions-disagree`: the 2D regions have different deltas (e.g. a dual view at two depths), so
 *   no one scale holds for the image.
 */
export type UltrasoundCalibrationRefusal =
  | 'no-regions'
  | 'incomplete-region'
  | 'no-2d-tissue-region'
  | 'not-centimetres'
  | 'bad-delta'
  | 'outside-image'
  | 'regions-disagree';

/** The spatial calibration of an ultrasound image, or why there is none. */
export type UltrasoundCalibration =
  | {
      ok: true;
      /**
       * Pixel size inside the 2D regions, mm, ordered as (0028,0030) Pixel Spacing is:
       * [between rows (Physical Delta Y), between columns (Physical Delta X)].
       */
      spacingMm: readonly [number, number];
      /** The 2D regions where that size holds (tissue, and colour flow drawn over it). */
      regions: readonly UltrasoundRegion[];
    }
  | { ok: false; reason: UltrasoundCalibrationRefusal };

/** Deltas of two 2D regions agree when they differ by less than this share (rounding of FD/DS). */
const AGREEMENT = 1e-6;

/**
 * The one pixel size that holds for every 2D region of an ultrasound image (cm → mm), or the reason
 * there is none. `imageSize` ([columns, rows]) checks that each 2D region lies inside the image.
 * Non-2D regions (M-mode, Doppler spectra, traces, graphics) are ignored: their axes are not
 * lengths. Anything partial or contradictory refuses: a missing ruler is safe, a wrong one is not.
 */
export function ultrasoundCalibration(
  regions: readonly UltrasoundRegion[],
  imageSize: readonly [columns: number, rows: number],
): UltrasoundCalibration {
  if (regions.length === 0) return refuse('no-regions');
  if (regions.some((region) => region.spatialFormat === undefined)) return refuse('incomplete-region');
  const planar = regions.filter((region) => region.spatialFormat === ULTRASOUND_SPATIAL_FORMAT_2D);
  if (planar.some((region) => !complete(region))) return refuse('incomplete-region');
  if (!planar.some((region) => region.dataType === ULTRASOUND_DATA_TYPE_TISSUE)) {
    return refuse('no-2d-tissue-region');
  }
  const spacings: Array<readonly [number, number]> = [];
  for (const region of planar) {
    const { physicalUnits: units, physicalDelta: delta } = region;
    if (units.x !== ULTRASOUND_UNITS_CM || units.y !== ULTRASOUND_UNITS_CM) return refuse('not-centimetres');
    if (!positive(delta.x) || !positive(delta.y)) return refuse('bad-delta');
    if (!inside(region.bounds, imageSize)) return refuse('outside-image');
    spacings.push([delta.y * 10, delta.x * 10]);
  }
  const [first] = spacings as [readonly [number, number]];
  if (!spacings.every((spacing) => close(spacing[0], first[0]) && close(spacing[1], first[1]))) {
    return refuse('regions-disagree');
  }
  return { ok: true, spacingMm: first, regions: planar };
}

const refuse = (reason: UltrasoundCalibrationRefusal): UltrasoundCalibration => ({ ok: false, reason });

function complete(region: UltrasoundRegion): boolean {
  const { dataType, bounds, physicalUnits, physicalDelta } = region;
  return (
    dataType !== undefined &&
    bounds !== undefined &&
    physicalUnits.x !== undefined &&
    physicalUnits.y !== undefined &&
    physicalDelta.x !== undefined &&
    physicalDelta.y !== undefined
  );
}

const positive = (value: number | undefined): value is number =>
  value !== undefined && Number.isFinite(value) && value > 0;

/**
 * Inside the image. Max X1/Y1 may equal the column/row count: machines differ on whether they
 * write the last pixel or the edge after it (the corpus' ATL scan ends its 800-column region at
 * 800), and one pixel says nothing of a resize; a region further out does.
 */
function inside(bounds: UltrasoundRegion['bounds'], [columns, rows]: readonly [number, number]): boolean {
  if (!bounds) return false;
  const { minX, minY, maxX, maxY } = bounds;
  return 0 <= minX && minX <= maxX && maxX <= columns && 0 <= minY && minY <= maxY && maxY <= rows;
}

const close = (a: number, b: number) => Math.abs(a - b) <= AGREEMENT * Math.max(Math.abs(a), Math.abs(b));
