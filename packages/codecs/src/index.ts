export { expandSegmentedLut, type PaletteChannel, type PaletteColourLut } from './colour/palette-lut.js';
export { ColourConversionError, type RgbFrame, toDisplayRgb } from './colour/to-display-rgb.js';
export { type DecodeFrameOptions, decodeFrame } from './decode-frame.js';
export type { DecodeOptions } from './decode-options.js';
export type { ColourSpace, DecodedFrame, PixelArray } from './decoded-frame.js';
export {
  DecodeError,
  type DecodeErrorCode,
  UnsupportedTransferSyntaxError,
} from './errors/decode-error.js';
export { frameSha256 } from './hash/frame-sha256.js';
export {
  DecoderPool,
  type DecoderPoolOptions,
  type FetchedFrame,
  type FrameFetch,
  type PoolDecodeOptions,
} from './pool/decoder-pool.js';
export {
  type CodecFamily,
  supportedTransferSyntaxes,
  type TransferSyntaxInfo,
  transferSyntaxInfo,
} from './transfer-syntax.js';
export type { CodecFrameInfo, EmscriptenModule, WasmDecoder } from './wasm/emscripten-module.js';
export { type LoadedCodec, type WasmCodecId, WasmCodecs, type WasmLocation } from './wasm/wasm-codecs.js';
