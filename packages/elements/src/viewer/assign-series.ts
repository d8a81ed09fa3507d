import type { SeriesSummary } from '@fovea/core';

/**
 * Modalities whose series hold no pixels to show (reports, presentation states, key objects,
 * segmentations and RT objects are overlays or documents): never put in a viewport on their own.
 */
const NON_IMAGE_MODALITIES = new Set(['SR', 'PR', 'KO', 'SEG', 'RTSTRUCT', 'RTPLAN', 'RTDOSE', 'REG', 'DOC']);

/** The series worth opening in a viewport, by (0020,0011) Series Number. */
export function imageSeries(series: readonly SeriesSummary[]): SeriesSummary[] {
  return series
    .filter((s) => !NON_IMAGE_MODALITIES.has(s.modality ?? ''))
    .sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0));
}

/**
 * Which series each of `count` viewports shows: what they showed before stays where it was; the
 * series asked for (`preferred`) goes first when nothing is shown yet; empty viewports get the next
 * series not shown elsewhere, in series order. Viewports beyond the series available stay empty
 * (`''`).
 */
export function assignSeries(
  current: readonly string[],
  count: number,
  available: readonly string[],
  preferred = '',
): string[] {
  const cells = Array.from({ length: count }, (_, i) => current[i] ?? '');
  if (preferred && available.includes(preferred) && !cells.some(Boolean)) cells[0] = preferred;
  const unused = available.filter((uid) => !cells.includes(uid));
  return cells.map((uid) => uid || unused.shift() || '');
}
