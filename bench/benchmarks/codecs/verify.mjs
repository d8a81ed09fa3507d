// @ts-check
/**
 * Pixel checks run before timing: both decoders against the uncompressed original for lossless
 * syntaxes, and against each other for every syntax. Samples are compared by value, since the two
 * may hold them in different typed arrays (Cornerstone picks the array from the frame's min/max).
 */

/**
 * @typedef {object} Comparison
 * @property {number} samples compared
 * @property {number} differing samples that differ
 * @property {number} maxDifference largest absolute difference
 * @property {string} [lengthMismatch] set when the lengths differ (nothing else compared)
 */

/**
 * @param {ArrayLike<number>} a
 * @param {ArrayLike<number>} b
 * @returns {Comparison}
 */
export function compareSamples(a, b) {
  if (a.length !== b.length) {
    return { samples: 0, differing: 0, maxDifference: 0, lengthMismatch: `${a.length} vs ${b.length}` };
  }
  let differing = 0;
  let maxDifference = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(/** @type {number} */ (a[i]) - /** @type {number} */ (b[i]));
    if (d !== 0) {
      differing++;
      if (d > maxDifference) maxDifference = d;
    }
  }
  return { samples: a.length, differing, maxDifference };
}

/**
 * Sums comparisons over the frames of a batch.
 * @param {Comparison[]} comparisons
 * @returns {Comparison}
 */
export function sumComparisons(comparisons) {
  const total = { samples: 0, differing: 0, maxDifference: 0 };
  for (const c of comparisons) {
    if (c.lengthMismatch) return c;
    total.samples += c.samples;
    total.differing += c.differing;
    total.maxDifference = Math.max(total.maxDifference, c.maxDifference);
  }
  return total;
}

/** @param {Comparison} c */
export function describeComparison(c) {
  if (c.lengthMismatch) return `LENGTHS DIFFER (${c.lengthMismatch})`;
  if (c.differing === 0) return `identical (${c.samples} samples)`;
  return `${c.differing} of ${c.samples} samples differ (max ${c.maxDifference})`;
}

/**
 * The samples of a native little-endian frame, in the type its pixel description implies.
 * @param {Uint8Array} bytes spanning its own ArrayBuffer
 * @param {import('@fovea/core').PixelDescription} pixel
 * @returns {ArrayLike<number>}
 */
export function nativeSamples(bytes, pixel) {
  const signed = pixel.pixelRepresentation === 1;
  if (pixel.bitsAllocated === 8)
    return signed ? new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  if (pixel.bitsAllocated === 16) {
    const { buffer, byteOffset, byteLength } = bytes;
    const samples = signed
      ? new Int16Array(buffer, byteOffset, byteLength / 2)
      : new Uint16Array(buffer, byteOffset, byteLength / 2);
    if (pixel.bitsStored === 16) return samples;
    // Canonical form: masked to Bits Stored and sign-extended.
    const shift = 32 - pixel.bitsStored;
    return Array.from(samples, (v) => (signed ? (v << shift) >> shift : (v << shift) >>> shift));
  }
  throw new Error(`no native reader for ${pixel.bitsAllocated}-bit samples in this benchmark`);
}
