import { deflateRawSync } from 'node:zlib';
import { FoveaError, type PixelDescription } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { corpusManifest } from '../../../scripts/corpus/corpus.mjs';
import { decodeFrame } from './decode-frame.js';
import {
  fromBase64,
  HTJ2K_LOSSLESS,
  J2K_LOSSLESS,
  JPEG_BASELINE,
  JPEG_LS_LOSSLESS,
} from './test-support/codestream-fixtures.js';
import { readFileFrame } from './test-support/corpus-frames.js';
import { describePixels } from './test-support/pixel-descriptions.js';
import { WasmCodecs } from './wasm/wasm-codecs.js';

/** Mulberry32: a small seeded PRNG, so a failing mutation can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random mutation of `input`: bit flips, byte overwrites, truncation, insertion, or noise. */
function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const at = (n: number) => Math.floor(random() * n);
  const bytes = input.slice();
  switch (at(6)) {
    case 0:
      for (let i = 1 + at(8); i > 0; i--) {
        const k = at(bytes.length);
        bytes[k] = (bytes[k] as number) ^ (1 << at(8));
      }
      return bytes;
    case 1:
      for (let i = 1 + at(16); i > 0; i--) bytes[at(bytes.length)] = at(256);
      return bytes;
    case 2:
      return bytes.slice(0, at(bytes.length));
    case 3: {
      const cut = at(bytes.length);
      return Uint8Array.from([
        ...bytes.subarray(0, cut),
        ...Array.from({ length: 1 + at(64) }, () => at(256)),
        ...bytes.subarray(cut),
      ]);
    }
    case 4: {
      const start = at(bytes.length);
      bytes.fill(at(2) ? 0 : 0xff, start, start + 1 + at(256));
      return bytes;
    }
    default:
      return Uint8Array.from({ length: at(2 * input.length) }, () => at(256));
  }
}

interface Target {
  name: string;
  /** Fewer mutations for large, slow frames. */
  runs?: number;
  bytes: Uint8Array;
  pixel: PixelDescription;
  syntax: string;
}

const entries = await corpusManifest();
const corpusFrame = async (name: string, path: string): Promise<Target> => {
  const entry = entries.find((e) => e.path.endsWith(path));
  if (!entry) throw new Error(`${path} missing from the corpus`);
  const frame = await readFileFrame(entry.file);
  return { name, bytes: frame.bytes, pixel: frame.pixel, syntax: frame.transferSyntaxUid };
};
const fixturePixel = describePixels({ rows: 24, columns: 40, pixelRepresentation: 1 });
const ramp = new Uint8Array(new Uint16Array(40 * 24).map((_, i) => i * 37).buffer);

const targets: Target[] = [
  { name: 'native little endian', bytes: ramp, pixel: fixturePixel, syntax: '1.2.840.10008.1.2.1' },
  { name: 'native big endian', bytes: ramp, pixel: fixturePixel, syntax: '1.2.840.10008.1.2.2' },
  {
    name: 'deflated image frame',
    bytes: new Uint8Array(deflateRawSync(ramp)),
    pixel: fixturePixel,
    syntax: '1.2.840.10008.1.2.8.1',
  },
  await corpusFrame('RLE', 'MR_small_RLE.dcm'),
  {
    name: 'JPEG 8-bit progressive (libjpeg-turbo)',
    bytes: fromBase64(JPEG_BASELINE),
    pixel: describePixels({ rows: 24, columns: 40, bitsAllocated: 8 }),
    syntax: '1.2.840.10008.1.2.4.50',
  },
  await corpusFrame('JPEG 8-bit colour (libjpeg-turbo)', 'SC_rgb_small_odd_jpeg.dcm'),
  { ...(await corpusFrame('JPEG 12-bit (own DCT)', 'JPEG-lossy.dcm')), runs: 30 },
  await corpusFrame('JPEG lossless (own)', 'SC_rgb_jpeg_gdcm.dcm'),
  {
    name: 'JPEG-LS (CharLS)',
    bytes: fromBase64(JPEG_LS_LOSSLESS),
    pixel: fixturePixel,
    syntax: '1.2.840.10008.1.2.4.80',
  },
  {
    name: 'JPEG 2000 (OpenJPEG)',
    bytes: fromBase64(J2K_LOSSLESS),
    pixel: fixturePixel,
    syntax: '1.2.840.10008.1.2.4.90',
  },
  {
    name: 'HTJ2K (OpenJPH)',
    bytes: fromBase64(HTJ2K_LOSSLESS),
    pixel: fixturePixel,
    syntax: '1.2.840.10008.1.2.4.201',
  },
];

/** Mutations per decoder: deterministic (seeded), a few seconds in all. */
const RUNS = Number(process.env.FOVEA_FUZZ_RUNS ?? 120);

describe('fuzzing every decoder with seeded mutations (bounded time)', () => {
  const codecs = new WasmCodecs();
  it.for(targets.map((t, i) => [t.name, t, i] as const))(
    '%s: mutated frames decode to the right size or fail with a typed error',
    async ([, target, index]) => {
      const random = prng(0x5eed + index);
      const samples = target.pixel.rows * target.pixel.columns * target.pixel.samplesPerPixel;
      const decodeOriginal = () => decodeFrame(target.bytes.slice(), target.pixel, target.syntax, { codecs });
      const expected = Array.from((await decodeOriginal()).pixels);
      let rejected = 0;
      for (let run = 0; run < Math.min(RUNS, target.runs ?? RUNS); run++) {
        const input = mutate(target.bytes, random);
        try {
          const frame = await decodeFrame(input, target.pixel, target.syntax, { codecs });
          expect(frame.pixels.length, `${target.name} run ${run}`).toBe(samples);
        } catch (error) {
          if (!(error instanceof FoveaError)) {
            throw new Error(`${target.name} run ${run}: untyped ${String(error)}`, { cause: error });
          }
          rejected++;
          // A failed decode must leave nothing behind: the next good frame decodes exactly.
          expect(Array.from((await decodeOriginal()).pixels), `${target.name} after run ${run}`).toEqual(
            expected,
          );
        }
      }
      expect(rejected).toBeGreaterThan(0);
    },
  );
});
