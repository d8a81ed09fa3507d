import type { DisplaySet } from '@fovea/core';

/**
 * ms between frames when playing: a cine's own timing ((0018,1063) Frame Time or its frame rate),
 * else 10 frames/s for paging through stacks and volumes.
 */
export function frameIntervalMs(displaySet: DisplaySet | undefined): number {
  return displaySet?.type === 'cine' && displaySet.frameTimeMs !== undefined && displaySet.frameTimeMs > 0
    ? displaySet.frameTimeMs
    : 100;
}

/** What cine playback drives: a viewport's frames. */
export interface CineTarget {
  /** False stops the playback (pause, a new series, an error, the element leaving the page). */
  playing(): boolean;
  /** Shows the next frame, looping; resolves with false when it could not be shown. */
  next(): Promise<boolean>;
  /** ms from one frame to the next. */
  intervalMs(): number;
}

/** Plays through the frames at the target's pace until `playing()` says stop or a frame fails. */
export async function playFrames(target: CineTarget): Promise<void> {
  while (target.playing()) {
    const started = performance.now();
    if (!(await target.next())) return;
    // Keep the series' own pace; a frame that took longer than its interval is not made up for.
    const wait = Math.max(0, target.intervalMs() - (performance.now() - started));
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
