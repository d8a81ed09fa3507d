import { describe, expect, it } from 'vitest';
import { channelEntries, expandSegmentedLut, SegmentedLutError } from './palette-lut.js';

describe('segmented palette expansion (PS3.3 C.7.9.2)', () => {
  it('expands discrete, linear and indirect segments', () => {
    // discrete [0, 100], linear to 400 in 3 steps, indirect: replay the 2 segments at word offset 0.
    const words = [0, 2, 0, 100, 1, 3, 400, 2, 2, 0, 0];
    expect(Array.from(expandSegmentedLut(words))).toEqual([0, 100, 200, 300, 400, 0, 100, 200, 300, 400]);
  });

  it('keeps 16-bit values and a flat linear segment', () => {
    expect(Array.from(expandSegmentedLut([0, 1, 65535, 1, 2, 65535]))).toEqual([65535, 65535, 65535]);
  });

  it('rejects data that starts with a linear or indirect segment, unknown opcodes and runaway indirection', () => {
    expect(() => expandSegmentedLut([1, 2, 5])).toThrow(SegmentedLutError);
    expect(() => expandSegmentedLut([2, 1, 0, 0])).toThrow(SegmentedLutError);
    expect(() => expandSegmentedLut([0, 1, 5, 9, 1])).toThrow(SegmentedLutError);
    expect(() => expandSegmentedLut([0, 1, 5, 2, 1, 2, 0])).toThrow(SegmentedLutError); // indirect to itself
    expect(() => expandSegmentedLut([0, 1, 5, 1, 60000, 7], 1000)).toThrow(SegmentedLutError);
  });

  it('unpacks 8-bit entries stored two to a word', () => {
    expect(
      Array.from(channelEntries({ entries: 4, firstMapped: 0, bitsPerEntry: 8, words: [0x0201, 0x0403] })),
    ).toEqual([1, 2, 3, 4]);
  });
});
