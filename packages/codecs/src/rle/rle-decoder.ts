import type { PixelDescription } from '@fovea/core';
import { type DecodedFrame, pixelArrayFor } from '../decoded-frame.js';
import { DecodeError } from '../errors/decode-error.js';
import { frameSampleCount, maskToBitsStored } from '../native/pixel-layout.js';
import { unpackBits } from '../native/unpack-bits.js';

const RLE_LOSSLESS = '1.2.840.10008.1.2.5';

/**
 * Decodes one RLE Lossless frame (PS3.5 Annex G): a 64-byte header of segment offsets, then one
 * PackBits segment per byte of each sample, most significant byte first. Segments are decoded
 * straight into the output's bytes (little-endian host order), so no intermediate planes exist.
 */
export function decodeRle(bytes: Uint8Array, pixel: PixelDescription): DecodedFrame {
  const samples = frameSampleCount(pixel, RLE_LOSSLESS);
  const fail = (code: 'DECODE_MALFORMED' | 'DECODE_TRUNCATED' | 'DECODE_MISMATCH', reason: string): never => {
    throw new DecodeError(code, RLE_LOSSLESS, reason);
  };
  if (pixel.floatPixelData !== undefined) fail('DECODE_MISMATCH', 'RLE cannot hold float pixel data');
  if (bytes.length < 64) fail('DECODE_TRUNCATED', `RLE header needs 64 bytes, frame has ${bytes.length}`);
  const header = new DataView(bytes.buffer, bytes.byteOffset, 64);
  const segmentCount = header.getUint32(0, true);
  const pixels = pixel.rows * pixel.columns;
  const bitPacked = pixel.bitsAllocated === 1;
  const bytesPerSample = bitPacked ? 1 : pixel.bitsAllocated / 8;
  const expected = bitPacked ? pixel.samplesPerPixel : pixel.samplesPerPixel * bytesPerSample;
  if (segmentCount !== expected) {
    fail(
      'DECODE_MISMATCH',
      `RLE header has ${segmentCount} segments, ${expected} expected for ${pixel.samplesPerPixel} samples of ${pixel.bitsAllocated} bits`,
    );
  }
  const offsets: number[] = [];
  for (let s = 0; s < segmentCount; s++) {
    const offset = header.getUint32(4 + 4 * s, true);
    const previous = offsets[s - 1] ?? 63;
    if (offset < 64 || offset <= previous || offset > bytes.length) {
      fail('DECODE_MALFORMED', `RLE segment ${s + 1} offset ${offset} is outside the frame`);
    }
    offsets.push(offset);
  }

  if (bitPacked) {
    // One segment of packed bits per sample (PS3.5 G.2 with Bits Allocated 1).
    const packedLength = Math.ceil(samples / 8);
    const packed = new Uint8Array(packedLength);
    const start = offsets[0] as number;
    const end = offsets[1] ?? bytes.length;
    const written = unpackSegment(bytes, start, end, packed, 0, 1, packedLength);
    if (written < packedLength)
      fail('DECODE_TRUNCATED', `RLE segment 1 gives ${written} of ${packedLength} bytes`);
    return result(unpackBits(packed, samples), pixel);
  }

  const output = pixelArrayFor(pixel, samples);
  const outBytes = new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
  const stride = pixel.samplesPerPixel * bytesPerSample;
  for (let s = 0; s < segmentCount; s++) {
    const sample = Math.floor(s / bytesPerSample);
    const significance = s % bytesPerSample; // 0 = most significant byte
    const firstByte = sample * bytesPerSample + (bytesPerSample - 1 - significance);
    const start = offsets[s] as number;
    const end = offsets[s + 1] ?? bytes.length;
    const written = unpackSegment(bytes, start, end, outBytes, firstByte, stride, pixels);
    if (written < pixels) {
      fail('DECODE_TRUNCATED', `RLE segment ${s + 1} gives ${written} of ${pixels} bytes`);
    }
  }
  if (!(output instanceof Float32Array || output instanceof Float64Array)) {
    maskToBitsStored(output, pixel.bitsStored, pixel.pixelRepresentation === 1);
  }
  return result(output, pixel);
}

function result(pixels: DecodedFrame['pixels'], pixel: PixelDescription): DecodedFrame {
  return {
    pixels,
    rows: pixel.rows,
    columns: pixel.columns,
    samplesPerPixel: pixel.samplesPerPixel,
    bitsStored: pixel.bitsStored,
    signed: pixel.pixelRepresentation === 1,
    colourSpace: pixel.photometricInterpretation,
    resolutionLevel: 0,
  };
}

/**
 * PackBits-decodes `src[start, end)` into `dst[first + k·stride]` for k < count. Returns how many
 * bytes were written; bytes decoded past `count` (encoder padding) are dropped.
 */
function unpackSegment(
  src: Uint8Array,
  start: number,
  end: number,
  dst: Uint8Array,
  first: number,
  stride: number,
  count: number,
): number {
  let i = start;
  let o = first;
  const stop = first + count * stride;
  while (i < end && o < stop) {
    const n = src[i++] as number;
    if (n < 128) {
      // Literal run of n + 1 bytes.
      let run = n + 1;
      if (i + run > end) run = end - i;
      for (; run > 0 && o < stop; run--, o += stride) dst[o] = src[i++] as number;
      i += run;
    } else if (n > 128) {
      // Replicate the next byte 257 − n times.
      if (i >= end) break;
      const value = src[i++] as number;
      for (let run = 257 - n; run > 0 && o < stop; run--, o += stride) dst[o] = value;
    }
    // n = 128 is a no-op.
  }
  return (o - first) / stride;
}
