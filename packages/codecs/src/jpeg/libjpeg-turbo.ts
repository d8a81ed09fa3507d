import { DecodeError } from '../errors/decode-error.js';
import { withWasmDecoder } from '../wasm/run-wasm-decoder.js';
import type { WasmCodecs } from '../wasm/wasm-codecs.js';

/**
 * Decodes an 8-bit DCT JPEG with the WASM build of libjpeg-turbo (TurboJPEG, accurate integer IDCT,
 * fancy upsampling: the same samples as libjpeg 6b). Returns grey or RGB samples, interleaved,
 * copied out of WASM memory.
 */
export function decodeWithLibjpegTurbo(
  bytes: Uint8Array,
  codecs: WasmCodecs,
  transferSyntaxUid: string,
): Promise<Uint8Array> {
  return withWasmDecoder(codecs, 'libjpeg-turbo', 'JPEGDecoder', transferSyntaxUid, (decoder) => {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    const decoded = decoder.getDecodedBuffer();
    if (decoded.length !== info.width * info.height * info.componentCount || decoded.length === 0) {
      throw new DecodeError('DECODE_CODEC_FAILED', transferSyntaxUid, 'libjpeg-turbo returned no image');
    }
    return decoded.slice();
  });
}
