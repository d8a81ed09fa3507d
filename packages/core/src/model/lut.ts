import { type DicomJsonDataset, jsonBinary, jsonNumbers } from '../dicom-json/dicom-json.js';
import { text } from './model-values.js';

/**
 * The entries of a lookup table: either in hand, as 16-bit words (LUT Data is stored in 16-bit
 * words whatever the bits per entry), or at a server's bulk data URI, to fetch with WADO-RS and
 * turn into words with {@link lutWordsFromBytes}.
 */
export type LutData = { words: number[] } | { bulkDataUri: string };

/** A lookup table (PS3.3 C.11.1): modality LUT, VOI LUT or one palette channel. */
export interface Lut {
  /** Descriptor value 1: number of entries (a stored 0 means 65536). */
  entries: number;
  /** Descriptor value 2: the first stored pixel value mapped (signed when the VR is SS). */
  firstMapped: number;
  /** Descriptor value 3: bits per entry, 8 or 16. */
  bitsPerEntry: number;
  /** (0028,3003) LUT Explanation, when the table has one. */
  explanation: string | undefined;
  /** The entries, or where to fetch them; `undefined` when the data attribute is missing. */
  data: LutData | undefined;
}

/** Little-endian bytes of LUT Data (OW) as 16-bit words. */
export function lutWordsFromBytes(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: Math.floor(bytes.length / 2) }, (_, i) => view.getUint16(i * 2, true));
}

/**
 * Reads a LUT from `item`: descriptor at `descriptorTag` (e.g. (0028,3002) LUT Descriptor or
 * (0028,1101) Red Palette Color LUT Descriptor), data at `dataTag`. `undefined` without a valid
 * three-valued descriptor.
 */
export function lutFromDataset(
  item: DicomJsonDataset,
  descriptorTag: string,
  dataTag: string,
  explanationTag?: string,
): Lut | undefined {
  const descriptor = jsonNumbers(item, descriptorTag);
  if (descriptor.length < 3) return undefined;
  const [entries, firstMapped, bitsPerEntry] = descriptor as [number, number, number];
  return {
    entries: entries === 0 ? 65536 : entries,
    firstMapped,
    bitsPerEntry,
    explanation: explanationTag ? text(item, explanationTag) : undefined,
    data: lutData(item, dataTag),
  };
}

function lutData(item: DicomJsonDataset, tag: string): LutData | undefined {
  const attribute = item[tag];
  if (!attribute) return undefined;
  if (attribute.Value && attribute.Value.length > 0) {
    // US/SS LUT Data as numbers; SS words are kept as their 16-bit pattern, like OW.
    return { words: jsonNumbers(item, tag).map((value) => value & 0xffff) };
  }
  const binary = jsonBinary(item, tag);
  if (!binary) return undefined;
  return 'bytes' in binary ? { words: lutWordsFromBytes(binary.bytes) } : binary;
}
