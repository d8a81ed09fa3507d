// @ts-check
/**
 * HTJ2K (JPEG 2000 Part 15) encoding and decoding with the OpenJPH WASM build that Cornerstone
 * ships (@cornerstonejs/codec-openjph). Debian's openjph-tools 0.9 misdecode signed 16-bit data,
 * so encoding happens here, in Node.
 *
 * The glue's encoder API (read from its embind table and HTJ2KEncoder.hpp):
 * getDecodedBuffer(frameInfo) → a view into WASM memory to copy pixels into; setQuality(lossless,
 * quantizationStep); setProgressionOrder(0 LRCP | 1 RLCP | 2 RPCL (default) | 3 PCRL | 4 CPRL);
 * setDecompositions(n) (default 5); setBlockDimensions({width,height}) (default 64×64);
 * setTLMMarker(bool); setTilePartDivisionsAtResolutions(bool); setTilePartDivisionsAtComponents(bool);
 * encode(); getEncodedBuffer() → a view of the codestream. frameInfo is {width, height,
 * bitsPerSample, componentCount, isSigned, isUsingColorTransform}; 12-bit samples in 16-bit words
 * work with bitsPerSample 12; colour must be sample-interleaved 8-bit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Not named `require`: TypeScript would then look for the package's (missing) types.
const load = createRequire(import.meta.url);

/**
 * The glue's API as used here (it ships no types).
 * @typedef {{ width: number, height: number, bitsPerSample: number, componentCount: number,
 *   isSigned: boolean, isUsingColorTransform: boolean }} FrameInfo
 * @typedef {object} OpenJphEncoder
 * @property {(frameInfo: FrameInfo) => Uint8Array} getDecodedBuffer
 * @property {() => Uint8Array} getEncodedBuffer
 * @property {(lossless: boolean, quantizationStep: number) => void} setQuality
 * @property {(order: number) => void} setProgressionOrder
 * @property {(levels: number) => void} setDecompositions
 * @property {(enabled: boolean) => void} setTLMMarker
 * @property {(enabled: boolean) => void} setTilePartDivisionsAtResolutions
 * @property {() => void} encode
 * @property {() => void} delete
 * @typedef {object} OpenJphDecoder
 * @property {(length: number) => Uint8Array} getEncodedBuffer
 * @property {() => Uint8Array} getDecodedBuffer
 * @property {() => void} decode
 * @property {() => FrameInfo} getFrameInfo
 * @property {() => boolean} getIsReversible
 * @property {() => number} getProgressionOrder
 * @property {() => void} delete
 * @typedef {object} OpenJph
 * @property {new () => OpenJphEncoder} HTJ2KEncoder
 * @property {new () => OpenJphDecoder} HTJ2KDecoder
 * @typedef {(options: { wasmBinary: Uint8Array, print?: (text: string) => void,
 *   printErr?: (text: string) => void }) => Promise<OpenJph>} OpenJphFactory
 */

/**
 * How each HTJ2K transfer syntax is encoded:
 * - lossless (.201): reversible 5/3, LRCP, so it differs in layout from .202;
 * - rpcl (.202): reversible, RPCL progression, a TLM marker and one tile-part per resolution, the
 *   constraints PS3.5 puts on the "RPCL Options" syntax so servers can serve resolutions directly;
 * - lossy (.203): irreversible 9/7 with a base quantization step relative to the sample range
 *   (OpenJPH normalises samples to [-0.5, 0.5)), RPCL.
 * @typedef {'lossless' | 'rpcl' | 'lossy'} Htj2kMode
 */

/**
 * Base quantization step of the lossy mode. OpenJPH makes it relative to the range of
 * bitsPerSample, so 16-bit data whose values use a fraction of that range (CT, PET, MG) needs a
 * smaller one: 0.002 of a 16-bit range (131 units) gave CT an RMS error of 19 HU; 0.0003 keeps the
 * error around the image noise while still compressing well beyond lossless.
 * @param {import('./types.mjs').PixelFormat} format
 */
export const htj2kLossyStep = (format) => (format.bitsStored > 12 ? 0.0003 : 0.002);

/**
 * @typedef {object} Htj2kCodec
 * @property {(pixels: Uint8Array, format: import('./types.mjs').PixelFormat, mode: Htj2kMode) => Uint8Array} encode
 *   one frame of native little-endian pixels → a J2K codestream
 * @property {(codestream: Uint8Array) => { pixels: Uint8Array, width: number, height: number,
 *   bitsPerSample: number, componentCount: number, isSigned: boolean, reversible: boolean,
 *   progressionOrder: number }} decode a codestream → native little-endian pixels (colour
 *   transform undone)
 */

/**
 * Instantiates the WASM module (about 20 ms). One codec per generation run.
 * @returns {Promise<Htj2kCodec>}
 */
export async function createHtj2kCodec() {
  /** @type {OpenJphFactory} */
  const factory = load('@cornerstonejs/codec-openjph');
  // The glue's own file lookup relies on __dirname and fetch; handing it the bytes is reliable.
  const wasmBinary = readFileSync(load.resolve('@cornerstonejs/codec-openjph/wasm'));
  const openjph = await factory({ wasmBinary, print: () => {}, printErr: () => {} });

  /** @type {Htj2kCodec['encode']} */
  const encode = (pixels, format, mode) => {
    const encoder = new openjph.HTJ2KEncoder();
    try {
      const color = format.samplesPerPixel === 3;
      const input = encoder.getDecodedBuffer({
        width: format.columns,
        height: format.rows,
        bitsPerSample: format.bitsStored,
        componentCount: format.samplesPerPixel,
        isSigned: format.pixelRepresentation === 1,
        // RCT (lossless) or ICT (lossy): the photometric becomes YBR_RCT / YBR_ICT.
        isUsingColorTransform: color,
      });
      input.set(pixels);
      const smallest = Math.min(format.rows, format.columns);
      encoder.setDecompositions(Math.max(0, Math.min(5, Math.floor(Math.log2(smallest)) - 2)));
      if (mode === 'lossy') {
        encoder.setQuality(false, htj2kLossyStep(format));
        encoder.setProgressionOrder(2);
      } else if (mode === 'rpcl') {
        encoder.setQuality(true, 0);
        encoder.setProgressionOrder(2);
        encoder.setTLMMarker(true);
        encoder.setTilePartDivisionsAtResolutions(true);
      } else {
        encoder.setQuality(true, 0);
        encoder.setProgressionOrder(0);
      }
      encoder.encode();
      return encoder.getEncodedBuffer().slice();
    } finally {
      encoder.delete();
    }
  };

  /** @type {Htj2kCodec['decode']} */
  const decode = (codestream) => {
    const decoder = new openjph.HTJ2KDecoder();
    try {
      decoder.getEncodedBuffer(codestream.length).set(codestream);
      decoder.decode();
      const info = decoder.getFrameInfo();
      return {
        pixels: decoder.getDecodedBuffer().slice(),
        width: info.width,
        height: info.height,
        bitsPerSample: info.bitsPerSample,
        componentCount: info.componentCount,
        isSigned: info.isSigned,
        reversible: decoder.getIsReversible(),
        progressionOrder: decoder.getProgressionOrder(),
      };
    } finally {
      decoder.delete();
    }
  };

  return { encode, decode };
}
