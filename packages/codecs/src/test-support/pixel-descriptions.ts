import type { PixelDescription } from '@fovea/core';

/** A pixel description with sensible defaults (16-bit unsigned grey), for tests. */
export function describePixels(overrides: Partial<PixelDescription> = {}): PixelDescription {
  const bitsAllocated = overrides.bitsAllocated ?? 16;
  const bitsStored = overrides.bitsStored ?? bitsAllocated;
  return {
    rows: 2,
    columns: 3,
    samplesPerPixel: 1,
    bitsAllocated,
    bitsStored,
    highBit: bitsStored - 1,
    pixelRepresentation: 0,
    photometricInterpretation: 'MONOCHROME2',
    planarConfiguration: 0,
    numberOfFrames: 1,
    ...overrides,
  };
}
