import { RenderInputError } from '../errors/render-input-error.js';

/** Typed arrays a grey slice may hold: the array type decides the GPU texture format. */
export type GreyPixels = Int8Array | Uint8Array | Int16Array | Uint16Array | Float32Array;

/**
 * The Modality LUT (PS3.3 C.11.1): stored values to modality values (e.g. HU).
 * `rescale`: (0028,1053) Rescale Slope and (0028,1052) Rescale Intercept.
 * `lut`: one item of (0028,3000) Modality LUT Sequence.
 */
export type ModalityTransform =
  | { kind: 'rescale'; slope: number; intercept: number }
  | {
      kind: 'lut';
      /** Second value of (0028,3002) LUT Descriptor: the first stored value mapped. */
      firstValueMapped: number;
      /** (0028,3006) LUT Data; its length is the first value of the descriptor. */
      data: Uint16Array;
    };

/** One grey frame: values of (7FE0,0010) Pixel Data or (7FE0,0008) Float Pixel Data, decoded. */
export interface GreySliceImage {
  kind: 'grey';
  /** (0028,0011) Columns. */
  columns: number;
  /** (0028,0010) Rows. */
  rows: number;
  /**
   * Stored values, row-major from the top-left pixel, one per pixel, sign-extended and masked to
   * (0028,0101) Bits Stored by the decoder. Int8/Uint8/Int16/Uint16 are sampled as integer
   * textures, Float32 as a float texture; no value is converted on the way.
   */
  pixels: GreyPixels;
  /** (0028,0004) Photometric Interpretation. MONOCHROME1 displays inverted. */
  photometricInterpretation: 'MONOCHROME1' | 'MONOCHROME2';
  /** Modality LUT; identity (slope 1, intercept 0) when absent. */
  modality?: ModalityTransform;
}

/** One colour frame: 8-bit RGB, interleaved (Planar Configuration 0), as decoders output it. */
export interface RgbSliceImage {
  kind: 'rgb';
  /** (0028,0011) Columns. */
  columns: number;
  /** (0028,0010) Rows. */
  rows: number;
  /** R, G, B bytes per pixel, row-major from the top-left pixel (length rows × columns × 3). */
  pixels: Uint8Array;
}

/** A frame to show in a slice viewport. */
export type SliceImage = GreySliceImage | RgbSliceImage;

/** The texel type a grey image is sampled as on the GPU. */
export type GreySampleType = 'sint' | 'uint' | 'float';

/** Which texel type the GPU samples `pixels` as. */
export function greySampleType(pixels: GreyPixels): GreySampleType {
  if (pixels instanceof Float32Array) return 'float';
  if (pixels instanceof Int8Array || pixels instanceof Int16Array) return 'sint';
  return 'uint';
}

/**
 * The range of values the typed array can hold, e.g. [-32768, 32767] for Int16Array;
 * undefined for Float32Array.
 */
export function integerDomain(pixels: GreyPixels): readonly [number, number] | undefined {
  if (pixels instanceof Int8Array) return [-128, 127];
  if (pixels instanceof Uint8Array) return [0, 255];
  if (pixels instanceof Int16Array) return [-32768, 32767];
  if (pixels instanceof Uint16Array) return [0, 65535];
  return undefined;
}

/**
 * Checks that an image is self-consistent and throws a {@link RenderInputError}
 * (`RENDER_INVALID_IMAGE`, `RENDER_UNSUPPORTED`) saying what is wrong otherwise.
 */
export function validateSliceImage(image: SliceImage): void {
  const { columns, rows } = image;
  if (!Number.isInteger(columns) || !Number.isInteger(rows) || columns < 1 || rows < 1) {
    throw new RenderInputError(
      'RENDER_INVALID_IMAGE',
      `Image size ${columns} × ${rows} is not a positive size`,
    );
  }
  const samples = image.kind === 'rgb' ? 3 : 1;
  if (image.kind === 'rgb' && !(image.pixels instanceof Uint8Array)) {
    throw new RenderInputError('RENDER_INVALID_IMAGE', 'RGB pixels must be a Uint8Array');
  }
  if (image.kind === 'grey' && !isGreyPixels(image.pixels)) {
    throw new RenderInputError(
      'RENDER_INVALID_IMAGE',
      'Grey pixels must be an Int8Array, Uint8Array, Int16Array, Uint16Array or Float32Array',
    );
  }
  const expected = columns * rows * samples;
  if (image.pixels.length !== expected) {
    throw new RenderInputError(
      'RENDER_INVALID_IMAGE',
      `Pixel data holds ${image.pixels.length} values; ${rows} rows × ${columns} columns × ${samples} samples need ${expected}`,
    );
  }
  if (image.kind === 'grey' && image.modality) validateModality(image.modality, image.pixels);
}

function isGreyPixels(pixels: unknown): pixels is GreyPixels {
  return (
    pixels instanceof Int8Array ||
    pixels instanceof Uint8Array ||
    pixels instanceof Int16Array ||
    pixels instanceof Uint16Array ||
    pixels instanceof Float32Array
  );
}

function validateModality(modality: ModalityTransform, pixels: GreyPixels): void {
  if (modality.kind === 'rescale') {
    if (!Number.isFinite(modality.slope) || !Number.isFinite(modality.intercept)) {
      throw new RenderInputError(
        'RENDER_INVALID_IMAGE',
        'Rescale slope and intercept must be finite numbers',
      );
    }
    return;
  }
  if (pixels instanceof Float32Array) {
    throw new RenderInputError(
      'RENDER_UNSUPPORTED',
      'A Modality LUT Sequence needs integer stored values; this image has float pixels',
    );
  }
  if (modality.data.length < 1 || !Number.isInteger(modality.firstValueMapped)) {
    throw new RenderInputError(
      'RENDER_INVALID_IMAGE',
      'Modality LUT needs at least one entry and an integer first mapped value',
    );
  }
}
