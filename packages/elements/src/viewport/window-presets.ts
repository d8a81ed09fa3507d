import { FoveaError } from '@fovea/core';

/** A named window, centre and width in modality units (HU for CT). */
export interface WindowPreset {
  /** What it is for. */
  name: 'brain' | 'abdomen' | 'lung' | 'bone';
  center: number;
  width: number;
}

/**
 * CT windows radiologists use every day, on keys 1 to 4. Values follow common practice
 * (e.g. lung W 1500 / L −600); hosts may offer others through `setWindow()`.
 */
export const CT_WINDOW_PRESETS: readonly WindowPreset[] = [
  { name: 'brain', center: 40, width: 80 },
  { name: 'abdomen', center: 50, width: 400 },
  { name: 'lung', center: -600, width: 1500 },
  { name: 'bone', center: 480, width: 2500 },
];

/** A window in modality units (e.g. HU): centre and width. */
export interface ViewWindow {
  center: number;
  width: number;
}

/** `center`/`width` as a window, or an `INVALID_WINDOW` error (not finite, width below 1). */
export function checkedWindow(center: number, width: number): ViewWindow {
  if (!Number.isFinite(center) || !Number.isFinite(width) || width < 1) {
    throw new FoveaError(
      'INVALID_WINDOW',
      `Window centre ${center} and width ${width} are not a valid window`,
    );
  }
  return { center, width };
}

/**
 * The window after a drag of (dx, dy) CSS pixels over a viewport `heightPx` tall: right widens,
 * down raises the centre, and one viewport height of drag spans the current width (fine control
 * at any window).
 */
export function draggedWindow(current: ViewWindow, dx: number, dy: number, heightPx: number): ViewWindow {
  const scale = current.width / Math.max(1, heightPx);
  return { center: current.center + dy * scale, width: Math.max(1, current.width + dx * scale) };
}
