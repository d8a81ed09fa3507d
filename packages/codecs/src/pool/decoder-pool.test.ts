import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecodeError, UnsupportedTransferSyntaxError } from '../errors/decode-error.js';
import { fromBase64, HTJ2K_LOSSLESS, signedRamp } from '../test-support/codestream-fixtures.js';
import { buildNodeWorkerBundle } from '../test-support/node-worker-bundle.js';
import { describePixels } from '../test-support/pixel-descriptions.js';
import { DecoderPool } from './decoder-pool.js';

const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const HTJ2K = '1.2.840.10008.1.2.4.201';
const signed16 = describePixels({ rows: 24, columns: 40, pixelRepresentation: 1 });
const nativeFrame = (value: number): Uint8Array => new Uint8Array(new Uint16Array(6).fill(value).buffer);

let bundle: Awaited<ReturnType<typeof buildNodeWorkerBundle>>;
beforeAll(async () => {
  bundle = await buildNodeWorkerBundle();
});
afterAll(() => bundle.dispose());

describe('DecoderPool (Node worker_threads)', () => {
  it('decodes in a worker and transfers the input buffer rather than copying it', async () => {
    const pool = new DecoderPool({ size: 1, workerUrl: bundle.url });
    try {
      const bytes = fromBase64(HTJ2K_LOSSLESS);
      const frame = await pool.decode(bytes, signed16, HTJ2K);
      expect(bytes.byteLength).toBe(0);
      expect(Array.from(frame.pixels)).toEqual(Array.from(signedRamp()));
    } finally {
      pool.dispose();
    }
  });

  it('copies instead when asked, or when the bytes are a view into a larger buffer', async () => {
    const pool = new DecoderPool({ size: 1, workerUrl: bundle.url });
    try {
      const kept = nativeFrame(7);
      await pool.decode(kept, describePixels(), EXPLICIT_LE, { transfer: false });
      expect(kept.byteLength).toBe(12);
      const file = new Uint8Array(100);
      const view = file.subarray(10, 22);
      expect(Array.from((await pool.decode(view, describePixels(), EXPLICIT_LE)).pixels)).toEqual([
        0, 0, 0, 0, 0, 0,
      ]);
      expect(file.byteLength).toBe(100);
    } finally {
      pool.dispose();
    }
  });

  it('runs higher priorities first, in request order within a priority', async () => {
    const pool = new DecoderPool({ size: 1, workerUrl: bundle.url });
    const order: string[] = [];
    const request = (name: string, priority: number) =>
      pool.decode(nativeFrame(1), describePixels(), EXPLICIT_LE, { priority }).then(() => order.push(name));
    try {
      await Promise.all([request('low', 0), request('high-1', 10), request('mid', 5), request('high-2', 10)]);
      expect(order).toEqual(['high-1', 'high-2', 'mid', 'low']);
    } finally {
      pool.dispose();
    }
  });

  it('rejects aborted frames with DECODE_ABORTED and goes on with the rest', async () => {
    const pool = new DecoderPool({ size: 1, workerUrl: bundle.url });
    try {
      const controller = new AbortController();
      const first = pool.decode(nativeFrame(1), describePixels(), EXPLICIT_LE);
      const aborted = pool.decode(nativeFrame(2), describePixels(), EXPLICIT_LE, {
        signal: controller.signal,
      });
      const last = pool.decode(nativeFrame(3), describePixels(), EXPLICIT_LE);
      controller.abort();
      await expect(aborted).rejects.toMatchObject({ code: 'DECODE_ABORTED' });
      expect((await last).pixels[0]).toBe(3);
      expect((await first).pixels[0]).toBe(1);
      await expect(
        pool.decode(nativeFrame(1), describePixels(), EXPLICIT_LE, { signal: AbortSignal.abort() }),
      ).rejects.toBeInstanceOf(DecodeError);
    } finally {
      pool.dispose();
    }
  });

  it('brings typed errors back from the worker', async () => {
    const pool = new DecoderPool({ size: 2, workerUrl: bundle.url });
    try {
      await expect(
        pool.decode(nativeFrame(1), describePixels(), '1.2.840.10008.1.2.4.100'),
      ).rejects.toBeInstanceOf(UnsupportedTransferSyntaxError);
      const error = await pool
        .decode(new Uint8Array(3), describePixels(), EXPLICIT_LE)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DecodeError);
      expect(error).toMatchObject({ code: 'DECODE_TRUNCATED', transferSyntaxUid: EXPLICIT_LE });
    } finally {
      pool.dispose();
    }
  });

  it('rejects pending and later frames once disposed', async () => {
    const pool = new DecoderPool({ size: 1, workerUrl: bundle.url });
    const pending = pool.decode(nativeFrame(1), describePixels(), EXPLICIT_LE);
    pool.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'DECODE_ABORTED' });
    await expect(pool.decode(nativeFrame(1), describePixels(), EXPLICIT_LE)).rejects.toMatchObject({
      code: 'DECODE_ABORTED',
    });
  });

  it('replaces a worker that does not answer in time, failing that frame only', async () => {
    const pool = new DecoderPool({ size: 1, workerUrl: bundle.url, decodeTimeoutMs: 1 });
    try {
      // Decoding this frame needs WASM compilation first, far longer than 1 ms.
      await expect(pool.decode(fromBase64(HTJ2K_LOSSLESS), signed16, HTJ2K)).rejects.toMatchObject({
        code: 'DECODE_CODEC_FAILED',
        reason: expect.stringContaining('no answer within 1 ms'),
      });
    } finally {
      pool.dispose();
    }
  });

  it('fails with DECODE_CODEC_UNAVAILABLE when the worker cannot start', async () => {
    const pool = new DecoderPool({ size: 1, workerUrl: new URL('./no-such-worker.mjs', bundle.url) });
    try {
      await expect(pool.decode(nativeFrame(1), describePixels(), EXPLICIT_LE)).rejects.toMatchObject({
        code: 'DECODE_CODEC_UNAVAILABLE',
      });
    } finally {
      pool.dispose();
    }
  });

  it('fails with DECODE_CODEC_UNAVAILABLE when a codec’s WASM cannot be loaded, and keeps native decoding', async () => {
    const pool = new DecoderPool({
      size: 1,
      workerUrl: bundle.url,
      wasmBaseUrl: new URL('./nowhere/', bundle.url),
    });
    try {
      await expect(pool.decode(fromBase64(HTJ2K_LOSSLESS), signed16, HTJ2K)).rejects.toMatchObject({
        code: 'DECODE_CODEC_UNAVAILABLE',
      });
      expect((await pool.decode(nativeFrame(4), describePixels(), EXPLICIT_LE)).pixels[0]).toBe(4);
    } finally {
      pool.dispose();
    }
  });
});
