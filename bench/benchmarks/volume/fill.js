// Volume fill in one page, side by side: Fovea's Volume (WASM) and Cornerstone3D 5.14's streaming
// image volume, fed the same decoded 512 × 512 int16 frames. Cornerstone gets them through a
// registered image loader that hands each frame to its own dicom-image-loader `createImage`
// (native little endian: its decoder worker copies, applies the rescale, finds min/max), which is
// how its volume loader receives every frame; it is done when `volume.load` reports every frame.
// Fovea writes each frame with `writeSlice` (rescale in WASM). Both start from frames in memory.
import { cache, imageLoader, init, metaData, volumeLoader } from '@cornerstonejs/core';
import { createImage, init as initLoader } from '@cornerstonejs/dicom-image-loader';
import { Volume, VolumeWasmLoader } from '@fovea/core';

const SIZE = 512;
const SLICES = Number(new URLSearchParams(location.search).get('slices') ?? 300);
const SYNTAX = '1.2.840.10008.1.2.1';

/** The bench's synthetic CT slice k: stored = HU + 1024 (same formula as volume.bench.mjs). */
function slice(seed) {
  const pixels = new Int16Array(SIZE * SIZE);
  let a = seed * 2654435761;
  for (let i = 0; i < pixels.length; i++) {
    a = (Math.imul(a, 1664525) + 1013904223) | 0;
    pixels[i] = 1024 + (((i >> 9) + (i & 511) + seed) % 1000) + (a >>> 28);
  }
  return pixels;
}

const frames = Array.from({ length: SLICES }, (_, k) => slice(k));
const imageIds = frames.map((_, k) => `fovea-bench:${k}`);
const indexOf = (imageId) => Number(imageId.slice('fovea-bench:'.length));

/** The DICOM modules Cornerstone asks for, as its metadata providers would give them. */
function metadata(type, imageId) {
  if (!imageId?.startsWith('fovea-bench:')) return undefined;
  const k = indexOf(imageId);
  switch (type) {
    case 'imagePixelModule':
      return {
        samplesPerPixel: 1,
        photometricInterpretation: 'MONOCHROME2',
        rows: SIZE,
        columns: SIZE,
        bitsAllocated: 16,
        bitsStored: 16,
        highBit: 15,
        pixelRepresentation: 1,
        planarConfiguration: 0,
      };
    case 'imagePlaneModule':
      return {
        frameOfReferenceUID: '2.25.1',
        rows: SIZE,
        columns: SIZE,
        imageOrientationPatient: [1, 0, 0, 0, 1, 0],
        rowCosines: [1, 0, 0],
        columnCosines: [0, 1, 0],
        imagePositionPatient: [-256, -256, k],
        pixelSpacing: [1, 1],
        rowPixelSpacing: 1,
        columnPixelSpacing: 1,
        sliceThickness: 1,
      };
    case 'generalSeriesModule':
      return { modality: 'CT', seriesInstanceUID: '2.25.2' };
    case 'modalityLutModule':
      return { rescaleSlope: 1, rescaleIntercept: -1024, rescaleType: 'HU' };
    case 'voiLutModule':
      return { windowCenter: [40], windowWidth: [400] };
    case 'transferSyntax':
      return { transferSyntaxUID: SYNTAX };
    case 'generalImageModule':
      return { instanceNumber: k + 1 };
    case 'sopCommonModule':
      return { sopClassUID: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUID: `2.25.${1000 + k}` };
    default:
      return undefined;
  }
}

/** Copies of the frames' bytes for one Cornerstone run (its loader transfers them to its worker). */
let pending = [];

function registerCornerstone() {
  metaData.addProvider(metadata, 10000);
  imageLoader.registerImageLoader('fovea-bench', (imageId, options) => ({
    promise: createImage(imageId, pending[indexOf(imageId)], SYNTAX, options),
  }));
}

let run = 0;

/** One Cornerstone streaming volume of every frame; resolves to ms from creation to the last frame. */
async function cornerstone() {
  cache.purgeCache();
  pending = frames.map((frame) => new Uint8Array(frame.buffer.slice(0)));
  const volumeId = `cornerstoneStreamingImageVolume:bench-${run++}`;
  const start = performance.now();
  const volume = await volumeLoader.createAndCacheVolume(volumeId, { imageIds });
  await new Promise((resolve, reject) => {
    volume.load((event) => {
      if (event.success === false) reject(new Error('Cornerstone volume load failed'));
      else resolve();
    });
  });
  const ms = performance.now() - start;
  lastCornerstone = volume;
  return ms;
}

let lastCornerstone;
const wasm = new VolumeWasmLoader();

function displaySet() {
  return {
    type: 'volume',
    rows: SIZE,
    columns: SIZE,
    normal: [0, 0, 1],
    orientation: [1, 0, 0, 0, 1, 0],
    spacing: 1,
    uniformSpacing: true,
    tiltAngle: 0,
    phase: undefined,
    slices: frames.map((_, k) => ({
      frameIndex: 0,
      distance: k,
      instance: {
        pixel: { rows: SIZE, columns: SIZE, samplesPerPixel: 1, bitsAllocated: 16 },
        frames: [
          {
            plane: {
              imagePositionPatient: [-256, -256, k],
              imageOrientationPatient: [1, 0, 0, 0, 1, 0],
              pixelSpacing: [1, 1],
            },
            modalityLut: { rescaleSlope: 1, rescaleIntercept: -1024 },
          },
        ],
      },
    })),
  };
}

let lastFovea;

/** One Fovea volume of every frame; resolves to ms from creation to the last slice written. */
async function fovea() {
  lastFovea?.dispose();
  const start = performance.now();
  const volume = await Volume.create(displaySet(), { wasm, background: -1024 });
  for (let k = 0; k < SLICES; k++) volume.writeSlice(k, frames[k]);
  const ms = performance.now() - start;
  lastFovea = volume;
  return ms;
}

/** Both volumes hold the same HU at sampled voxels (checked before anything is timed). */
function compare() {
  const ours = lastFovea.voxels();
  const theirs = lastCornerstone.voxelManager;
  let checked = 0;
  for (let k = 0; k < SLICES; k += 37) {
    for (let i = 0; i < SIZE * SIZE; i += 4099) {
      const x = i % SIZE;
      const y = Math.floor(i / SIZE);
      const a = ours[i + k * SIZE * SIZE];
      const b = theirs.getAtIJK(x, y, k);
      if (a !== b) throw new Error(`voxel (${x}, ${y}, ${k}): Fovea ${a}, Cornerstone ${b}`);
      checked++;
    }
  }
  return checked;
}

async function main() {
  await init();
  // One decoder worker (Fovea's fill uses none: it runs where the frames arrive).
  initLoader({ maxWebWorkers: 1 });
  registerCornerstone();
  await wasm.compile();
  window.bench = { cornerstone, fovea, compare, slices: SLICES };
  document.title = 'ready';
}

main().catch((error) => {
  document.title = `failed: ${error?.message ?? error}`;
});
