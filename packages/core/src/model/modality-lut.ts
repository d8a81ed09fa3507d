import { type DicomJsonDataset, jsonItems } from '../dicom-json/dicom-json.js';
import { type Lut, lutFromDataset } from './lut.js';
import { num, text } from './model-values.js';

/**
 * The Modality LUT (PS3.3 C.11.1): stored values → modality units (HU for CT). Either linear
 * rescale (slope 1 and intercept 0 when absent) or a lookup table, which then takes precedence.
 */
export interface ModalityLut {
  /** (0028,1053) Rescale Slope; 1 when absent. */
  rescaleSlope: number;
  /** (0028,1052) Rescale Intercept; 0 when absent. */
  rescaleIntercept: number;
  /** (0028,1054) Rescale Type, e.g. `HU`, `US` (unspecified). */
  rescaleType: string | undefined;
  /** (0028,3000) Modality LUT Sequence, first item. */
  lut: Lut | undefined;
  /** (0028,3004) Modality LUT Type, units of the LUT output. */
  lutType: string | undefined;
}

/**
 * Reads the modality LUT from `source` (a data set, or a resolved Pixel Value Transformation
 * functional group item) and the Modality LUT Sequence from `lutSource`.
 */
export function modalityLutFromDataset(
  source: DicomJsonDataset,
  lutSource: DicomJsonDataset = source,
): ModalityLut {
  const item = jsonItems(lutSource, '00283000')[0];
  return {
    rescaleSlope: num(source, '00281053') ?? 1,
    rescaleIntercept: num(source, '00281052') ?? 0,
    rescaleType: text(source, '00281054'),
    lut: item ? lutFromDataset(item, '00283002', '00283006', '00283003') : undefined,
    lutType: item ? text(item, '00283004') : undefined,
  };
}
