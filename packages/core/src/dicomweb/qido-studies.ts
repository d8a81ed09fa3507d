import {
  type DicomJsonDataset,
  jsonNumber,
  jsonPersonName,
  jsonString,
  jsonStrings,
} from '../dicom-json/dicom-json.js';
import type { DicomWebClient, RequestOptions } from './dicomweb-client.js';

/** QIDO-RS study search (PS3.18 10.6). Absent fields do not filter. */
export interface StudyQuery {
  /** (0010,0010) Patient's Name; `*` and `?` wildcards allowed, e.g. `Phantom*`. */
  patientName?: string;
  /** (0010,0020) Patient ID. */
  patientId?: string;
  /** (0008,0020) Study Date: `YYYYMMDD`, or a range `YYYYMMDD-YYYYMMDD`, `-YYYYMMDD`, `YYYYMMDD-`. */
  studyDate?: string;
  /** (0008,0061) Modalities in Study, matched if the study has any of them. */
  modalitiesInStudy?: readonly string[];
  /** (0008,0050) Accession Number. */
  accessionNumber?: string;
  /** (0020,000D) Study Instance UID. */
  studyInstanceUid?: string;
  /** Maximum number of results, and how many to skip (paging). */
  limit?: number;
  offset?: number;
  /** More attributes to return, by keyword or tag (`includefield`), added to the worklist's. */
  includeFields?: readonly string[];
  /** Other matching keys, by keyword or tag, e.g. `{ ReferringPhysicianName: 'Smith*' }`. */
  match?: Record<string, string>;
  /** Ask for fuzzy person-name matching (servers may ignore it; Orthanc 1.10 does). */
  fuzzyMatching?: boolean;
}

/** One study as a worklist shows it. Strings are as stored; dates are `YYYYMMDD`. */
export interface StudySummary {
  studyInstanceUid: string;
  patientName: string | undefined;
  patientId: string | undefined;
  studyDate: string | undefined;
  studyTime: string | undefined;
  accessionNumber: string | undefined;
  studyDescription: string | undefined;
  modalities: string[];
  numberOfSeries: number | undefined;
  numberOfInstances: number | undefined;
}

/** Attributes a worklist needs that servers do not return by default. */
const INCLUDE_FIELDS = ['00081030', '00201206', '00201208', '00080061'];

/** Searches for studies with QIDO-RS. Results missing a Study Instance UID are dropped. */
export async function searchForStudies(
  client: DicomWebClient,
  query: StudyQuery = {},
  options: RequestOptions = {},
): Promise<StudySummary[]> {
  const url = client.url('studies', {
    ...query.match,
    PatientName: query.patientName,
    PatientID: query.patientId,
    StudyDate: query.studyDate,
    ModalitiesInStudy: query.modalitiesInStudy,
    AccessionNumber: query.accessionNumber,
    StudyInstanceUID: query.studyInstanceUid,
    limit: query.limit,
    offset: query.offset,
    includefield: [...INCLUDE_FIELDS, ...(query.includeFields ?? [])],
    fuzzymatching: query.fuzzyMatching,
  });
  const datasets = await client.getJson<DicomJsonDataset>(url, options);
  return datasets.flatMap((dataset) => {
    const studyInstanceUid = jsonString(dataset, '0020000D');
    if (!studyInstanceUid) return [];
    return [
      {
        studyInstanceUid,
        patientName: jsonPersonName(dataset, '00100010'),
        patientId: jsonString(dataset, '00100020'),
        studyDate: jsonString(dataset, '00080020'),
        studyTime: jsonString(dataset, '00080030'),
        accessionNumber: jsonString(dataset, '00080050'),
        studyDescription: jsonString(dataset, '00081030'),
        modalities: jsonStrings(dataset, '00080061'),
        numberOfSeries: jsonNumber(dataset, '00201206'),
        numberOfInstances: jsonNumber(dataset, '00201208'),
      },
    ];
  });
}
