import { type DicomJsonDataset, jsonNumber, jsonString } from '../dicom-json/dicom-json.js';
import type { DicomWebClient, RequestOptions } from './dicomweb-client.js';

/** QIDO-RS instance search (PS3.18 10.6), in a series, a study, or across all. */
export interface InstanceQuery {
  /** (0020,000D): narrows the path to …/studies/{uid}/…. */
  studyInstanceUid?: string;
  /** (0020,000E): with a study, searches …/series/{uid}/instances. */
  seriesInstanceUid?: string;
  /** (0008,0018) SOP Instance UID. */
  sopInstanceUid?: string;
  /** (0008,0016) SOP Class UID. */
  sopClassUid?: string;
  /** (0020,0013) Instance Number. */
  instanceNumber?: number;
  /** Paging. */
  limit?: number;
  offset?: number;
  /** More attributes to return (`includefield`), by keyword or tag. */
  includeFields?: readonly string[];
  /** Other matching keys by keyword or tag. */
  match?: Record<string, string>;
}

/** One instance as QIDO-RS lists it. */
export interface InstanceSummary {
  studyInstanceUid: string | undefined;
  seriesInstanceUid: string | undefined;
  sopInstanceUid: string;
  sopClassUid: string | undefined;
  instanceNumber: number | undefined;
  /** (0028,0008) Number of Frames, when the server returns it. */
  numberOfFrames: number | undefined;
  /** The full result, for attributes asked for with `includeFields`. */
  dataset: DicomJsonDataset;
}

/** Searches for instances with QIDO-RS; results without a SOP Instance UID are dropped. */
export async function searchForInstances(
  client: DicomWebClient,
  query: InstanceQuery = {},
  options: RequestOptions = {},
): Promise<InstanceSummary[]> {
  const { studyInstanceUid: study, seriesInstanceUid: series } = query;
  const path = study
    ? series
      ? `studies/${study}/series/${series}/instances`
      : `studies/${study}/instances`
    : 'instances';
  const url = client.url(path, {
    ...query.match,
    SeriesInstanceUID: study ? undefined : series,
    SOPInstanceUID: query.sopInstanceUid,
    SOPClassUID: query.sopClassUid,
    InstanceNumber: query.instanceNumber,
    limit: query.limit,
    offset: query.offset,
    includefield: ['00280008', ...(query.includeFields ?? [])],
  });
  const datasets = await client.getJson<DicomJsonDataset>(url, options);
  return datasets.flatMap((dataset) => {
    const sopInstanceUid = jsonString(dataset, '00080018');
    if (!sopInstanceUid) return [];
    return [
      {
        studyInstanceUid: jsonString(dataset, '0020000D') ?? study,
        seriesInstanceUid: jsonString(dataset, '0020000E') ?? series,
        sopInstanceUid,
        sopClassUid: jsonString(dataset, '00080016'),
        instanceNumber: jsonNumber(dataset, '00200013'),
        numberOfFrames: jsonNumber(dataset, '00280008'),
        dataset,
      },
    ];
  });
}
