// The worker's dependencies, imported here too so Vite pre-bundles them when it scans this file
// rather than discovering them mid-run in the worker (which reloads the page and fails the run).
import '@cornerstonejs/codec-charls/decodewasmjs';
import '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs';
import '@cornerstonejs/codec-openjpeg/decodewasmjs';
import '@cornerstonejs/codec-openjph/wasmjs';
import 'comlink';
import 'comlink/dist/esm/node-adapter.mjs';
import type { PixelDescription } from '@fovea/core';
import { afterAll, describe, expect, it } from 'vitest';
import { DecodeError } from '../errors/decode-error.js';
import {
  FIXTURE_COLUMNS,
  FIXTURE_ROWS,
  fromBase64,
  greyPattern,
  HTJ2K_LOSSLESS,
  J2K_LOSSLESS,
  JPEG_BASELINE,
  JPEG_LS_LOSSLESS,
  signedRamp,
} from '../test-support/codestream-fixtures.js';
import type { WasmCodecId } from '../wasm/wasm-codecs.js';
import { DecoderPool } from './decoder-pool.js';

// The codec .wasm files as the dev server serves them from the package's node_modules.
const wasm = (pkg: string, file: string): string =>
  new URL(`../../node_modules/@cornerstonejs/${pkg}/dist/${file}`, import.meta.url).href;
const wasmUrls: Record<WasmCodecId, string> = {
  'libjpeg-turbo': wasm('codec-libjpeg-turbo-8bit', 'libjpegturbowasm_decode.wasm'),
  charls: wasm('codec-charls', 'charlswasm_decode.wasm'),
  openjpeg: wasm('codec-openjpeg', 'openjpegwasm_decode.wasm'),
  openjph: wasm('codec-openjph', 'openjphjs.wasm'),
};

const signed16: PixelDescription = {
  rows: FIXTURE_ROWS,
  columns: FIXTURE_COLUMNS,
  samplesPerPixel: 1,
  bitsAllocated: 16,
  bitsStored: 16,
  highBit: 15,
  pixelRepresentation: 1,
  photometricInterpretation: 'MONOCHROME2',
  planarConfiguration: 0,
  numberOfFrames: 1,
};

describe('DecoderPool in a browser', () => {
  const pool = new DecoderPool({
    size: 2,
    workerUrl: new URL('../test-support/browser-test.worker.ts', import.meta.url),
    wasmUrls,
  });
  afterAll(() => pool.dispose());

  it.each([
    ['JPEG-LS (CharLS)', JPEG_LS_LOSSLESS, '1.2.840.10008.1.2.4.80'],
    ['JPEG 2000 (OpenJPEG)', J2K_LOSSLESS, '1.2.840.10008.1.2.4.90'],
    ['HTJ2K (OpenJPH)', HTJ2K_LOSSLESS, '1.2.840.10008.1.2.4.202'],
  ])('decodes %s losslessly in a module worker with WASM fetched from URLs', async (_, base64, syntax) => {
    const bytes = fromBase64(base64);
    const frame = await pool.decode(bytes, signed16, syntax);
    expect(bytes.byteLength).toBe(0); // transferred, not copied
    expect(frame.pixels).toBeInstanceOf(Int16Array);
    expect(Array.from(frame.pixels)).toEqual(Array.from(signedRamp()));
  });

  it('decodes JPEG baseline with libjpeg-turbo close to its source', async () => {
    const frame = await pool.decode(
      fromBase64(JPEG_BASELINE),
      { ...signed16, bitsAllocated: 8, bitsStored: 8, highBit: 7, pixelRepresentation: 0 },
      '1.2.840.10008.1.2.4.50',
    );
    const source = greyPattern();
    const worst = Math.max(...Array.from(frame.pixels, (v, i) => Math.abs(v - (source[i] as number))));
    expect(frame.pixels).toBeInstanceOf(Uint8Array);
    expect(worst).toBeLessThan(24);
  });

  it('inflates Deflated Image Frame Compression in Chromium, fragment pad byte included', async () => {
    const source = new Uint8Array(signedRamp().buffer as ArrayBuffer);
    const stream = new Blob([source]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const deflated = new Uint8Array(await new Response(stream).arrayBuffer());
    const padded = new Uint8Array(deflated.length + 1);
    padded.set(deflated);
    const frame = await pool.decode(padded, signed16, '1.2.840.10008.1.2.8.1');
    expect(Array.from(frame.pixels)).toEqual(Array.from(signedRamp()));
  });

  it('rejects a damaged codestream with a DecodeError across the worker boundary', async () => {
    const bytes = fromBase64(HTJ2K_LOSSLESS).slice(0, 200);
    await expect(pool.decode(bytes, signed16, '1.2.840.10008.1.2.4.201')).rejects.toBeInstanceOf(DecodeError);
  });

  it('fails with DECODE_CODEC_UNAVAILABLE when a WASM URL is wrong', async () => {
    const broken = new DecoderPool({
      size: 1,
      workerUrl: new URL('../test-support/browser-test.worker.ts', import.meta.url),
      wasmUrls: { ...wasmUrls, charls: new URL('./no-such-file.wasm', import.meta.url).href },
    });
    try {
      await expect(
        pool.decode(fromBase64(JPEG_LS_LOSSLESS), signed16, '1.2.840.10008.1.2.4.80'),
      ).resolves.toBeDefined();
      const error = await broken
        .decode(fromBase64(JPEG_LS_LOSSLESS), signed16, '1.2.840.10008.1.2.4.80')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).code).toBe('DECODE_CODEC_UNAVAILABLE');
    } finally {
      broken.dispose();
    }
  });
});
