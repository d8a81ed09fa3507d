import type { PixelDescription } from '@fovea/core';

/** The typed arrays a decoded frame can be held in: one element per sample, native type. */
export type PixelArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

/**
 * Colour space of decoded samples: a DICOM Photometric Interpretation (0028,0004) value. A decoder
 * may produce another one than the data set declares (JPEG YBR_FULL_422 comes out as `RGB`,
 * JPEG 2000 YBR_ICT/YBR_RCT as `RGB`, native YBR_FULL_422 as `YBR_FULL`).
 */
export type ColourSpace =
  | 'MONOCHROME1'
  | 'MONOCHROME2'
  | 'PALETTE COLOR'
  | 'RGB'
  | 'YBR_FULL'
  | 'YBR_PARTIAL_420'
  | 'YBR_ICT'
  | 'YBR_RCT'
  | (string & {});

/**
 * One decoded frame in the canonical form of the conformance corpus: rows then columns, samples
 * interleaved, one element per sample in the native type (`Uint8Array` for 1- and 8-bit, 16/32-bit
 * integers signed or not, `Float32Array`/`Float64Array` for float pixel data), values masked to
 * Bits Stored and sign-extended when Pixel Representation is 1. No Modality LUT, VOI LUT or palette
 * is applied.
 */
export interface DecodedFrame {
  /** The samples, `rows × columns × samplesPerPixel` of them. */
  pixels: PixelArray;
  /** Rows of `pixels` (smaller than (0028,0010) when a lower resolution level was decoded). */
  rows: number;
  /** Columns of `pixels`. */
  columns: number;
  /** Samples per pixel of `pixels`: 1 or 3. */
  samplesPerPixel: number;
  /** Bits of each sample that carry information ((0028,0101) Bits Stored; 1 for 1-bit frames). */
  bitsStored: number;
  /** Samples are two's complement ((0028,0103) Pixel Representation 1). */
  signed: boolean;
  /** Colour space the samples are in, which may differ from the declared photometric interpretation. */
  colourSpace: ColourSpace;
  /** Resolution level decoded: 0 is full resolution, n is 2ⁿ times smaller in each direction. */
  resolutionLevel: number;
}

/** The typed array constructor holding one frame of `pixel` in the canonical form. */
export function pixelArrayFor(pixel: PixelDescription, length: number): PixelArray {
  if (pixel.floatPixelData === 'float32') return new Float32Array(length);
  if (pixel.floatPixelData === 'float64') return new Float64Array(length);
  const signed = pixel.pixelRepresentation === 1;
  switch (pixel.bitsAllocated) {
    case 1:
    case 8:
      return signed && pixel.bitsAllocated === 8 ? new Int8Array(length) : new Uint8Array(length);
    case 16:
      return signed ? new Int16Array(length) : new Uint16Array(length);
    case 32:
      return signed ? new Int32Array(length) : new Uint32Array(length);
    case 64:
      return new Float64Array(length);
    default:
      throw new RangeError(`Bits Allocated ${pixel.bitsAllocated} has no canonical pixel type`);
  }
}
