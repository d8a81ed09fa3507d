import type { PixelDescription } from '@fovea/core';
import { canonicalFrame } from '../canonical-frame.js';
import type { DecodedFrame } from '../decoded-frame.js';
import { DecodeError } from '../errors/decode-error.js';
import { frameSampleCount } from '../native/pixel-layout.js';
import type { WasmCodecs } from '../wasm/wasm-codecs.js';
import { libjpegAssumesYcc, withColourTransformMarker } from './colour-transform-marker.js';
import { decodeDct } from './dct-decoder.js';
import { JpegFormatError, type JpegStream, parseJpeg } from './jpeg-markers.js';
import { decodeWithLibjpegTurbo } from './libjpeg-turbo.js';
import { decodeLossless } from './lossless-decoder.js';

/**
 * Decodes one ISO 10918-1 JPEG frame. 8-bit DCT (baseline, extended, progressive) goes to the WASM
 * libjpeg-turbo; 12-bit DCT to the hand-written libjpeg-exact decoder; lossless (process 14, SV1)
 * to the hand-written lossless decoder. Three-component lossy data is converted YCbCr → RGB when,
 * and only when, Photometric Interpretation is YBR_*, as DCMTK does.
 */
export async function decodeJpeg(
  bytes: Uint8Array,
  pixel: PixelDescription,
  transferSyntaxUid: string,
  codecs: WasmCodecs,
): Promise<DecodedFrame> {
  frameSampleCount(pixel, transferSyntaxUid);
  const stream = parse(bytes, transferSyntaxUid);
  const mismatch = (reason: string): never => {
    throw new DecodeError('DECODE_MISMATCH', transferSyntaxUid, reason);
  };
  if (stream.width !== pixel.columns || stream.height !== pixel.rows) {
    mismatch(`JPEG is ${stream.width} × ${stream.height}, DICOM says ${pixel.columns} × ${pixel.rows}`);
  }
  if (stream.components.length !== pixel.samplesPerPixel) {
    mismatch(
      `JPEG has ${stream.components.length} components, DICOM ${pixel.samplesPerPixel} samples per pixel`,
    );
  }
  const size = { rows: pixel.rows, columns: pixel.columns };
  const lossy =
    stream.process !== 3 && stream.process !== 7 && stream.process !== 11 && stream.process !== 15;
  const convert = lossy && pixel.samplesPerPixel === 3 && pixel.photometricInterpretation.startsWith('YBR');
  const colourSpace = convert ? 'RGB' : pixel.photometricInterpretation;
  try {
    if (stream.process === 3) {
      return canonicalFrame(decodeLossless(bytes, stream), pixel, transferSyntaxUid, {
        ...size,
        colourSpace,
      });
    }
    if ([0, 1, 2, 9, 10].includes(stream.process) && stream.precision === 8) {
      const input =
        pixel.samplesPerPixel === 3 && libjpegAssumesYcc(stream) !== convert
          ? withColourTransformMarker(bytes, convert)
          : bytes;
      const samples = await decodeWithLibjpegTurbo(input, codecs, transferSyntaxUid);
      return canonicalFrame(samples, pixel, transferSyntaxUid, { ...size, colourSpace });
    }
    if ([0, 1, 2].includes(stream.process) && stream.precision === 12) {
      const { samples } = decodeDct(bytes, stream, convert);
      return canonicalFrame(samples, pixel, transferSyntaxUid, { ...size, colourSpace });
    }
  } catch (error) {
    if (error instanceof JpegFormatError) throw toDecodeError(error, transferSyntaxUid);
    throw error;
  }
  throw new DecodeError(
    'DECODE_UNSUPPORTED_FEATURE',
    transferSyntaxUid,
    `JPEG process SOF${stream.process} with ${stream.precision}-bit samples is not supported`,
  );
}

function parse(bytes: Uint8Array, transferSyntaxUid: string): JpegStream {
  let stream: JpegStream;
  try {
    stream = parseJpeg(bytes);
  } catch (error) {
    if (error instanceof JpegFormatError) throw toDecodeError(error, transferSyntaxUid);
    throw error;
  }
  if (!stream.endsWithEoi)
    throw new DecodeError('DECODE_TRUNCATED', transferSyntaxUid, 'JPEG has no EOI marker');
  return stream;
}

function toDecodeError(error: JpegFormatError, transferSyntaxUid: string): DecodeError {
  return new DecodeError(
    error.truncated ? 'DECODE_TRUNCATED' : 'DECODE_MALFORMED',
    transferSyntaxUid,
    error.message,
    {
      cause: error,
    },
  );
}
