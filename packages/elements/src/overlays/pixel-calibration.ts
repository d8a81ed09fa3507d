import {
  type DicomJsonDataset,
  jsonNumber,
  jsonNumbers,
  ultrasoundCalibration,
  ultrasoundRegions,
} from '@fovea/core';
import type { PixelRect } from './calibrated-area.js';

/**
 * What a distance on the image means in mm, and how far to trust it.
 * - `patient`: (0028,0030) Pixel Spacing, in the patient (cross-sectional images, calibrated X-ray).
 * - `detector`: (0018,1164) Imager Pixel Spacing only: at the detector, not corrected for the
 *   geometric magnification of a projection, so the patient is smaller than the ruler says.
 * - `magnification-corrected`: Imager Pixel Spacing divided by (0018,1114) Estimated Radiographic
 *   Magnification Factor: an estimate at the isocentre.
 * - `ultrasound-region`: (0018,602C/602E) Physical Delta X/Y of the 2D tissue region of
 *   (0018,6011) Sequence of Ultrasound Regions, cm → mm. It holds inside the 2D regions (the
 *   sector or rectangle of tissue and colour flow), not in M-mode or Doppler strips beside them.
 */
export type CalibrationSource = 'patient' | 'detector' | 'magnification-corrected' | 'ultrasound-region';

/** Pixel size in mm and where it comes from. */
export interface PixelCalibration {
  /** [between rows (vertical), between columns (horizontal)], mm. */
  spacing: readonly [number, number];
  source: CalibrationSource;
  /**
   * Where in the image the spacing holds (image pixels); undefined: everywhere. An ultrasound
   * image's calibration holds in its 2D regions only.
   */
  validIn?: readonly PixelRect[];
}

/**
 * The calibration of an image from its data set (or a per-frame Pixel Spacing already resolved),
 * undefined when no spacing is known: then no ruler or scale bar may be shown.
 *
 * Order: Pixel Spacing; else, when the image has ultrasound regions, their calibration and nothing
 * else (regions that core's `ultrasoundCalibration` refuses mean no calibration, never a fallback
 * to a spacing the machine did not vouch for); else Imager Pixel Spacing.
 */
export function pixelCalibration(
  dataset: DicomJsonDataset | undefined,
  framePixelSpacing?: readonly number[] | undefined,
): PixelCalibration | undefined {
  const pixelSpacing =
    validSpacing(framePixelSpacing) ?? validSpacing(dataset && jsonNumbers(dataset, '00280030'));
  if (pixelSpacing) return { spacing: pixelSpacing, source: 'patient' };
  if (dataset?.['00186011']) return ultrasoundRegionCalibration(dataset);
  const imager = validSpacing(dataset && jsonNumbers(dataset, '00181164'));
  if (!imager || !dataset) return undefined;
  const magnification = jsonNumber(dataset, '00181114');
  if (magnification !== undefined && Number.isFinite(magnification) && magnification > 0) {
    return {
      spacing: [imager[0] / magnification, imager[1] / magnification],
      source: 'magnification-corrected',
    };
  }
  return { spacing: imager, source: 'detector' };
}

function validSpacing(values: readonly number[] | undefined): readonly [number, number] | undefined {
  if (values?.length !== 2) return undefined;
  const [rows, columns] = values as [number, number];
  return Number.isFinite(rows) && Number.isFinite(columns) && rows > 0 && columns > 0
    ? [rows, columns]
    : undefined;
}

/**
 * The 2D regions' calibration. Core accepts it only when every 2D region (tissue, and colour flow
 * over it) has the same positive cm deltas and lies inside the image, so one ruler is right
 * wherever there is tissue to measure. It holds in those regions only (`validIn`): outside them
 * (a Doppler strip, an M-mode trace, the black around a sector) the image shows no lengths, and
 * the viewport draws no bar while only such parts are on screen. The bar says `ultrasound-region`
 * so the reader knows which calibration it is.
 */
function ultrasoundRegionCalibration(dataset: DicomJsonDataset): PixelCalibration | undefined {
  const columns = jsonNumber(dataset, '00280011');
  const rows = jsonNumber(dataset, '00280010');
  if (columns === undefined || rows === undefined) return undefined;
  const calibration = ultrasoundCalibration(ultrasoundRegions(dataset), [columns, rows]);
  if (!calibration.ok) return undefined;
  const validIn = calibration.regions.flatMap((region) => (region.bounds ? [region.bounds] : []));
  return { spacing: calibration.spacingMm, source: 'ultrasound-region', validIn };
}
