import type { ModalityTransform } from '../image/slice-image.js';

/**
 * The Modality LUT (PS3.3 C.11.1) as a function from stored value to modality value, in double
 * precision. Rescale is `sv · slope + intercept` (real-valued, as the standard defines it); a LUT
 * maps `data[clamp(floor(sv) − first, 0, n − 1)]`.
 *
 * dcmtk 3.6 agrees exactly for integer slopes and intercepts and for LUTs; for fractional
 * rescale it keeps integers only (it truncates `sv · slope + intercept`), which this does not.
 */
export function modalityFunction(modality: ModalityTransform | undefined): (sv: number) => number {
  if (!modality) return (sv) => sv;
  if (modality.kind === 'rescale') {
    const { slope, intercept } = modality;
    if (slope === 1 && intercept === 0) return (sv) => sv;
    return (sv) => sv * slope + intercept;
  }
  const { data, firstValueMapped } = modality;
  const last = data.length - 1;
  return (sv) => data[Math.min(Math.max(Math.floor(sv) - firstValueMapped, 0), last)] ?? 0;
}

/** True when the modality transform is non-decreasing or non-increasing over all stored values. */
export function isMonotonicModality(modality: ModalityTransform | undefined): boolean {
  return modality === undefined || modality.kind === 'rescale';
}
