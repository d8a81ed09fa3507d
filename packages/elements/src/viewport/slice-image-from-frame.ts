import type { DecodedFrame, PaletteChannel, PaletteColourLut } from '@fovea/codecs';
import { toDisplayRgb } from '@fovea/codecs';
import type { DicomInstance, FrameInfo, Lut, Palette } from '@fovea/core';
import { FoveaError } from '@fovea/core';
import type { GreyPixels, ModalityTransform, SliceImage, VoiTransform } from '@fovea/render';

/** A decoded frame the viewport cannot show (yet): the reason says which limit was hit. */
export class UnsupportedImageError extends FoveaError {
  constructor(reason: string) {
    super('UNSUPPORTED_IMAGE', reason);
  }
}

const GREY = new Set(['MONOCHROME1', 'MONOCHROME2']);

/**
 * Turns a decoded frame and its metadata into what the renderer shows: grey frames keep their
 * stored values and carry the modality LUT (the GPU applies it exactly); colour frames are converted
 * to 8-bit RGB for display.
 */
export function sliceImageFromFrame(
  frame: DecodedFrame,
  instance: DicomInstance,
  info: FrameInfo | undefined,
): SliceImage {
  const { rows, columns } = frame;
  if (frame.samplesPerPixel === 1 && GREY.has(frame.colourSpace)) {
    const pixels = greyPixels(frame);
    const image: SliceImage = {
      kind: 'grey',
      rows,
      columns,
      pixels,
      photometricInterpretation: frame.colourSpace as 'MONOCHROME1' | 'MONOCHROME2',
    };
    const modality = modalityTransform(info, pixels);
    if (modality) image.modality = modality;
    return image;
  }
  const rgb = toDisplayRgb(frame, instance.palette ? paletteLut(instance.palette) : undefined);
  // The display path is 8 bits per channel: deeper palette entries keep their top 8 bits.
  const pixels =
    rgb.pixels instanceof Uint8Array
      ? rgb.pixels
      : Uint8Array.from(rgb.pixels, (v) => v >> (rgb.bitsPerSample - 8));
  return { kind: 'rgb', rows: rgb.rows, columns: rgb.columns, pixels };
}

function paletteLut(palette: Palette): PaletteColourLut {
  if (palette.segmented)
    throw new UnsupportedImageError('Segmented palette colour tables are not displayable yet');
  return {
    red: paletteChannel(palette.red),
    green: paletteChannel(palette.green),
    blue: paletteChannel(palette.blue),
  };
}

function paletteChannel(lut: Lut): PaletteChannel {
  const words = lutWords(lut, 'palette');
  return {
    entries: lut.entries,
    firstMapped: lut.firstMapped,
    bitsPerEntry: lut.bitsPerEntry,
    words,
    segmented: false,
  };
}

/** A LUT's 16-bit words; LUTs whose data sits at a bulk data URI are not fetched yet. */
function lutWords(lut: Lut, what: string): number[] {
  if (lut.data && 'words' in lut.data) return lut.data.words;
  throw new UnsupportedImageError(
    `The ${what} lookup table's data is not inline (bulk data is not fetched yet)`,
  );
}

function greyPixels(frame: DecodedFrame): GreyPixels {
  const { pixels } = frame;
  if (
    pixels instanceof Int8Array ||
    pixels instanceof Uint8Array ||
    pixels instanceof Int16Array ||
    pixels instanceof Uint16Array ||
    pixels instanceof Float32Array
  ) {
    return pixels;
  }
  throw new UnsupportedImageError(
    `${pixels.constructor.name} grey pixels (32-bit integer or 64-bit float) are not displayable yet`,
  );
}

function modalityTransform(info: FrameInfo | undefined, pixels: GreyPixels): ModalityTransform | undefined {
  const lut = info?.modalityLut;
  if (!lut) return undefined;
  if (lut.lut && !(pixels instanceof Float32Array)) {
    return {
      kind: 'lut',
      firstValueMapped: lut.lut.firstMapped,
      data: Uint16Array.from(lutWords(lut.lut, 'modality')),
    };
  }
  if (lut.rescaleSlope === 1 && lut.rescaleIntercept === 0) return undefined;
  return { kind: 'rescale', slope: lut.rescaleSlope, intercept: lut.rescaleIntercept };
}

/** The VOI a frame asks for by default: its first stored window, else undefined (min–max). */
export function defaultVoi(info: FrameInfo | undefined): VoiTransform | undefined {
  const voi = info?.voi;
  const window = voi?.windows[0];
  if (window && window.width >= 1) {
    const fn = voi.function === 'LINEAR_EXACT' || voi.function === 'SIGMOID' ? voi.function : 'LINEAR';
    return { kind: 'window', center: window.center, width: window.width, function: fn };
  }
  const lut = voi?.luts[0];
  if (lut) {
    return {
      kind: 'lut',
      firstValueMapped: lut.firstMapped,
      bitsPerEntry: lut.bitsPerEntry,
      data: Uint16Array.from(lutWords(lut, 'VOI')),
    };
  }
  return undefined;
}
