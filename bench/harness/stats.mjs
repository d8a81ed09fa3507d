// @ts-check
/** Order statistics for benchmark samples. Medians and quartiles resist the noise of shared machines. */

/**
 * The q-quantile (0…1) of `values`, linearly interpolated between order statistics.
 * @param {readonly number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) throw new RangeError('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = /** @type {number} */ (sorted[low]);
  const b = /** @type {number} */ (sorted[high]);
  return a + (b - a) * (position - low);
}

/**
 * Summary of one case's samples. `spread` is the interquartile range relative to the median.
 * @param {readonly number[]} samples
 */
export function summarize(samples) {
  const median = quantile(samples, 0.5);
  const iqr = quantile(samples, 0.75) - quantile(samples, 0.25);
  return {
    runs: samples.length,
    median,
    min: Math.min(...samples),
    max: Math.max(...samples),
    spread: median === 0 ? 0 : iqr / median,
  };
}
