import { SERIES_DRAG_TYPE } from '../series-browser/series-browser.js';

/**
 * Lets a viewport's cell take a series dragged from the series browser: marks the drag as a copy
 * and returns true, or returns false for anything else dragged over it.
 */
export function acceptSeriesDrag(event: DragEvent): boolean {
  if (!event.dataTransfer?.types.includes(SERIES_DRAG_TYPE)) return false;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  return true;
}

/**
 * The (0020,000E) Series Instance UID of a series dropped from the series browser, if it belongs
 * to study `studyInstanceUid`; `undefined` for other drops, malformed data or another study's series.
 */
export function droppedSeriesUid(event: DragEvent, studyInstanceUid: string | undefined): string | undefined {
  const data = event.dataTransfer?.getData(SERIES_DRAG_TYPE);
  if (!data) return undefined;
  event.preventDefault();
  let dropped: { studyInstanceUid?: unknown; seriesInstanceUid?: unknown };
  try {
    dropped = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof dropped.seriesInstanceUid !== 'string' || dropped.studyInstanceUid !== studyInstanceUid) {
    return undefined;
  }
  return dropped.seriesInstanceUid;
}
