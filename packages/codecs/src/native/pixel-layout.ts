import type { PixelDescription } from '@fovea/core';
import { DecodeError } from '../errors/decode-error.js';

/** Largest frame accepted, in samples: guards against absurd Rows × Columns in damaged headers. */
const MAX_SAMPLES = 2 ** 30;

/**
 * Checks that `pixel` describes something decodable and returns the number of samples in a frame.
 * Throws `DecodeError` (`DECODE_BAD_DESCRIPTION`) otherwise.
 */
export function frameSampleCount(pixel: PixelDescription, transferSyntaxUid: string): number {
  const bad = (reason: string): never => {
    throw new DecodeError('DECODE_BAD_DESCRIPTION', transferSyntaxUid, reason);
  };
  const { rows, columns, samplesPerPixel, bitsAllocated, bitsStored } = pixel;
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 1 || columns < 1) {
    bad(`Rows ${rows} × Columns ${columns} is not a picture`);
  }
  if (samplesPerPixel !== 1 && samplesPerPixel !== 3) bad(`Samples per Pixel ${samplesPerPixel}`);
  if (pixel.floatPixelData === undefined && ![1, 8, 16, 32].includes(bitsAllocated)) {
    bad(`Bits Allocated ${bitsAllocated}`);
  }
  if (pixel.floatPixelData === undefined && (bitsStored < 1 || bitsStored > bitsAllocated)) {
    bad(`Bits Stored ${bitsStored} with Bits Allocated ${bitsAllocated}`);
  }
  const samples = rows * columns * samplesPerPixel;
  if (samples > MAX_SAMPLES) bad(`${samples} samples per frame is more than supported`);
  return samples;
}

/**
 * Masks integer samples to `bitsStored` bits and sign-extends them when `signed`, in place. The
 * array's own width decides the work: nothing happens when Bits Stored fills the element.
 */
export function maskToBitsStored(
  pixels: Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array,
  bitsStored: number,
  signed: boolean,
): void {
  const width = pixels.BYTES_PER_ELEMENT * 8;
  if (bitsStored >= width) return;
  const n = pixels.length;
  if (signed) {
    const shift = 32 - bitsStored;
    for (let i = 0; i < n; i++) pixels[i] = ((pixels[i] as number) << shift) >> shift;
  } else {
    const mask = 2 ** bitsStored - 1;
    for (let i = 0; i < n; i++) pixels[i] = (pixels[i] as number) & mask;
  }
}

/** Converts colour-by-plane samples (planar configuration 1) to interleaved ones. */
export function interleavePlanes<T extends { length: number; [index: number]: number }>(
  planar: T,
  output: T,
  pixels: number,
  samplesPerPixel: number,
): T {
  for (let s = 0; s < samplesPerPixel; s++) {
    const base = s * pixels;
    for (let p = 0, o = s; p < pixels; p++, o += samplesPerPixel) output[o] = planar[base + p] as number;
  }
  return output;
}
