import { type PixelDescription, storedNativeFrameBits } from '@fovea/core';
import type { DecodeOptions } from './decode-options.js';
import type { DecodedFrame } from './decoded-frame.js';
import { inflateFrame } from './deflate/inflate-frame.js';
import { DecodeError, UnsupportedTransferSyntaxError } from './errors/decode-error.js';
import { decodeJpeg2000 } from './j2k/jpeg2000-decoder.js';
import { decodeJpeg } from './jpeg/jpeg-decoder.js';
import { decodeJpegLs } from './jpegls/jpegls-decoder.js';
import { decodeNative } from './native/native-decoder.js';
import { frameSampleCount } from './native/pixel-layout.js';
import { decodeRle } from './rle/rle-decoder.js';
import { transferSyntaxInfo } from './transfer-syntax.js';
import { WasmCodecs } from './wasm/wasm-codecs.js';

/** `DecodeOptions` plus the WASM codecs to use. */
export interface DecodeFrameOptions extends DecodeOptions {
  /**
   * The WASM codec modules to decode with, loaded lazily and kept by the caller. Without it a fresh
   * set is made for this one call (fine for a single frame, wasteful for many).
   */
  codecs?: WasmCodecs;
}

/**
 * Decodes one frame of `transferSyntaxUid` to the canonical pixel buffer (see `DecodedFrame`).
 * `bytes` is what core's Part 10 reader gives for a frame: the whole codestream of an encapsulated
 * frame, or the native bytes as stored (big endian stays big endian, 1-bit frames aligned to bit 0).
 * Rejects with `DecodeError` for damaged or inconsistent data and `UnsupportedTransferSyntaxError`
 * for syntaxes nothing here reads; never returns a frame of the wrong size.
 */
export async function decodeFrame(
  bytes: Uint8Array,
  pixel: PixelDescription,
  transferSyntaxUid: string,
  options: DecodeFrameOptions = {},
): Promise<DecodedFrame> {
  const info = transferSyntaxInfo(transferSyntaxUid);
  if (!info) throw new UnsupportedTransferSyntaxError(transferSyntaxUid);
  const uid = info.uid;
  throwIfAborted(options.signal, uid);
  const codecs = options.codecs ?? new WasmCodecs();
  let frame: DecodedFrame;
  switch (info.family) {
    case 'native':
    case 'native-big-endian':
      frame = decodeNative(bytes, pixel, uid, {
        bigEndian: info.family === 'native-big-endian',
        pixelDataVr: options.pixelDataVr ?? 'OB',
        allowInPlace: options.allowInPlace ?? false,
      });
      break;
    case 'deflated-frame': {
      frameSampleCount(pixel, uid);
      const inflated = await inflateFrame(bytes, Math.ceil(storedNativeFrameBits(pixel) / 8));
      frame = decodeNative(inflated, pixel, uid, { bigEndian: false, pixelDataVr: 'OB', allowInPlace: true });
      break;
    }
    case 'rle':
      frame = decodeRle(bytes, pixel);
      break;
    case 'jpeg':
      frame = await decodeJpeg(bytes, pixel, uid, codecs);
      break;
    case 'jpeg-ls':
      frame = await decodeJpegLs(bytes, pixel, uid, codecs);
      break;
    case 'jpeg2000':
      frame = await decodeJpeg2000(bytes, pixel, uid, codecs, {
        resolutionLevel: options.resolutionLevel ?? 0,
        partial: options.partial ?? false,
      });
      break;
  }
  throwIfAborted(options.signal, uid);
  return frame;
}

function throwIfAborted(signal: AbortSignal | undefined, transferSyntaxUid: string): void {
  if (signal?.aborted) {
    throw new DecodeError('DECODE_ABORTED', transferSyntaxUid, 'aborted by the caller', {
      cause: signal.reason,
    });
  }
}
