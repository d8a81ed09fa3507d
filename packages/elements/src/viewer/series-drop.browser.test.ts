import { describe, expect, it } from 'vitest';
import { SERIES_DRAG_TYPE } from '../series-browser/series-browser.js';
import { acceptSeriesDrag, droppedSeriesUid } from './series-drop.js';

/** A real drag event carrying `data` of each type, as Chromium builds it. */
function drag(type: 'dragover' | 'drop', data: Record<string, string>): DragEvent {
  const dataTransfer = new DataTransfer();
  for (const [format, value] of Object.entries(data)) dataTransfer.setData(format, value);
  return new DragEvent(type, { dataTransfer, cancelable: true });
}

const series = (studyInstanceUid: unknown, seriesInstanceUid: unknown) =>
  JSON.stringify({ studyInstanceUid, seriesInstanceUid });

describe('acceptSeriesDrag', () => {
  it('takes a series from the series browser (the default prevented: the cell is a drop target)', () => {
    // Chromium keeps `dropEffect` only during a real drag session, so it is not checked here.
    const event = drag('dragover', { [SERIES_DRAG_TYPE]: series('1.2', '1.2.3') });
    expect(acceptSeriesDrag(event)).toBe(true);
    expect(event.defaultPrevented).toBe(true);
  });

  it('leaves anything else (text, files) to the page', () => {
    const event = drag('dragover', { 'text/plain': '1.2.3' });
    expect(acceptSeriesDrag(event)).toBe(false);
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('droppedSeriesUid', () => {
  it('gives the series UID of a series of the open study', () => {
    const event = drag('drop', { [SERIES_DRAG_TYPE]: series('1.2', '1.2.3') });
    expect(droppedSeriesUid(event, '1.2')).toBe('1.2.3');
    expect(event.defaultPrevented).toBe(true);
  });

  it('refuses a series of another study, malformed data and drops that are not series', () => {
    expect(
      droppedSeriesUid(drag('drop', { [SERIES_DRAG_TYPE]: series('9.9', '9.9.1') }), '1.2'),
    ).toBeUndefined();
    expect(droppedSeriesUid(drag('drop', { [SERIES_DRAG_TYPE]: series('1.2', 42) }), '1.2')).toBeUndefined();
    expect(droppedSeriesUid(drag('drop', { [SERIES_DRAG_TYPE]: '{not json' }), '1.2')).toBeUndefined();
    const text = drag('drop', { 'text/plain': '1.2.3' });
    expect(droppedSeriesUid(text, '1.2')).toBeUndefined();
    expect(text.defaultPrevented).toBe(false);
  });
});
