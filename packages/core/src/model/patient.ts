import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { type PersonName, personName, text } from './model-values.js';

/** The Patient module (PS3.3 C.7.1.1) as a viewer uses it. Strings as stored, padding trimmed. */
export interface Patient {
  /** (0010,0010) Patient's Name. */
  patientName: PersonName | undefined;
  /** (0010,0020) Patient ID. */
  patientId: string | undefined;
  /** (0010,0030) Patient's Birth Date, `YYYYMMDD`. */
  patientBirthDate: string | undefined;
  /** (0010,0040) Patient's Sex: `M`, `F` or `O`. */
  patientSex: string | undefined;
}

/** Reads the Patient module from a data set. */
export function patientFromDataset(dataset: DicomJsonDataset): Patient {
  return {
    patientName: personName(dataset, '00100010'),
    patientId: text(dataset, '00100020'),
    patientBirthDate: text(dataset, '00100030'),
    patientSex: text(dataset, '00100040'),
  };
}
