/**
 * Slicing native (uncompressed) Pixel Data into frames: frame i starts i × frame length into the
 * value, bytes exactly as stored (big-endian data stays big-endian), and 1-bit frames whose first
 * pixel is not on a byte boundary are shifted so that the returned frame starts at bit 0.
 */
import { DicomParseError } from '../errors/dicom-parse-error.js';
import type { PixelDescription } from './pixel-description.js';

/**
 * Bits one stored native frame occupies: rows × columns × samples × bits allocated, except for
 * YBR_FULL_422 / YBR_PARTIAL_422 whose chroma is subsampled horizontally in native encoding
 * (two luminance samples share one Cb and one Cr: 2 samples per pixel, PS3.3 C.7.6.3.1.2).
 */
export function storedNativeFrameBits(pixel: PixelDescription): number {
  const samples = /^YBR_(FULL|PARTIAL)_422$/.test(pixel.photometricInterpretation)
    ? 2
    : pixel.samplesPerPixel;
  return pixel.rows * pixel.columns * samples * pixel.bitsAllocated;
}

/**
 * Returns a copy of native frame `index` (0-based) of `value`, the Pixel Data value bytes. For
 * 1-bit data, bits after the frame's last pixel (the next frame's first) are cleared. Throws
 * `DICOM_FRAME_LENGTH` if the value is too short to hold the frame.
 */
export function nativeFrame(value: Uint8Array, pixel: PixelDescription, index: number): Uint8Array {
  const frameBits = storedNativeFrameBits(pixel);
  const startBit = index * frameBits;
  const frameBytes = Math.ceil(frameBits / 8);
  const needed = Math.ceil((startBit + frameBits) / 8);
  if (frameBits === 0 || needed > value.length) {
    throw new DicomParseError(
      'DICOM_FRAME_LENGTH',
      `Pixel data holds ${value.length} bytes; frame ${index} of ${pixel.rows} × ${pixel.columns} × ${pixel.samplesPerPixel} × ${pixel.bitsAllocated} bits needs ${needed}`,
      { tag: '7FE00010' },
    );
  }
  const first = Math.floor(startBit / 8);
  const shift = startBit % 8;
  let out: Uint8Array;
  if (shift === 0) {
    out = value.slice(first, first + frameBytes);
  } else {
    // 1-bit pixels are packed least significant bit first (PS3.5 8.1.1): take the high bits of one
    // byte and the low bits of the next.
    out = new Uint8Array(frameBytes);
    for (let i = 0; i < frameBytes; i++) {
      const low = (value[first + i] as number) >>> shift;
      const high = first + i + 1 < value.length ? (value[first + i + 1] as number) << (8 - shift) : 0;
      out[i] = (low | high) & 0xff;
    }
  }
  // Bits past the frame's last pixel belong to the next frame; clear them.
  const tail = frameBits % 8;
  if (tail !== 0) out[frameBytes - 1] = (out[frameBytes - 1] as number) & ((1 << tail) - 1);
  return out;
}
