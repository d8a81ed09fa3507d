// @ts-check
/**
 * Shared JSDoc types of the sample-data generator (no runtime code).
 *
 * @typedef {object} PixelFormat
 * @property {number} rows (0028,0010)
 * @property {number} columns (0028,0011)
 * @property {number} samplesPerPixel (0028,0002)
 * @property {8 | 16} bitsAllocated (0028,0100)
 * @property {number} bitsStored (0028,0101)
 * @property {0 | 1} pixelRepresentation (0028,0103): 1 = two's complement
 * @property {string} photometric (0028,0004) of the native pixels
 *
 * @typedef {object} Instance
 * @property {Record<string, unknown>} dataset dcmjs "naturalized" data set, without PixelData
 * @property {Uint8Array} pixels native little-endian pixel bytes of all frames, samples interleaved
 * @property {number} frames (0028,0008) Number of Frames (1 for single-frame objects)
 *
 * @typedef {object} SeriesSpec
 * @property {string} key unique series key, also its folder name (e.g. "ct")
 * @property {string} studyKey folder of its study (e.g. "phantom-ct")
 * @property {string} studyInstanceUID
 * @property {string} modality
 * @property {string} description (0008,103E) of the primary series
 * @property {number} seriesNumber (0020,0011) of the primary series; variants use seriesNumber*100+n
 * @property {PixelFormat} format
 * @property {number} framesPerInstance (0028,0008) Number of Frames, 1 for single-frame objects
 * @property {number[]} instanceNumbers (0020,0013) of every instance of the primary series
 * @property {number[]} variantInstanceNumbers those that the transcoded variants carry
 * @property {(instanceNumber: number) => Instance} instance builds one instance (deterministic)
 * @property {string} primarySyntax key of the primary series' transfer syntax
 * @property {Record<string, unknown>} facts ground truth for tests (positions in mm, patient LPS)
 *
 * @typedef {object} ProgressEvent
 * @property {string} phase "cache" | "primary" | "variants" | "manifest" | "done"
 * @property {string} message one human-readable line
 * @property {number} [done]
 * @property {number} [total]
 */
export {};
