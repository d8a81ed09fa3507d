/** How two RGBA frames differ: pixels with any channel different, and the largest difference. */
export interface FrameDifference {
  count: number;
  maxDelta: number;
  /** The first differing pixel, for the failure message. */
  first?: string;
}

/** Compares two RGBA frames of `width` pixels per row, channel by channel. */
export function compareFrames(actual: Uint8Array, expected: Uint8Array, width: number): FrameDifference {
  if (actual.length !== expected.length) {
    return {
      count: Number.POSITIVE_INFINITY,
      maxDelta: 255,
      first: `length ${actual.length} ≠ ${expected.length}`,
    };
  }
  let count = 0;
  let maxDelta = 0;
  let first: string | undefined;
  for (let i = 0; i < expected.length; i += 4) {
    let differs = false;
    for (let c = 0; c < 4; c++) {
      const delta = Math.abs((actual[i + c] as number) - (expected[i + c] as number));
      if (delta === 0) continue;
      differs = true;
      maxDelta = Math.max(maxDelta, delta);
      const pixel = i / 4;
      first ??= `pixel (${pixel % width}, ${Math.floor(pixel / width)}) channel ${c}: got ${actual[i + c]}, want ${expected[i + c]}`;
    }
    if (differs) count++;
  }
  return first === undefined ? { count, maxDelta } : { count, maxDelta, first };
}
