import { describe, expect, it } from 'vitest';
import { unpackReadback } from './unpack-readback.js';

describe('unpackReadback', () => {
  const padded = new Uint8Array(512);
  padded.set([1, 2, 3, 255, 4, 5, 6, 255], 0);
  padded.set([7, 8, 9, 255, 10, 11, 12, 255], 256);

  it('drops the row padding', () => {
    expect(Array.from(unpackReadback(padded, 2, 2, 256, false))).toEqual([
      1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255,
    ]);
  });

  it('swaps blue and red for BGRA canvases', () => {
    expect(Array.from(unpackReadback(padded, 2, 1, 256, true))).toEqual([3, 2, 1, 255, 6, 5, 4, 255]);
  });
});
