/**
 * What a decoder needs to know about one frame's pixels: the Image Pixel module (PS3.3 C.7.6.3)
 * as it applies to a frame. Built by core from Part 10 or DICOM JSON; consumed by codecs.
 */
export interface PixelDescription {
  /** (0028,0010) Rows. */
  rows: number;
  /** (0028,0011) Columns. */
  columns: number;
  /** (0028,0002) Samples per Pixel: 1 (grey, palette) or 3 (colour). */
  samplesPerPixel: number;
  /** (0028,0100) Bits Allocated: 1, 8, 16, 32 or 64. */
  bitsAllocated: number;
  /** (0028,0101) Bits Stored. */
  bitsStored: number;
  /** (0028,0102) High Bit. */
  highBit: number;
  /** (0028,0103) Pixel Representation: 0 unsigned, 1 two's complement. */
  pixelRepresentation: 0 | 1;
  /** (0028,0004) Photometric Interpretation, e.g. `MONOCHROME2`, `YBR_FULL_422`. */
  photometricInterpretation: string;
  /** (0028,0006) Planar Configuration: 0 interleaved, 1 colour-by-plane (0 when absent). */
  planarConfiguration: 0 | 1;
  /** (0028,0008) Number of Frames (1 when absent). */
  numberOfFrames: number;
  /** Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009) instead of (7FE0,0010). */
  floatPixelData?: 'float32' | 'float64';
}

/** Bytes one native (uncompressed) frame occupies; 1-bit frames are packed 8 pixels a byte. */
export function nativeFrameByteLength(pixel: PixelDescription): number {
  const bits = pixel.rows * pixel.columns * pixel.samplesPerPixel * pixel.bitsAllocated;
  return Math.ceil(bits / 8);
}
