import type { PixelDescription } from '@fovea/core';
import { type DecodedFrame, type PixelArray, pixelArrayFor } from '../decoded-frame.js';
import { DecodeError } from '../errors/decode-error.js';
import { frameSampleCount, interleavePlanes, maskToBitsStored } from './pixel-layout.js';
import { unpackBits } from './unpack-bits.js';
import { expandYbr422 } from './ybr-422.js';

/** How native bytes are laid out beyond what `PixelDescription` says. */
export interface NativeLayout {
  /** Explicit VR Big Endian: multi-byte samples are big endian. */
  bigEndian: boolean;
  /** (7FE0,0010) VR; `OW` with 8-bit big endian data means byte pairs are swapped. */
  pixelDataVr: 'OB' | 'OW';
  /** The input's memory may be reused for the output. */
  allowInPlace: boolean;
}

/**
 * Decodes one native (uncompressed) frame to the canonical pixel buffer: little- or big-endian
 * integers and floats, 1-bit packed frames (LSB first), planar configuration 1, and YBR_FULL_422
 * stored subsampled (Y₁Y₂CbCr, expanded to YBR_FULL).
 */
export function decodeNative(
  bytes: Uint8Array,
  pixel: PixelDescription,
  transferSyntaxUid: string,
  layout: NativeLayout,
): DecodedFrame {
  const samples = frameSampleCount(pixel, transferSyntaxUid);
  const signed = pixel.pixelRepresentation === 1;
  const frame = (pixels: PixelArray, colourSpace = pixel.photometricInterpretation): DecodedFrame => ({
    pixels,
    rows: pixel.rows,
    columns: pixel.columns,
    samplesPerPixel: pixel.samplesPerPixel,
    bitsStored: pixel.floatPixelData ? pixel.bitsAllocated : pixel.bitsStored,
    signed: pixel.floatPixelData !== undefined || signed,
    colourSpace,
    resolutionLevel: 0,
  });
  const need = (length: number): void => {
    if (bytes.length < length) {
      throw new DecodeError(
        'DECODE_TRUNCATED',
        transferSyntaxUid,
        `native frame has ${bytes.length} bytes, ${length} needed for ${pixel.rows} × ${pixel.columns} × ${pixel.samplesPerPixel} samples of ${pixel.bitsAllocated} bits`,
      );
    }
  };

  if (pixel.bitsAllocated === 1 && pixel.floatPixelData === undefined) {
    need(Math.ceil(samples / 8));
    return frame(unpackBits(bytes, samples));
  }

  const photometric = pixel.photometricInterpretation;
  if (
    pixel.samplesPerPixel === 3 &&
    (photometric === 'YBR_FULL_422' || photometric === 'YBR_PARTIAL_422') &&
    pixel.bitsAllocated <= 16
  ) {
    const bytesPerSample = pixel.bitsAllocated / 8;
    const stored = pixel.rows * Math.ceil(pixel.columns / 2) * 4 * bytesPerSample;
    need(stored);
    const subsampled = typedSamples(bytes, stored / bytesPerSample, pixel, layout);
    const full = pixelArrayFor(pixel, samples) as typeof subsampled;
    expandYbr422(subsampled, full, pixel.rows, pixel.columns);
    maskIntegers(full, pixel);
    return frame(full, photometric === 'YBR_FULL_422' ? 'YBR_FULL' : 'YBR_PARTIAL');
  }

  const bytesPerSample = pixel.floatPixelData === 'float64' ? 8 : pixel.bitsAllocated / 8;
  need(samples * bytesPerSample);
  let pixels = typedSamples(bytes, samples, pixel, layout);
  if (pixel.planarConfiguration === 1 && pixel.samplesPerPixel > 1) {
    pixels = interleavePlanes(pixels, pixelArrayFor(pixel, samples), samples / pixel.samplesPerPixel, 3);
  }
  maskIntegers(pixels, pixel);
  return frame(pixels);
}

function maskIntegers(pixels: PixelArray, pixel: PixelDescription): void {
  if (pixels instanceof Float32Array || pixels instanceof Float64Array) return;
  maskToBitsStored(pixels, pixel.bitsStored, pixel.pixelRepresentation === 1);
}

/**
 * The first `count` samples of `bytes` as the canonical typed array, byte order fixed. Copies
 * unless the layout allows reuse and the bytes are aligned and little endian.
 */
function typedSamples(
  bytes: Uint8Array,
  count: number,
  pixel: PixelDescription,
  layout: NativeLayout,
): PixelArray {
  const probe = pixelArrayFor(pixel, 0);
  const width = probe.BYTES_PER_ELEMENT;
  const byteLength = count * width;
  const Ctor = probe.constructor as new (
    buffer: ArrayBufferLike,
    offset: number,
    length: number,
  ) => PixelArray;
  const swapPairs = layout.bigEndian && width === 1 && layout.pixelDataVr === 'OW';
  const swapWords = layout.bigEndian && width > 1;
  // OW data with an odd number of 8-bit samples keeps the last one in the padded final pair.
  const copyLength = swapPairs ? Math.min(bytes.length, byteLength + (byteLength & 1)) : byteLength;
  let source: Uint8Array;
  if (layout.allowInPlace && bytes.byteOffset % width === 0) {
    source = bytes.subarray(0, copyLength);
  } else {
    source = new Uint8Array(copyLength);
    source.set(bytes.subarray(0, copyLength));
  }
  if (swapPairs || swapWords) swapBytes(source, swapPairs ? 2 : width);
  return new Ctor(source.buffer, source.byteOffset, count);
}

/** Reverses each group of `width` bytes in place; a trailing partial group is left alone. */
function swapBytes(data: Uint8Array, width: number): void {
  const end = data.length - (data.length % width);
  if (width === 2) {
    for (let i = 0; i < end; i += 2) {
      const a = data[i] as number;
      data[i] = data[i + 1] as number;
      data[i + 1] = a;
    }
    return;
  }
  for (let i = 0; i < end; i += width) {
    for (let a = i, b = i + width - 1; a < b; a++, b--) {
      const t = data[a] as number;
      data[a] = data[b] as number;
      data[b] = t;
    }
  }
}
