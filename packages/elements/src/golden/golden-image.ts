import { decodeFrame, type WasmCodecId, WasmCodecs } from '@fovea/codecs';
import { type FrameInfo, readPart10 } from '@fovea/core';
import type { GreySliceImage, SliceImage } from '@fovea/render';
import { sliceImageFromFrame } from '../viewport/slice-image-from-frame.js';

// The codec .wasm files as the dev server serves them from the codecs package's node_modules.
const wasm = (pkg: string, file: string): string =>
  new URL(`../../../codecs/node_modules/@cornerstonejs/${pkg}/dist/${file}`, import.meta.url).href;
const wasmUrls: Record<WasmCodecId, string> = {
  'libjpeg-turbo': wasm('codec-libjpeg-turbo-8bit', 'libjpegturbowasm_decode.wasm'),
  charls: wasm('codec-charls', 'charlswasm_decode.wasm'),
  openjpeg: wasm('codec-openjpeg', 'openjpegwasm_decode.wasm'),
  openjph: wasm('codec-openjph', 'openjphjs.wasm'),
};

/** One decoded golden image: what the viewport would hand the renderer, and its frame metadata. */
export interface GoldenImage {
  image: SliceImage;
  info: FrameInfo | undefined;
}

/** Makes the WASM codecs for a test file's frames (kept: instantiating them is the slow part). */
export function createCodecs(): WasmCodecs {
  return new WasmCodecs({ wasmUrls });
}

/**
 * Fetches a DICOM file, decodes its first frame and turns it into a render `SliceImage` exactly as
 * the viewport element does (`sliceImageFromFrame`).
 */
export async function loadGoldenImage(url: string, codecs: WasmCodecs): Promise<GoldenImage> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  const file = readPart10(new Uint8Array(await response.arrayBuffer()));
  if (!file.pixel) throw new Error(`${url} has no pixel data`);
  const frame = await decodeFrame(file.frame(0), file.pixel, file.transferSyntaxUid, {
    codecs,
    pixelDataVr: file.pixelDataVr === 'OW' ? 'OW' : 'OB',
  });
  const info = file.instance.frames[0];
  return { image: sliceImageFromFrame(frame, file.instance, info), info };
}

/**
 * Why dcmtk 3.6.7 renders this grey image differently from us by design (see the render README),
 * or undefined when it must match exactly.
 */
export function dcmtkDifferenceByDesign(image: GreySliceImage): string | undefined {
  const modality = image.modality;
  if (
    modality?.kind === 'rescale' &&
    !(Number.isInteger(modality.slope) && Number.isInteger(modality.intercept))
  ) {
    return `fractional rescale (slope ${modality.slope}, intercept ${modality.intercept}): dcmtk 3.6.7 truncates modality values to integers, Fovea keeps them real (PS3.3 C.11.1)`;
  }
  return undefined;
}

/** A window, in modality units. */
export interface GoldenWindow {
  center: number;
  width: number;
}

/**
 * Two windows to compare at: the stored first window and the stored second one (else a narrower
 * one around 40 % of the value range); without stored windows, the full value range and that
 * narrower one. Centres are multiples of 0.5 or stored values, which dcmtk parses to the same doubles.
 */
export function goldenWindows(image: GreySliceImage, info: FrameInfo | undefined): GoldenWindow[] {
  const [min, max] = modalityRange(image);
  const windows: GoldenWindow[] = [];
  const stored = (info?.voi.windows ?? []).filter((w) => w.width >= 1);
  for (const w of stored.slice(0, 2)) {
    if (!windows.some((o) => o.center === w.center && o.width === w.width))
      windows.push({ center: w.center, width: w.width });
  }
  if (windows.length === 0) windows.push({ center: (min + max) / 2, width: max - min + 1 });
  if (windows.length === 1) {
    windows.push({
      center: Math.round((min + (max - min) * 0.4) * 2) / 2,
      width: Math.max(1, Math.round((max - min) / 3)),
    });
  }
  return windows;
}

/** Smallest and largest modality value of the image (integer rescales and LUTs only). */
function modalityRange(image: GreySliceImage): [number, number] {
  const modality = image.modality;
  let map: (sv: number) => number = (sv) => sv;
  if (modality?.kind === 'rescale') map = (sv) => sv * modality.slope + modality.intercept;
  else if (modality?.kind === 'lut') {
    const { data, firstValueMapped } = modality;
    map = (sv) => data[Math.min(Math.max(sv - firstValueMapped, 0), data.length - 1)] as number;
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const sv of image.pixels) {
    const v = map(sv);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
