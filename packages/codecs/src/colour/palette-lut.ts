/**
 * Palette Color Lookup Tables (PS3.3 C.7.6.19, C.7.9): one channel's descriptor and data, and the
 * expansion of Segmented Palette Color Lookup Table Data (C.7.9.2) to plain entries.
 */

/** One channel of a palette as stored in the data set. */
export interface PaletteChannel {
  /** (0028,1101…1103) descriptor value 1: number of entries (0 means 65536). */
  entries: number;
  /** Descriptor value 2: first stored pixel value mapped. */
  firstMapped: number;
  /** Descriptor value 3: bits per entry, 8 or 16. */
  bitsPerEntry: number;
  /**
   * (0028,1201…1203) Palette Color Lookup Table Data as 16-bit words, or, when `segmented`, the
   * words of (0028,1221…1223) Segmented Palette Color Lookup Table Data.
   */
  words: ArrayLike<number>;
  /** `words` holds segmented data (discrete, linear and indirect segments) to expand first. */
  segmented?: boolean;
}

/** A palette: red, green and blue channels. */
export interface PaletteColourLut {
  red: PaletteChannel;
  green: PaletteChannel;
  blue: PaletteChannel;
}

/** Thrown for segmented data that breaks C.7.9.2 (first segment linear or indirect, bad opcode). */
export class SegmentedLutError extends Error {}

/**
 * Expands segmented palette data (C.7.9.2) to one value per entry: discrete segments are copied,
 * linear segments interpolate from the previous value (rounded), indirect segments replay earlier
 * segments found at a 32-bit word offset (least significant word first). Recursion and output are
 * bounded so hostile data cannot loop forever.
 */
export function expandSegmentedLut(words: ArrayLike<number>, maxEntries = 65536): Uint16Array {
  const out: number[] = [];
  const expand = (start: number, segmentLimit: number, depth: number): void => {
    if (depth > 8) throw new SegmentedLutError('indirect segments nest too deep');
    let offset = start;
    let segments = 0;
    while (offset + 1 < words.length && segments < segmentLimit) {
      const opcode = words[offset] as number;
      const length = words[offset + 1] as number;
      offset += 2;
      if (opcode === 0) {
        for (let i = 0; i < length && offset + i < words.length; i++) out.push(words[offset + i] as number);
        offset += length;
      } else if (opcode === 1) {
        const y0 = out.at(-1);
        if (y0 === undefined) throw new SegmentedLutError('a linear segment cannot come first');
        const y1 = words[offset++] as number;
        for (let i = 1; i <= length; i++) out.push(Math.round(y0 + ((y1 - y0) * i) / length));
      } else if (opcode === 2) {
        if (out.length === 0) throw new SegmentedLutError('an indirect segment cannot come first');
        const target = ((words[offset] as number) | ((words[offset + 1] as number) << 16)) >>> 0;
        offset += 2;
        expand(target, length, depth + 1);
      } else {
        throw new SegmentedLutError(`unknown segment opcode ${opcode}`);
      }
      if (out.length > maxEntries) throw new SegmentedLutError('segmented data expands past the table size');
      segments++;
    }
  };
  expand(0, Number.POSITIVE_INFINITY, 0);
  return Uint16Array.from(out);
}

/** The entries of a channel, expanded if segmented. */
export function channelEntries(channel: PaletteChannel): Uint16Array {
  const entries = channel.entries === 0 ? 65536 : channel.entries;
  const data = channel.segmented
    ? expandSegmentedLut(channel.words, entries)
    : Uint16Array.from(channel.words);
  if (channel.bitsPerEntry === 8 && !channel.segmented && data.length * 2 === entries) {
    // 8-bit entries packed two to a word (PS3.3 C.7.6.3.1.5 allows it): unpack, low byte first.
    const unpacked = new Uint16Array(entries);
    for (let i = 0; i < entries; i++) unpacked[i] = ((data[i >> 1] as number) >> ((i & 1) * 8)) & 0xff;
    return unpacked;
  }
  return data;
}
