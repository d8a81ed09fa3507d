import {
  type DicomWebClient,
  FoveaError,
  type SeriesSummary,
  type StudySummary,
  searchForSeries,
  searchForStudies,
} from '@fovea/core';
import { imageSeries } from './assign-series.js';
import { FRAME_OF_REFERENCE_TAG } from './fusion-candidate.js';

/** What a viewer knows of its study before any image: the study's attributes and its series. */
export interface StudyContents {
  /** The study as QIDO-RS describes it (patient, date, description); PHI lives here. */
  study: StudySummary | undefined;
  studyInstanceUid: string;
  /**
   * The series worth opening in a viewport (`imageSeries`: no reports or other non-image objects),
   * by series number; one array for the study, so the thumbnails are not restarted at each render.
   */
  series: SeriesSummary[];
}

/**
 * Searches the study (QIDO-RS) and its series. With only a series UID, the series is looked up
 * first to learn its study. Rejects with `FoveaError` `STUDY_NOT_FOUND` when the server knows
 * neither (Orthanc answers an unknown UID with an empty list, not 404), and with the client's
 * `DicomWebError` when the server cannot be reached or refuses.
 */
export async function loadStudy(
  client: DicomWebClient,
  uids: { studyInstanceUid: string; seriesInstanceUid: string },
  signal: AbortSignal,
): Promise<StudyContents> {
  let studyInstanceUid = uids.studyInstanceUid;
  if (!studyInstanceUid) {
    const [found] = await searchForSeries(client, { seriesInstanceUid: uids.seriesInstanceUid }, { signal });
    if (!found?.studyInstanceUid) {
      throw new FoveaError('STUDY_NOT_FOUND', 'No study holds the series asked for');
    }
    studyInstanceUid = found.studyInstanceUid;
  }
  const [studies, series] = await Promise.all([
    searchForStudies(client, { studyInstanceUid }, { signal }),
    // The frame of reference tells which PET may be fused over which CT (MPR layout).
    searchForSeries(client, { studyInstanceUid, includeFields: [FRAME_OF_REFERENCE_TAG] }, { signal }),
  ]);
  if (studies.length === 0 && series.length === 0) {
    throw new FoveaError('STUDY_NOT_FOUND', 'The server has no study with the UID asked for');
  }
  return { study: studies[0], studyInstanceUid, series: imageSeries(series) };
}
