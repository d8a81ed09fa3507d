import type { PixelDescription } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { createHtj2kCodec } from '../../../../scripts/sample-data/htj2k.mjs';
import { decodeFrame } from '../decode-frame.js';
import { DecodeError } from '../errors/decode-error.js';
import {
  FIXTURE_COLUMNS,
  FIXTURE_ROWS,
  fromBase64,
  HTJ2K_LOSSLESS,
  J2K_LOSSLESS,
  signedRamp,
} from '../test-support/codestream-fixtures.js';
import { jp2Wrap, tilePartEnds } from '../test-support/j2k-streams.js';
import { WasmCodecs } from '../wasm/wasm-codecs.js';

const codecs = new WasmCodecs();
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

describe('JPEG 2000 and HTJ2K decoding', () => {
  it('decodes OpenJPEG and OpenJPH codestreams, raw or JP2-wrapped, losslessly', async () => {
    for (const bytes of [
      fromBase64(J2K_LOSSLESS),
      fromBase64(HTJ2K_LOSSLESS),
      jp2Wrap(fromBase64(HTJ2K_LOSSLESS)),
    ]) {
      const frame = await decodeFrame(bytes, signed16, '1.2.840.10008.1.2.4.90', { codecs });
      expect(Array.from(frame.pixels)).toEqual(Array.from(signedRamp()));
    }
  });

  it('refuses a cut codestream unless it is declared partial', async () => {
    const cut = fromBase64(HTJ2K_LOSSLESS).subarray(0, 900);
    await expect(decodeFrame(cut, signed16, '1.2.840.10008.1.2.4.201', { codecs })).rejects.toMatchObject({
      code: 'DECODE_TRUNCATED',
    });
    const preview = await decodeFrame(cut, signed16, '1.2.840.10008.1.2.4.201', {
      codecs,
      partial: true,
      resolutionLevel: 2,
    });
    expect([preview.rows, preview.columns, preview.resolutionLevel]).toEqual([6, 10, 2]);
  });

  it('refuses a codestream whose size disagrees with the DICOM attributes', async () => {
    const error = await decodeFrame(
      fromBase64(J2K_LOSSLESS),
      { ...signed16, rows: 25 },
      '1.2.840.10008.1.2.4.90',
      {
        codecs,
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).code).toBe('DECODE_MISMATCH');
  });

  it('decodes each lower resolution exactly from the prefix of an RPCL stream that holds it (progressive HTJ2K)', async () => {
    const rows = 256;
    const columns = 192;
    const source = new Uint16Array(rows * columns).map(
      (_, i) => ((i % columns) * 37 + Math.floor(i / columns) * 91 + ((i * 2654435761) >>> 28)) & 0xfff,
    );
    const codec = await createHtj2kCodec();
    const format = {
      rows,
      columns,
      samplesPerPixel: 1,
      bitsAllocated: 16 as const,
      bitsStored: 12,
      pixelRepresentation: 0 as const,
      photometric: 'MONOCHROME2',
    };
    const codestream = codec.encode(new Uint8Array(source.buffer), format, 'rpcl');
    const pixel: PixelDescription = {
      ...signed16,
      rows,
      columns,
      bitsStored: 12,
      highBit: 11,
      pixelRepresentation: 0,
    };
    const syntax = '1.2.840.10008.1.2.4.202';
    // One tile-part per resolution (SOT markers), lowest resolution first.
    const ends = tilePartEnds(codestream);
    const levels = ends.length - 1;
    expect(levels).toBeGreaterThanOrEqual(4);
    const full = await decodeFrame(codestream, pixel, syntax, { codecs });
    expect(Array.from(full.pixels)).toEqual(Array.from(source));
    for (let resolution = 0; resolution < levels; resolution++) {
      const level = levels - resolution;
      const prefix = codestream.subarray(0, ends[resolution]);
      const fromPrefix = await decodeFrame(prefix, pixel, syntax, {
        codecs,
        partial: true,
        resolutionLevel: level,
      });
      const fromWhole = await decodeFrame(codestream, pixel, syntax, { codecs, resolutionLevel: level });
      expect([fromPrefix.rows, fromPrefix.columns]).toEqual([
        Math.ceil(rows / 2 ** level),
        Math.ceil(columns / 2 ** level),
      ]);
      expect(prefix.length).toBeLessThan(codestream.length / 2 ** Math.max(0, level - 1));
      expect(Array.from(fromPrefix.pixels)).toEqual(Array.from(fromWhole.pixels));
    }
  });
});
