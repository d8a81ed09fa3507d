import type { PixelDescription } from '@fovea/core';
import { canonicalFrame } from '../canonical-frame.js';
import type { DecodedFrame } from '../decoded-frame.js';
import { DecodeError } from '../errors/decode-error.js';
import { frameSampleCount } from '../native/pixel-layout.js';
import { lastMessage, withWasmDecoder } from '../wasm/run-wasm-decoder.js';
import type { WasmCodecs } from '../wasm/wasm-codecs.js';
import {
  isCompleteCodestream,
  J2kFormatError,
  type J2kHeader,
  readJ2kHeader,
  unwrapCodestream,
} from './j2k-codestream.js';

/** Which part of a JPEG 2000 codestream to decode. */
export interface J2kRequest {
  /** 0 = full resolution; n = 2ⁿ smaller, clamped to the codestream's decomposition levels. */
  resolutionLevel: number;
  /** The bytes are a prefix of the codestream: skip the EOC check. */
  partial: boolean;
}

/**
 * Decodes one JPEG 2000 or HTJ2K frame, raw codestream or JP2/JPH-wrapped. The codestream, not the
 * transfer syntax, picks the library: HT code-blocks (Rsiz bit 14) go to OpenJPH, everything else
 * to OpenJPEG. A lower resolution level can be decoded, also from a prefix of the codestream
 * (progressive preview; exact when the prefix holds every packet of that level, as RPCL order
 * puts them first). The inverse colour transform (YBR_ICT/YBR_RCT) is done by the library, so such
 * frames come out as `RGB`.
 */
export async function decodeJpeg2000(
  bytes: Uint8Array,
  pixel: PixelDescription,
  transferSyntaxUid: string,
  codecs: WasmCodecs,
  request: J2kRequest,
): Promise<DecodedFrame> {
  frameSampleCount(pixel, transferSyntaxUid);
  let codestream: Uint8Array;
  let header: J2kHeader;
  try {
    codestream = unwrapCodestream(bytes);
    header = readJ2kHeader(codestream);
  } catch (error) {
    if (!(error instanceof J2kFormatError)) throw error;
    throw new DecodeError(
      error.truncated ? 'DECODE_TRUNCATED' : 'DECODE_MALFORMED',
      transferSyntaxUid,
      error.message,
    );
  }
  const fail = (
    code: 'DECODE_MISMATCH' | 'DECODE_UNSUPPORTED_FEATURE' | 'DECODE_TRUNCATED',
    reason: string,
  ): never => {
    throw new DecodeError(code, transferSyntaxUid, reason);
  };
  if (!request.partial && !isCompleteCodestream(codestream))
    fail('DECODE_TRUNCATED', 'codestream is incomplete (tile-parts run past the end, or no EOC marker)');
  const components = header.components.length;
  if (
    header.width !== pixel.columns ||
    header.height !== pixel.rows ||
    components !== pixel.samplesPerPixel
  ) {
    fail(
      'DECODE_MISMATCH',
      `codestream is ${header.width} × ${header.height} × ${components}, DICOM says ${pixel.columns} × ${pixel.rows} × ${pixel.samplesPerPixel}`,
    );
  }
  const first = header.components[0] as J2kHeader['components'][number];
  if (header.components.some((c) => c.precision > 16))
    fail('DECODE_UNSUPPORTED_FEATURE', 'samples deeper than 16 bits');
  if (header.components.some((c) => c.dx !== 1 || c.dy !== 1)) {
    fail('DECODE_UNSUPPORTED_FEATURE', 'subsampled JPEG 2000 components');
  }
  // The cornerstone wrappers clamp ≤ 8-bit samples to 0…255 and write no colour samples deeper than 8 bits.
  if (first.signed && first.precision <= 8)
    fail('DECODE_UNSUPPORTED_FEATURE', 'signed samples of 8 bits or fewer');
  if (components > 1 && first.precision > 8 && !header.highThroughput) {
    fail(
      'DECODE_UNSUPPORTED_FEATURE',
      'colour JPEG 2000 deeper than 8 bits (not exposed by the OpenJPEG build)',
    );
  }
  if (header.x0 !== 0 || header.y0 !== 0) fail('DECODE_UNSUPPORTED_FEATURE', 'image offset in SIZ');
  const level = Math.max(0, Math.min(Math.floor(request.resolutionLevel), header.decompositions));
  const rows = Math.ceil(header.height / 2 ** level);
  const columns = Math.ceil(header.width / 2 ** level);
  const library = header.highThroughput ? 'openjph' : 'openjpeg';
  const samples = await withWasmDecoder(
    codecs,
    library,
    library === 'openjph' ? 'HTJ2KDecoder' : 'J2KDecoder',
    transferSyntaxUid,
    (decoder, codec) => {
      decoder.getEncodedBuffer(codestream.length).set(codestream);
      if (level === 0) decoder.decode();
      else if (library === 'openjph') decoder.decodeSubResolution?.(level);
      else decoder.decodeSubResolution?.(level, 0);
      const bytesPerSample = first.precision <= 8 ? 1 : 2;
      const decoded = decoder.getDecodedBuffer();
      if (decoded.length !== rows * columns * components * bytesPerSample) {
        throw new DecodeError(
          'DECODE_CODEC_FAILED',
          transferSyntaxUid,
          `${library}: ${lastMessage(codec, `decoded ${decoded.length} bytes, ${rows * columns * components * bytesPerSample} expected`)}`,
        );
      }
      const copy = decoded.slice();
      if (bytesPerSample === 1) return copy;
      return first.signed
        ? new Int16Array(copy.buffer, 0, copy.length >> 1)
        : new Uint16Array(copy.buffer, 0, copy.length >> 1);
    },
  );
  const photometric = pixel.photometricInterpretation;
  const colourSpace =
    header.colourTransform && (photometric === 'YBR_ICT' || photometric === 'YBR_RCT') ? 'RGB' : photometric;
  return canonicalFrame(samples, pixel, transferSyntaxUid, {
    rows,
    columns,
    colourSpace,
    resolutionLevel: level,
  });
}
