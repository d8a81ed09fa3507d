import type { FoveaCursorChangeEvent } from './cursor-change-event.js';
import type { FoveaVolumeViewport } from './volume-viewport.js';

/**
 * Keeps the 3D cursor of volume views together (the MPR layout): when one view's cursor moves
 * (a click, a scroll), every other view of the same frame of reference is given the same point,
 * so its plane passes through it and its crosshair moves. Views of another frame of reference are
 * left alone: their patient coordinates do not match. Returns a function that unlinks them.
 */
export function linkCursors(views: readonly FoveaVolumeViewport[]): () => void {
  const listeners = new AbortController();
  for (const view of views) {
    view.addEventListener(
      'fovea-cursor-change',
      (event: FoveaCursorChangeEvent) => {
        for (const other of views) {
          if (other === view) continue;
          const otherFrame = other.seriesVolume?.displaySet.slices[0]?.instance.series.frameOfReferenceUid;
          if (event.frameOfReferenceUid && otherFrame && otherFrame !== event.frameOfReferenceUid) continue;
          // Set directly (not setCursor): echoing the event back would loop.
          other.cursor = event.point;
        }
      },
      { signal: listeners.signal },
    );
  }
  return () => listeners.abort();
}
