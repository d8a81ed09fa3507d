import type { PixelDescription } from '@fovea/core';
import { canonicalFrame } from '../canonical-frame.js';
import type { DecodedFrame } from '../decoded-frame.js';
import { endsWithMarker } from '../end-marker.js';
import { DecodeError } from '../errors/decode-error.js';
import { frameSampleCount, interleavePlanes } from '../native/pixel-layout.js';
import { withWasmDecoder } from '../wasm/run-wasm-decoder.js';
import type { WasmCodecs } from '../wasm/wasm-codecs.js';
import { readJpegLsHeader } from './jpegls-header.js';

/**
 * Decodes one JPEG-LS frame (ISO 14495-1, lossless and near-lossless) with the WASM build of CharLS.
 * Colour data coded with interleave mode 0 (one scan per component) comes out of CharLS by plane
 * and is interleaved here.
 */
export async function decodeJpegLs(
  bytes: Uint8Array,
  pixel: PixelDescription,
  transferSyntaxUid: string,
  codecs: WasmCodecs,
): Promise<DecodedFrame> {
  frameSampleCount(pixel, transferSyntaxUid);
  // Check the frame header first: a damaged size field could have CharLS decode a huge image.
  const header = readJpegLsHeader(bytes);
  if (!header)
    throw new DecodeError('DECODE_MALFORMED', transferSyntaxUid, 'no JPEG-LS frame header (SOF55)');
  // CharLS spends seconds failing on some cut streams: refuse those without EOI up front.
  if (!endsWithMarker(bytes))
    throw new DecodeError('DECODE_TRUNCATED', transferSyntaxUid, 'JPEG-LS has no EOI marker');
  if (
    header.width !== pixel.columns ||
    header.height !== pixel.rows ||
    header.components !== pixel.samplesPerPixel
  ) {
    throw mismatch(header, pixel, transferSyntaxUid);
  }
  const { samples, planar } = await withWasmDecoder(
    codecs,
    'charls',
    'JpegLSDecoder',
    transferSyntaxUid,
    (decoder) => {
      decoder.getEncodedBuffer(bytes.length).set(bytes);
      decoder.decode();
      const info = decoder.getFrameInfo();
      if (
        info.width !== pixel.columns ||
        info.height !== pixel.rows ||
        info.componentCount !== pixel.samplesPerPixel
      ) {
        throw mismatch(
          { width: info.width, height: info.height, components: info.componentCount },
          pixel,
          transferSyntaxUid,
        );
      }
      const decoded = decoder.getDecodedBuffer();
      const copy = decoded.slice();
      const samples = info.bitsPerSample <= 8 ? copy : new Uint16Array(copy.buffer, 0, copy.length >> 1);
      return { samples, planar: info.componentCount > 1 && decoder.getInterleaveMode?.() === 0 };
    },
  );
  const pixels = pixel.rows * pixel.columns;
  const interleaved = planar
    ? interleavePlanes(
        samples,
        new (samples.constructor as new (n: number) => typeof samples)(samples.length),
        pixels,
        3,
      )
    : samples;
  return canonicalFrame(interleaved, pixel, transferSyntaxUid, {
    rows: pixel.rows,
    columns: pixel.columns,
    colourSpace: pixel.photometricInterpretation,
  });
}

function mismatch(
  found: { width: number; height: number; components: number },
  pixel: PixelDescription,
  transferSyntaxUid: string,
): DecodeError {
  return new DecodeError(
    'DECODE_MISMATCH',
    transferSyntaxUid,
    `JPEG-LS is ${found.width} × ${found.height} × ${found.components}, DICOM says ${pixel.columns} × ${pixel.rows} × ${pixel.samplesPerPixel}`,
  );
}
