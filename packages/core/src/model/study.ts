import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { type PersonName, personName, text } from './model-values.js';

/** The General Study module (PS3.3 C.7.2.1). Dates `YYYYMMDD`, times `HHMMSS.FFFFFF` as stored. */
export interface Study {
  /** (0020,000D) Study Instance UID. */
  studyInstanceUid: string | undefined;
  /** (0008,0020) Study Date. */
  studyDate: string | undefined;
  /** (0008,0030) Study Time. */
  studyTime: string | undefined;
  /** (0008,1030) Study Description. */
  studyDescription: string | undefined;
  /** (0008,0050) Accession Number. */
  accessionNumber: string | undefined;
  /** (0020,0010) Study ID. */
  studyId: string | undefined;
  /** (0008,0090) Referring Physician's Name. */
  referringPhysicianName: PersonName | undefined;
}

/** Reads the General Study module from a data set. */
export function studyFromDataset(dataset: DicomJsonDataset): Study {
  return {
    studyInstanceUid: text(dataset, '0020000D'),
    studyDate: text(dataset, '00080020'),
    studyTime: text(dataset, '00080030'),
    studyDescription: text(dataset, '00081030'),
    accessionNumber: text(dataset, '00080050'),
    studyId: text(dataset, '00200010'),
    referringPhysicianName: personName(dataset, '00080090'),
  };
}
