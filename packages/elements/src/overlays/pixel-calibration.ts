import { type DicomJsonDataset, jsonNumber, jsonNumbers } from '@fovea/core';

/**
 * What a distance on the image means in mm, and how far to trust it.
 * - `patient`: (0028,0030) Pixel Spacing, in the patient (cross-sectional images, calibrated X-ray).
 * - `detector`: (0018,1164) Imager Pixel Spacing only: at the detector, not corrected for the
 *   geometric magnification of a projection, so the patient is smaller than the ruler says.
 * - `magnification-corrected`: Imager Pixel Spacing divided by (0018,1114) Estimated Radiographic
 *   Magnification Factor: an estimate at the isocentre.
 */
export type CalibrationSource = 'patient' | 'detector' | 'magnification-corrected';

/** Pixel size in mm and where it comes from. */
export interface PixelCalibration {
  /** [between rows (vertical), between columns (horizontal)], mm. */
  spacing: readonly [number, number];
  source: CalibrationSource;
}

/**
 * The calibration of an image from its data set (or a per-frame Pixel Spacing already resolved),
 * undefined when no spacing is known: then no ruler or scale bar may be shown.
 */
export function pixelCalibration(
  dataset: DicomJsonDataset | undefined,
  framePixelSpacing?: readonly number[] | undefined,
): PixelCalibration | undefined {
  const pixelSpacing =
    validSpacing(framePixelSpacing) ?? validSpacing(dataset && jsonNumbers(dataset, '00280030'));
  if (pixelSpacing) return { spacing: pixelSpacing, source: 'patient' };
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
