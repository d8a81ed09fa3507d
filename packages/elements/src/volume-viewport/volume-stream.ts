import type { SeriesVolume } from './series-volume.js';

/** What a view does as a volume it shows streams in. */
export interface VolumeStreamHandlers {
  /** A slice was written (`series.loaded` of `series.total`). */
  progress?(): void;
  /** Draw again: the GPU copy was remade (`replaced`) or the last slice is in (`complete`). */
  redraw(): void;
  /** The fill stopped (`series.error`). */
  failed?(error: unknown): void;
}

/**
 * Follows a volume's stream until `signal` aborts, and starts its fill (it runs once, whoever
 * starts it). Frames drawn while it streams use interactive quality (each upload redraws in the
 * worker); the full-quality frame follows `complete`.
 */
export function followVolume(
  series: SeriesVolume,
  handlers: VolumeStreamHandlers,
  signal: AbortSignal,
): void {
  const options = { signal };
  const { progress, failed } = handlers;
  if (progress) series.addEventListener('progress', () => progress(), options);
  series.addEventListener('replaced', () => handlers.redraw(), options);
  series.addEventListener('complete', () => handlers.redraw(), options);
  if (failed) series.addEventListener('error', () => failed(series.error), options);
  // A failed fill is reported through `error` (and by whoever loads a fused volume).
  series.fill().catch(() => undefined);
}
