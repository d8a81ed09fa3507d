// @ts-check
/**
 * The frames the codec benchmark decodes: the 24-slice CT excerpt (512 × 512, 16-bit signed) of the
 * generated sample studies in each lossless syntax, and the 30 frames of the US cine (640 × 480 RGB,
 * 8-bit) in JPEG baseline, each with its uncompressed original where the syntax is lossless.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readPart10 } from '@fovea/core';
import { generateSamples, sampleDataDir } from '../../../scripts/sample-data/generate.mjs';

/**
 * One codec's batch: encoded frames of one series, all with the same pixel description.
 * @typedef {object} FrameSet
 * @property {string} label short name of the codec, e.g. "JPEG-LS lossless"
 * @property {string} seriesKey sample-data series key
 * @property {string} transferSyntaxUid
 * @property {boolean} lossless
 * @property {import('@fovea/core').PixelDescription} pixel
 * @property {Uint8Array[]} frames encoded frames, each spanning its own ArrayBuffer
 * @property {Uint8Array[]} originals native little-endian bytes of the same frames (lossless sets only)
 * @property {number} encodedBytes sum of the encoded frame lengths
 * @property {number} decodedBytes rows × columns × samples × bytes per sample, summed over the frames
 */

/** Codec label → sample-data series key. */
export const CODEC_SERIES = /** @type {const} */ ([
  ['RLE', 'ct--rle'],
  ['JPEG lossless P14 (.57)', 'ct--jpeg-lossless'],
  ['JPEG lossless SV1 (.70)', 'ct--jpeg-lossless-sv1'],
  ['JPEG-LS lossless', 'ct--jpeg-ls-lossless'],
  ['JPEG 2000 lossless', 'ct--j2k-lossless'],
  ['HTJ2K lossless', 'ct--htj2k-lossless'],
  ['JPEG baseline 8-bit', 'us'],
]);

/**
 * Reads every frame of one sample series (and, for lossless series, the matching native frames of
 * the primary it was made from).
 * @param {import('../../../scripts/sample-data/manifest.mjs').Manifest} manifest
 * @param {string} label
 * @param {string} key
 * @returns {Promise<FrameSet>}
 */
async function readSet(manifest, label, key) {
  const dir = sampleDataDir();
  const series = manifest.series.find((s) => s.key === key);
  if (!series) throw new Error(`sample series ${key} is missing from the manifest`);
  const source = series.sourceSeriesKey
    ? manifest.series.find((s) => s.key === series.sourceSeriesKey)
    : undefined;
  /** @type {Uint8Array[]} */
  const frames = [];
  /** @type {Uint8Array[]} */
  const originals = [];
  /** @type {import('@fovea/core').PixelDescription | undefined} */
  let pixel;
  let transferSyntaxUid = '';
  for (const file of series.files) {
    const instance = readPart10(new Uint8Array(await readFile(join(dir, file))));
    if (!instance.pixel) throw new Error(`${file} has no pixel data`);
    pixel = instance.pixel;
    transferSyntaxUid = instance.transferSyntaxUid;
    for (let i = 0; i < instance.pixel.numberOfFrames; i++) frames.push(instance.frame(i).slice());
    if (!series.lossy && source) {
      // Variants keep the file names of the primary's instances they were made from.
      const sourceFile = source.files.find((f) => basename(f) === basename(file));
      if (!sourceFile) throw new Error(`no original of ${file} in ${source.key}`);
      const original = readPart10(new Uint8Array(await readFile(join(dir, sourceFile))));
      if (!original.transferSyntaxUid.startsWith('1.2.840.10008.1.2.1')) {
        throw new Error(`original ${sourceFile} is not explicit VR little endian`);
      }
      for (let i = 0; i < instance.pixel.numberOfFrames; i++) originals.push(original.frame(i).slice());
    }
  }
  if (!pixel) throw new Error(`sample series ${key} has no files`);
  const bytesPerSample = pixel.bitsAllocated <= 8 ? 1 : pixel.bitsAllocated / 8;
  return {
    label,
    seriesKey: key,
    transferSyntaxUid,
    lossless: !series.lossy,
    pixel,
    frames,
    originals,
    encodedBytes: frames.reduce((sum, f) => sum + f.byteLength, 0),
    decodedBytes: frames.length * pixel.rows * pixel.columns * pixel.samplesPerPixel * bytesPerSample,
  };
}

/**
 * Every codec's batch, generating the sample studies first when .cache/sample-data is not current.
 * @returns {Promise<FrameSet[]>}
 */
export async function loadFrameSets() {
  const manifest = await generateSamples({ outDir: sampleDataDir() });
  return Promise.all(CODEC_SERIES.map(([label, key]) => readSet(manifest, label, key)));
}
