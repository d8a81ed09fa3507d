import type { CineTiming } from '@fovea/core';

/**
 * Time from the first frame of a cine to frame `frameIndex` (0-based), ms, as acquired: the sum of
 * (0018,1065) Frame Time Vector up to that frame when it has one value per frame (its first is 0),
 * else `frameIndex` × (0018,1063) Frame Time. Undefined for a single frame, without timing, or with
 * timing that is not a finite non-negative number: then no time is shown. Display rates
 * ((0008,2144), (0018,0040)) say how fast to play, not when a frame was acquired, so they are not used.
 */
export function cineElapsedMs(
  cine: CineTiming | undefined,
  frameIndex: number,
  frameCount: number,
): number | undefined {
  if (!cine || frameCount < 2 || !(frameIndex >= 0 && frameIndex < frameCount)) return undefined;
  const vector = cine.frameTimeVector;
  if (vector.length === frameCount) {
    let elapsed = 0;
    for (let i = 1; i <= frameIndex; i++) {
      const step = vector[i] as number;
      if (!(Number.isFinite(step) && step >= 0)) return undefined;
      elapsed += step;
    }
    return elapsed;
  }
  const { frameTime } = cine;
  return frameTime !== undefined && Number.isFinite(frameTime) && frameTime > 0
    ? frameIndex * frameTime
    : undefined;
}
