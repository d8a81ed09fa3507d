/**
 * Locating frames in encapsulated Pixel Data (PS3.5 A.4): which fragments make up each frame,
 * found with the Extended Offset Table (7FE0,0001/0002), the Basic Offset Table (the first item),
 * or, when both are empty, by scanning fragments for the codec's start-of-frame marker.
 */
import { DicomParseError } from '../errors/dicom-parse-error.js';
import type { PixelItem } from '../parse/data-set-reader.js';

/** Optional Extended Offset Table: offsets (from the first fragment's item tag) and lengths, in bytes. */
export interface ExtendedOffsetTable {
  /** (7FE0,0001) Extended Offset Table: one offset per frame. */
  offsets: readonly number[];
  /** (7FE0,0002) Extended Offset Table Lengths: one length per frame, if present. */
  lengths?: readonly number[] | undefined;
}

/**
 * Groups fragments into frames. `items` are the Pixel Data items (basic offset table first), as
 * located by the reader; `bytes` is the buffer they index into. Returns, per frame, its fragments
 * in order. Throws `DICOM_FRAME_LOCATION` when the fragments cannot be assigned unambiguously.
 */
export function locateEncapsulatedFrames(
  bytes: Uint8Array,
  items: readonly PixelItem[],
  frameCount: number,
  transferSyntaxUid: string,
  extendedOffsetTable?: ExtendedOffsetTable,
): PixelItem[][] {
  const [table, ...fragments] = items;
  if (!table) {
    throw new DicomParseError('DICOM_MALFORMED', 'Encapsulated pixel data has no basic offset table item', {
      tag: '7FE00010',
    });
  }
  if (fragments.length === 0) {
    throw new DicomParseError('DICOM_FRAME_LOCATION', 'Encapsulated pixel data has no fragments', {
      tag: '7FE00010',
    });
  }
  const first = fragments[0] as PixelItem;
  const position = (fragment: PixelItem) => fragment.tagOffset - first.tagOffset;

  if (extendedOffsetTable && extendedOffsetTable.offsets.length > 0) {
    return byExtendedOffsetTable(fragments, frameCount, extendedOffsetTable, position);
  }
  if (table.length > 0) {
    const offsets = readBasicOffsetTable(bytes, table);
    const frames = byOffsets(fragments, offsets, position);
    if (frames && frames.length === frameCount) return frames;
    // A wrong table is common enough in the wild; fall back to scanning rather than failing.
  }
  if (frameCount === 1) return [fragments];
  if (fragments.length === frameCount) return fragments.map((fragment) => [fragment]);
  return byMarkers(bytes, fragments, frameCount, transferSyntaxUid);
}

