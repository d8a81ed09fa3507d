// @ts-check
/**
 * Cornerstone's decoder in Node: `decodeImageFrame` of @cornerstonejs/dicom-image-loader's
 * `decodeImageFrameWorker.js`, the function its web workers run for every frame (codec, then
 * `postProcessDecodedPixels`: sign extension, min/max, copy into the output typed array).
 *
 * Two things stand in the way of running it in Node, both worked around here without touching the
 * package: the file is not in the package's `exports` map (imported by path), and each codec finds
 * its `.wasm` with `new URL('@cornerstonejs/codec-x/decodewasm', import.meta.url)`, a pattern only a
 * bundler resolves (in Node it names a file that does not exist). Its `decodeConfig.wasmBasePath`
 * override is used instead, pointing at a temporary folder of links to the very `.wasm` files of the
 * codec versions the loader depends on.
 */
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
/** Folder of the installed @cornerstonejs/dicom-image-loader. */
export const LOADER_DIR = dirname(require.resolve('@cornerstonejs/dicom-image-loader/package.json'));
/** Its version, for the report. */
export const LOADER_VERSION = /** @type {{ version: string }} */ (
  require('@cornerstonejs/dicom-image-loader/package.json')
).version;

/** File name the loader asks for under `wasmBasePath` → the package export that holds it. */
const WASM_FILES = /** @type {const} */ ([
  ['charlswasm_decode.wasm', '@cornerstonejs/codec-charls/decodewasm'],
  ['libjpegturbowasm_decode.wasm', '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm'],
  ['openjpegwasm_decode.wasm', '@cornerstonejs/codec-openjpeg/decodewasm'],
  ['openjphjs.wasm', '@cornerstonejs/codec-openjph/wasm'],
]);

/**
 * Makes a folder of links to the loader's own codec `.wasm` files, to pass as `wasmBasePath`.
 * @returns {Promise<{ dir: string, remove(): Promise<void> }>}
 */
export async function cornerstoneWasmDir() {
  const fromLoader = createRequire(join(LOADER_DIR, 'package.json'));
  const dir = await mkdtemp(join(tmpdir(), 'fovea-bench-cs-wasm-'));
  for (const [name, specifier] of WASM_FILES) await symlink(fromLoader.resolve(specifier), join(dir, name));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Loads `decodeImageFrame(imageFrame, transferSyntax, pixelData, decodeConfig, options)`.
 * @returns {Promise<(imageFrame: object, transferSyntax: string, pixelData: Uint8Array, decodeConfig: object, options: object) => Promise<{ pixelData: ArrayLike<number> & ArrayBufferView }>>}
 */
export async function loadDecodeImageFrame() {
  const module = await import(pathToFileURL(join(LOADER_DIR, 'dist/esm/decodeImageFrameWorker.js')).href);
  return module.decodeImageFrame;
}

/**
 * The `imageFrame` Cornerstone's `getImageFrame` builds from the metadata, for one pixel description.
 * @param {import('@fovea/core').PixelDescription} pixel
 */
export function cornerstoneImageFrame(pixel) {
  return {
    samplesPerPixel: pixel.samplesPerPixel,
    photometricInterpretation: pixel.photometricInterpretation,
    planarConfiguration: pixel.planarConfiguration,
    rows: pixel.rows,
    columns: pixel.columns,
    bitsAllocated: pixel.bitsAllocated,
    bitsStored: pixel.bitsStored,
    pixelRepresentation: pixel.pixelRepresentation,
    smallestPixelValue: undefined,
    largestPixelValue: undefined,
    pixelData: undefined,
  };
}

/**
 * Options as the loader passes them with pre-scaling off: the modality LUT (rescale slope and
 * intercept) is work our decoder does not do, so it is left out of the comparison.
 */
export const DECODE_OPTIONS = { preScale: { enabled: false } };
