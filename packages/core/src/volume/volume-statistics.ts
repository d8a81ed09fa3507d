/** Value statistics of the written part of a volume, modality units. */
export interface VolumeStatistics {
  /** Smallest voxel value of the written slices (NaN ignored). */
  min: number;
  /** Largest voxel value of the written slices (NaN ignored). */
  max: number;
  /** Voxel counts in equal bins over [min, max] (max in the last bin). */
  histogram: Uint32Array;
  /**
   * An automatic VOI window (linear, as (0028,1050)/(0028,1051)): from the 1st to the 99th
   * percentile of the voxels above the lowest bin (which holds padding and background).
   */
  window: { center: number; width: number };
}

/**
 * The window from the `low` to the `high` fraction of the histogram's counts, the lowest bin
 * left out (padding, air or background dominate it); the whole range when nothing else is counted.
 */
export function windowFromHistogram(
  histogram: Uint32Array,
  min: number,
  max: number,
  low = 0.01,
  high = 0.99,
): { center: number; width: number } {
  const bins = histogram.length;
  const binWidth = (max - min) / bins;
  let total = 0;
  for (let b = 1; b < bins; b++) total += histogram[b] as number;
  if (total === 0 || !(max > min)) return { center: (min + max) / 2, width: Math.max(1, max - min) };
  let seen = 0;
  let lo = min;
  let hi = max;
  let foundLow = false;
  for (let b = 1; b < bins; b++) {
    const count = histogram[b] as number;
    if (!foundLow && seen + count >= low * total) {
      lo = min + b * binWidth;
      foundLow = true;
    }
    seen += count;
    if (seen >= high * total) {
      hi = min + (b + 1) * binWidth;
      break;
    }
  }
  return { center: (lo + hi) / 2, width: Math.max(1, hi - lo) };
}
