import { describe, expect, it } from 'vitest';
import { corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import { DecodeError } from '../errors/decode-error.js';
import { fromBase64, JPEG_BASELINE } from '../test-support/codestream-fixtures.js';
import { readFileFrame } from '../test-support/corpus-frames.js';
import { WasmCodecs } from '../wasm/wasm-codecs.js';
import { libjpegAssumesYcc, withColourTransformMarker } from './colour-transform-marker.js';
import { decodeDct } from './dct-decoder.js';
import { decodeJpeg } from './jpeg-decoder.js';
import { parseJpeg } from './jpeg-markers.js';
import { decodeWithLibjpegTurbo } from './libjpeg-turbo.js';

const JPEG = /^1\.2\.840\.10008\.1\.2\.4\.(5\d|70)$/;
const entries = (await corpusManifest()).filter((e) => JPEG.test(e.transferSyntax) && e.frame1?.sha256);
const frames = await Promise.all(
  entries.map(async (entry) => ({ entry, ...(await readFileFrame(entry.file)) })),
);
const eightBitLossy = frames.filter((f) => {
  const stream = parseJpeg(f.bytes);
  return stream.precision === 8 && stream.process !== 3;
});
const codecs = new WasmCodecs();

describe('hand-written JPEG decoders on the corpus', () => {
  it('have 8-bit lossy files to compare', () => expect(eightBitLossy.length).toBeGreaterThanOrEqual(10));

  it.for(eightBitLossy.map((f) => [f.entry.path, f] as const))(
    'agrees with libjpeg-turbo sample for sample on %s (IDCT, upsampling, YCbCr → RGB)',
    async ([, f]) => {
      const stream = parseJpeg(f.bytes);
      const convert = f.pixel.samplesPerPixel === 3 && f.pixel.photometricInterpretation.startsWith('YBR');
      const input =
        f.pixel.samplesPerPixel === 3 && libjpegAssumesYcc(stream) !== convert
          ? withColourTransformMarker(f.bytes, convert)
          : f.bytes;
      const ours = decodeDct(f.bytes, stream, convert).samples;
      const theirs = await decodeWithLibjpegTurbo(input, codecs, f.transferSyntaxUid);
      expect(ours.length).toBe(theirs.length);
      expect(Buffer.from(Uint8Array.from(ours)).equals(Buffer.from(theirs))).toBe(true);
    },
  );

  it('agrees with libjpeg-turbo on an 8-bit progressive stream with successive approximation', async () => {
    const bytes = fromBase64(JPEG_BASELINE);
    const ours = decodeDct(bytes, parseJpeg(bytes), false).samples;
    expect(Array.from(ours)).toEqual(
      Array.from(await decodeWithLibjpegTurbo(bytes, codecs, '1.2.840.10008.1.2.4.50')),
    );
  });

  const lossless = frames.find((f) => f.entry.path.endsWith('JPEGLossless_1s_1f_u_16_12.dcm'));
  const twelveBit = frames.find((f) =>
    f.entry.path.endsWith('JPEGProcess10_12TransferSyntax_1.2.840.10008.1.2.4.55.dcm'),
  );

  it.for([
    ['lossless', lossless],
    ['12-bit progressive', twelveBit],
  ] as const)('refuses a %s stream whose entropy-coded data was cut short', async ([, f]) => {
    if (!f) throw new Error('corpus file missing');
    const stream = parseJpeg(f.bytes);
    const scan = stream.scans.at(-1);
    const cut = Uint8Array.from([
      ...f.bytes.subarray(0, ((scan?.dataStart ?? 0) + (scan?.dataEnd ?? 0)) >> 1),
      0xff,
      0xd9,
    ]);
    await expect(decodeJpeg(cut, f.pixel, f.transferSyntaxUid, codecs)).rejects.toBeInstanceOf(DecodeError);
  });

  it('refuses streams without EOI and streams whose size disagrees with the DICOM attributes', async () => {
    const f = frames[0];
    if (!f) throw new Error('no JPEG in corpus');
    await expect(
      decodeJpeg(f.bytes.subarray(0, f.bytes.length - 40), f.pixel, f.transferSyntaxUid, codecs),
    ).rejects.toMatchObject({
      code: 'DECODE_TRUNCATED',
    });
    await expect(
      decodeJpeg(f.bytes, { ...f.pixel, rows: f.pixel.rows + 1 }, f.transferSyntaxUid, codecs),
    ).rejects.toMatchObject({
      code: 'DECODE_MISMATCH',
    });
  });
});
