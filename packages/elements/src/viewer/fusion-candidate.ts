import { jsonString, type SeriesSummary } from '@fovea/core';

/** (0020,0052) Frame of Reference UID, asked for in the study's series search. */
export const FRAME_OF_REFERENCE_TAG = '00200052';

/** Modalities shown as a structural base that a PET can be fused over. */
const FUSION_BASES = new Set(['CT', 'MR']);

/**
 * The PET series of the study to offer fusing over `shown` (the series of the MPR layout): a PT
 * series in the same Frame of Reference, by (0020,0011) Series Number. A PT series whose frame of
 * reference the server did not report (not every QIDO-RS server returns (0020,0052) at series
 * level) is offered too: `<fovea-volume-layout>` checks the frames of reference from the instances'
 * metadata and refuses the fusion with `FUSION_FRAME_OF_REFERENCE` if they differ. A PT series
 * known to lie in another frame of reference is never offered.
 */
export function fusionCandidate(
  series: readonly SeriesSummary[],
  shownSeriesUid: string,
): SeriesSummary | undefined {
  const shown = series.find((s) => s.seriesInstanceUid === shownSeriesUid);
  if (!shown || !FUSION_BASES.has(shown.modality ?? '')) return undefined;
  const frame = frameOfReference(shown);
  return series
    .filter((s) => s.modality === 'PT' && s.seriesInstanceUid !== shownSeriesUid)
    .filter((s) => {
      const other = frameOfReference(s);
      return !frame || !other || other === frame;
    })
    .sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0))[0];
}

function frameOfReference(series: SeriesSummary): string | undefined {
  return jsonString(series.dataset, FRAME_OF_REFERENCE_TAG);
}
