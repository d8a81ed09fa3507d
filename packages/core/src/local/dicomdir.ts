/**
 * DICOMDIR (PS3.10 8, PS3.3 F.5): the media directory of a CD, DVD or USB export. Core uses it to
 * know which files belong to the set (and skip viewer programs and autorun files beside them); the
 * patient/study/series hierarchy comes from the files themselves.
 */
import { type DicomJsonDataset, jsonItems, jsonString, jsonStrings } from '../dicom-json/dicom-json.js';

/** (0002,0002) Media Storage SOP Class UID of a DICOMDIR: Media Storage Directory Storage. */
export const MEDIA_STORAGE_DIRECTORY = '1.2.840.10008.1.3.10';

/** One record of (0004,1220) Directory Record Sequence that references a file. */
export interface DicomdirFileRecord {
  /** (0004,1430) Directory Record Type: `IMAGE`, `SR DOCUMENT`, `PRESENTATION`… */
  recordType: string | undefined;
  /** (0004,1500) Referenced File ID joined with `/`, relative to the DICOMDIR's folder, e.g. `DICOM/ST1/SE1/IM1`. */
  path: string;
  /** (0004,1511) Referenced SOP Instance UID in File. */
  sopInstanceUid: string | undefined;
  /** (0004,1512) Referenced Transfer Syntax UID in File. */
  transferSyntaxUid: string | undefined;
}

/** True when a data set's file meta says it is a DICOMDIR. */
export function isDicomdir(fileMeta: DicomJsonDataset): boolean {
  return jsonString(fileMeta, '00020002') === MEDIA_STORAGE_DIRECTORY;
}

/** Every record of a DICOMDIR that references a file. */
export function dicomdirFileRecords(dataset: DicomJsonDataset): DicomdirFileRecord[] {
  return jsonItems(dataset, '00041220').flatMap((record) => {
    const components = jsonStrings(record, '00041500');
    if (components.length === 0) return [];
    return [
      {
        recordType: jsonString(record, '00041430'),
        path: components.join('/'),
        sopInstanceUid: jsonString(record, '00041511'),
        transferSyntaxUid: jsonString(record, '00041512'),
      },
    ];
  });
}
