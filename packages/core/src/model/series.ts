import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { num, text } from './model-values.js';

/** The General Series module (PS3.3 C.7.3.1) plus the frame of reference (C.7.4.1). */
export interface Series {
  /** (0020,000E) Series Instance UID. */
  seriesInstanceUid: string | undefined;
  /** (0008,0060) Modality, e.g. `CT`, `MR`, `SEG`. */
  modality: string | undefined;
  /** (0020,0011) Series Number. */
  seriesNumber: number | undefined;
  /** (0008,103E) Series Description. */
  seriesDescription: string | undefined;
  /** (0018,0015) Body Part Examined. */
  bodyPartExamined: string | undefined;
  /** (0020,0060) Laterality: `R` or `L`. */
  laterality: string | undefined;
  /** (0020,0052) Frame of Reference UID: images sharing it share patient coordinates (LPS, mm). */
  frameOfReferenceUid: string | undefined;
}

/** Reads the General Series and Frame of Reference modules from a data set. */
export function seriesFromDataset(dataset: DicomJsonDataset): Series {
  return {
    seriesInstanceUid: text(dataset, '0020000E'),
    modality: text(dataset, '00080060'),
    seriesNumber: num(dataset, '00200011'),
    seriesDescription: text(dataset, '0008103E'),
    bodyPartExamined: text(dataset, '00180015'),
    laterality: text(dataset, '00200060'),
    frameOfReferenceUid: text(dataset, '00200052'),
  };
}
