import { type DicomJsonDataset, jsonNumber, jsonString } from '../dicom-json/dicom-json.js';
import type { DicomWebClient, RequestOptions } from './dicomweb-client.js';

/** QIDO-RS series search (PS3.18 10.6), within a study or across all. Absent fields do not filter. */
export interface SeriesQuery {
  /** (0020,000D): search …/studies/{uid}/series; otherwise …/series. */
  studyInstanceUid?: string;
  /** (0008,0060) Modality; several match any of them. */
  modality?: string | readonly string[];
  /** (0020,000E) Series Instance UID. */
  seriesInstanceUid?: string;
  /** (0020,0011) Series Number. */
  seriesNumber?: number;
  /** (0008,103E) Series Description; wildcards `*` `?`. */
  seriesDescription?: string;
  /** Paging. */
  limit?: number;
  offset?: number;
  /** More attributes to return (`includefield`), by keyword or tag. */
  includeFields?: readonly string[];
  /** Other matching keys by keyword or tag. */
  match?: Record<string, string>;
}

/** One series as a series list shows it. */
export interface SeriesSummary {
  studyInstanceUid: string | undefined;
  seriesInstanceUid: string;
  modality: string | undefined;
  seriesNumber: number | undefined;
  seriesDescription: string | undefined;
  /** (0020,1209) Number of Series Related Instances. */
  numberOfInstances: number | undefined;
  /** The full result, for attributes asked for with `includeFields`. */
  dataset: DicomJsonDataset;
}

/** Searches for series with QIDO-RS; results without a Series Instance UID are dropped. */
export async function searchForSeries(
  client: DicomWebClient,
  query: SeriesQuery = {},
  options: RequestOptions = {},
): Promise<SeriesSummary[]> {
  const path = query.studyInstanceUid ? `studies/${query.studyInstanceUid}/series` : 'series';
  const url = client.url(path, {
    ...query.match,
    Modality: query.modality,
    SeriesInstanceUID: query.seriesInstanceUid,
    SeriesNumber: query.seriesNumber,
    SeriesDescription: query.seriesDescription,
    limit: query.limit,
    offset: query.offset,
    includefield: ['0008103E', '00201209', ...(query.includeFields ?? [])],
  });
  const datasets = await client.getJson<DicomJsonDataset>(url, options);
  return datasets.flatMap((dataset) => {
    const seriesInstanceUid = jsonString(dataset, '0020000E');
    if (!seriesInstanceUid) return [];
    return [
      {
        studyInstanceUid: jsonString(dataset, '0020000D') ?? query.studyInstanceUid,
        seriesInstanceUid,
        modality: jsonString(dataset, '00080060'),
        seriesNumber: jsonNumber(dataset, '00200011'),
        seriesDescription: jsonString(dataset, '0008103E'),
        numberOfInstances: jsonNumber(dataset, '00201209'),
        dataset,
      },
    ];
  });
}