/** The Basic Offset Table item's 32-bit little-endian offsets. */
function readBasicOffsetTable(bytes: Uint8Array, table: PixelItem): number[] {
  if (table.length % 4 !== 0) {
    throw new DicomParseError(
      'DICOM_MALFORMED',
      `Basic offset table of ${table.length} bytes is not a multiple of 4`,
      {
        tag: '7FE00010',
        offset: table.tagOffset,
      },
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
  return Array.from({ length: table.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

/** Frames delimited by item offsets; `undefined` if an offset is not on a fragment boundary or not increasing. */
function byOffsets(
  fragments: readonly PixelItem[],
  offsets: readonly number[],
  position: (fragment: PixelItem) => number,
): PixelItem[][] | undefined {
  const starts = new Map(fragments.map((fragment, index) => [position(fragment), index]));
  const indices: number[] = [];
  for (const offset of offsets) {
    const index = starts.get(offset);
    if (index === undefined || (indices.length > 0 && index <= (indices.at(-1) as number))) return undefined;
    indices.push(index);
  }
  if (indices[0] !== 0) return undefined;
  return indices.map((start, i) => fragments.slice(start, indices[i + 1] ?? fragments.length));
}

function byExtendedOffsetTable(
  fragments: readonly PixelItem[],
  frameCount: number,
  table: ExtendedOffsetTable,
  position: (fragment: PixelItem) => number,
): PixelItem[][] {
  const frames = byOffsets(fragments, table.offsets, position);
  if (!frames || frames.length !== frameCount) {
    throw new DicomParseError(
      'DICOM_FRAME_LOCATION',
      `Extended offset table (${table.offsets.length} entries) does not match ${frameCount} frames and ${fragments.length} fragments`,
      { tag: '7FE00001' },
    );
  }
  if (table.lengths && table.lengths.length === frameCount) {
    // Each frame is one fragment when an extended offset table is used; its length must agree.
    frames.forEach((frame, i) => {
      const length = frame.reduce((sum, fragment) => sum + fragment.length, 0);
      const expected = table.lengths?.[i] as number;
      if (expected > length || length - expected > 1) {
        throw new DicomParseError(
          'DICOM_FRAME_LOCATION',
          `Frame ${i} is ${length} bytes; the table says ${expected}`,
          {
            tag: '7FE00002',
          },
        );
      }
    });
  }
  return frames;
}

/** Transfer syntaxes whose frames begin with a recognisable marker, and the test for it. */
function frameStartTest(transferSyntaxUid: string): ((bytes: Uint8Array, at: number) => boolean) | undefined {
  const jpeg = /^1\.2\.840\.10008\.1\.2\.4\.(5\d|6\d|70|80|81)$/;
  const j2k = /^1\.2\.840\.10008\.1\.2\.4\.(90|91|92|93|201|202|203)$/;
  if (jpeg.test(transferSyntaxUid)) return (b, at) => b[at] === 0xff && b[at + 1] === 0xd8;
  if (j2k.test(transferSyntaxUid)) {
    // A raw codestream (SOC then SIZ) or a JP2 file (signature box).
    return (b, at) =>
      (b[at] === 0xff && b[at + 1] === 0x4f && b[at + 2] === 0xff && b[at + 3] === 0x51) ||
      (b[at] === 0 &&
        b[at + 1] === 0 &&
        b[at + 2] === 0 &&
        b[at + 3] === 0x0c &&
        b[at + 4] === 0x6a &&
        b[at + 5] === 0x50);
  }
  return undefined;
}

function byMarkers(
  bytes: Uint8Array,
  fragments: readonly PixelItem[],
  frameCount: number,
  transferSyntaxUid: string,
): PixelItem[][] {
  const isStart = frameStartTest(transferSyntaxUid);
  if (!isStart) {
    throw new DicomParseError(
      'DICOM_FRAME_LOCATION',
      `${fragments.length} fragments for ${frameCount} frames, no offset table, and ${transferSyntaxUid} frames have no start marker to scan for`,
      { tag: '7FE00010' },
    );
  }
  const frames: PixelItem[][] = [];
  for (const fragment of fragments) {
    const current = frames.at(-1);
    if (!current || (fragment.length >= 4 && isStart(bytes, fragment.offset))) frames.push([fragment]);
    else current.push(fragment);
  }
  if (frames.length !== frameCount) {
    throw new DicomParseError(
      'DICOM_FRAME_LOCATION',
      `Found ${frames.length} frame start markers in ${fragments.length} fragments; expected ${frameCount} frames`,
      { tag: '7FE00010' },
    );
  }
  return frames;
}

/** Joins a frame's fragments into one new buffer (its complete codestream). */
export function joinFragments(bytes: Uint8Array, fragments: readonly PixelItem[]): Uint8Array {
  const length = fragments.reduce((sum, fragment) => sum + fragment.length, 0);
  const out = new Uint8Array(length);
  let at = 0;
  for (const fragment of fragments) {
    out.set(bytes.subarray(fragment.offset, fragment.offset + fragment.length), at);
    at += fragment.length;
  }
  return out;
}
