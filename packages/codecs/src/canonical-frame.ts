import type { PixelDescription } from '@fovea/core';
import type { ColourSpace, DecodedFrame, PixelArray } from './decoded-frame.js';
import { pixelArrayFor } from './decoded-frame.js';
import { DecodeError } from './errors/decode-error.js';
import { maskToBitsStored } from './native/pixel-layout.js';

type IntegerArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

/**
 * Turns integer samples from a codec into the canonical frame of `pixel`: the native type of Bits
 * Allocated (reusing the codec's buffer when the width matches), masked to Bits Stored and
 * sign-extended for Pixel Representation 1. Checks the sample count against the frame size.
 */
export function canonicalFrame(
  samples: IntegerArray,
  pixel: PixelDescription,
  transferSyntaxUid: string,
  size: { rows: number; columns: number; colourSpace: ColourSpace; resolutionLevel?: number },
): DecodedFrame {
  const expected = size.rows * size.columns * pixel.samplesPerPixel;
  if (samples.length !== expected) {
    throw new DecodeError(
      'DECODE_MISMATCH',
      transferSyntaxUid,
      `decoder produced ${samples.length} samples, ${size.rows} × ${size.columns} × ${pixel.samplesPerPixel} expected`,
    );
  }
  const probe = pixelArrayFor(pixel, 0);
  let pixels: PixelArray;
  if (
    probe.BYTES_PER_ELEMENT === samples.BYTES_PER_ELEMENT &&
    samples.byteOffset % samples.BYTES_PER_ELEMENT === 0
  ) {
    const Ctor = probe.constructor as new (
      buffer: ArrayBufferLike,
      offset: number,
      length: number,
    ) => PixelArray;
    pixels = new Ctor(samples.buffer, samples.byteOffset, samples.length);
  } else {
    pixels = pixelArrayFor(pixel, expected);
    (pixels as IntegerArray).set(samples);
  }
  if (!(pixels instanceof Float32Array || pixels instanceof Float64Array)) {
    const bits = pixel.bitsAllocated === 1 ? 1 : pixel.bitsStored;
    maskToBitsStored(pixels, bits, pixel.pixelRepresentation === 1 && pixel.bitsAllocated > 1);
  }
  return {
    pixels,
    rows: size.rows,
    columns: size.columns,
    samplesPerPixel: pixel.samplesPerPixel,
    bitsStored: pixel.bitsAllocated === 1 ? 1 : pixel.bitsStored,
    signed: pixel.pixelRepresentation === 1 && pixel.bitsAllocated > 1,
    colourSpace: size.colourSpace,
    resolutionLevel: size.resolutionLevel ?? 0,
  };
}
