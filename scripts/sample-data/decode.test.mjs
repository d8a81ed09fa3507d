// @ts-check
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CONFIG } from './catalog.mjs';
import { generateSamples } from './generate.mjs';
import { createHtj2kCodec } from './htj2k.mjs';
import {
  concat,
  decodeWithDcmtk,
  decodeWithOpenJpeg,
  decodeWithPydicom,
  difference,
  readPart10,
  samples,
} from './test-helpers.mjs';

/**
 * Every variant is decoded by a decoder that is not the one that encoded it and compared with the
 * native pixels the variants were made from (the primary, or for the US the explicit-le variant).
 */
const outDir = join(tmpdir(), `fovea-samples-decode-${process.pid}`);
/** @type {import('./manifest.mjs').Manifest} */
let manifest;

beforeAll(async () => {
  manifest = await generateSamples({ outDir, config: TEST_CONFIG, force: true });
}, 180_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** @param {string} key */
const series = (key) => {
  const found = manifest.series.find((s) => s.key === key);
  if (!found) throw new Error(`no series ${key}`);
  return found;
};
/** @param {import('./manifest.mjs').ManifestSeries} s */
const nativeSource = (s) =>
  series(s.sourceSeriesKey === 'us' ? 'us--explicit-le' : (s.sourceSeriesKey ?? s.key));

/**
 * Native pixels of the source instance with the same InstanceNumber as file i of a variant.
 * @param {import('./manifest.mjs').ManifestSeries} variant @param {number} i
 */
async function originalPixels(variant, i) {
  const source = nativeSource(variant);
  const index = source.instanceNumbers.indexOf(/** @type {number} */ (variant.instanceNumbers[i]));
  const { pixelData } = await readPart10(join(outDir, source.files[index] ?? ''));
  return concat(pixelData);
}

/** @param {(s: import('./manifest.mjs').ManifestSeries) => boolean} predicate */
const variants = (predicate) => manifest.series.filter((s) => !s.primary && predicate(s));

const LOSSLESS_BY_PYDICOM = [
  'implicit-le',
  'explicit-be',
  'deflated',
  'rle',
  'jpeg-lossless',
  'jpeg-lossless-sv1',
  'jpeg-ls-lossless',
  'j2k-lossless',
];

describe('transcoded variants, decoded by reference decoders', () => {
  it('decode to exactly the original pixels in every lossless syntax (pydicom + GDCM)', async () => {
    const chosen = variants((s) => LOSSLESS_BY_PYDICOM.includes(s.transferSyntaxKey));
    expect(new Set(chosen.map((s) => s.transferSyntaxKey)).size).toBe(LOSSLESS_BY_PYDICOM.length);
    const files = chosen.flatMap((s) => s.files.map((f, i) => ({ s, i, path: join(outDir, f) })));
    const decoded = await decodeWithPydicom(files.map((f) => f.path));
    for (const [k, { s, i, path }] of files.entries()) {
      const original = await originalPixels(s, i);
      expect(Buffer.from(decoded[k] ?? []).equals(Buffer.from(original)), path).toBe(true);
    }
  });

  it('decode exactly with dcmtk (dcmdrle, dcmdjpeg, dcmdjpls)', async () => {
    const tools = /** @type {Record<string, string>} */ ({
      rle: 'dcmdrle',
      'jpeg-lossless': 'dcmdjpeg',
      'jpeg-lossless-sv1': 'dcmdjpeg',
      'jpeg-ls-lossless': 'dcmdjpls',
    });
    for (const s of variants((v) => v.transferSyntaxKey in tools)) {
      const decoded = await decodeWithDcmtk(tools[s.transferSyntaxKey] ?? '', join(outDir, s.files[0] ?? ''));
      let pixels = decoded.pixels;
      if (s.samplesPerPixel === 3 && decoded.dataset.PlanarConfiguration === 1) {
        // dcmdrle keeps RLE's colour-by-plane order; interleave it for the comparison.
        const plane = pixels.length / 3 / s.framesPerInstance;
        const out = new Uint8Array(pixels.length);
        for (let f = 0; f < s.framesPerInstance; f++)
          for (let p = 0; p < plane; p++)
            for (let c = 0; c < 3; c++)
              out[f * plane * 3 + p * 3 + c] = pixels[f * plane * 3 + c * plane + p] ?? 0;
        pixels = out;
      }
      expect(Buffer.from(pixels).equals(Buffer.from(await originalPixels(s, 0))), s.key).toBe(true);
    }
  });

  it('keep near-lossless JPEG-LS within its NEAR of 2, and lossy J2K close to the original', async () => {
    const chosen = variants(
      (s) => s.transferSyntaxKey === 'jpeg-ls-near-lossless' || s.transferSyntaxKey === 'j2k-lossy',
    );
    const decoded = await decodeWithPydicom(chosen.map((s) => join(outDir, s.files[0] ?? '')));
    for (const [k, s] of chosen.entries()) {
      const { max, rms } = difference(
        samples(decoded[k] ?? new Uint8Array(), s),
        samples(await originalPixels(s, 0), s),
      );
      if (s.transferSyntaxKey === 'jpeg-ls-near-lossless') expect(max, s.key).toBeLessThanOrEqual(2);
      else expect(rms, s.key).toBeLessThan(0.02 * 2 ** s.bitsStored);
      expect(max, `${s.key} is really lossy`).toBeGreaterThan(0);
    }
  });

  it('decode HTJ2K exactly (.201, .202) or closely (.203) with the OpenJPH WASM decoder and OpenJPEG', async () => {
    const codec = await createHtj2kCodec();
    const chosen = variants((s) => s.transferSyntaxKey.startsWith('htj2k'));
    expect(chosen).toHaveLength(3 * 7);
    for (const s of chosen) {
      const { pixelData } = await readPart10(join(outDir, s.files[0] ?? ''));
      expect(pixelData, s.key).toHaveLength(s.framesPerInstance);
      const original = await originalPixels(s, 0);
      const frameBytes = original.length / s.framesPerInstance;
      for (const [f, codestream] of pixelData.entries()) {
        const expected = samples(original.subarray(f * frameBytes, (f + 1) * frameBytes), s);
        // The fragment may carry one padding byte after the codestream's EOC marker.
        const wasm = codec.decode(codestream);
        const opj = await decodeWithOpenJpeg(codestream, s);
        for (const [name, pixels] of [
          ['openjph', wasm.pixels],
          ['opj_decompress', opj],
        ]) {
          const { max, rms } = difference(samples(/** @type {Uint8Array} */ (pixels), s), expected);
          if (s.lossy) {
            expect(rms, `${s.key} ${name}`).toBeLessThan(0.002 * 2 ** s.bitsStored);
            expect(max, `${s.key} ${name}`).toBeLessThan(0.02 * 2 ** s.bitsStored);
          } else {
            expect(max, `${s.key} ${name} frame ${f}`).toBe(0);
          }
        }
        expect(wasm.reversible, s.key).toBe(!s.lossy);
        if (s.transferSyntaxKey === 'htj2k-rpcl-lossless') {
          expect(wasm.progressionOrder, s.key).toBe(2);
          // A TLM marker segment (0xFF55) in the main header.
          const header = Buffer.from(codestream.subarray(0, 256));
          expect(header.includes(Buffer.from([0xff, 0x55])), s.key).toBe(true);
        }
        if (s.transferSyntaxKey === 'htj2k-lossless') expect(wasm.progressionOrder, s.key).toBe(0);
      }
    }
  });
});
