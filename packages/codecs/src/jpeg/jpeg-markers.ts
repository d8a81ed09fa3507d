/**
 * Reads the marker structure of an ISO 10918-1 JPEG stream (frame header, tables, scans and
 * their entropy-coded byte ranges, JFIF/Adobe markers) without decoding any entropy-coded data.
 */

/** One component of the frame header (SOFn). */
export interface JpegComponent {
  id: number;
  h: number;
  v: number;
  quantTable: number;
}

/** A Huffman table as transmitted in DHT: code counts per length 1…16 and the symbols. */
export interface HuffmanSpec {
  counts: Uint8Array;
  symbols: Uint8Array;
}

/** One scan (SOS) with the tables in force when it starts. */
export interface JpegScan {
  /** Indexes into `JpegStream.components`, in scan order. */
  components: number[];
  dcTables: number[];
  acTables: number[];
  /** Spectral selection start (predictor selection value in lossless mode). */
  ss: number;
  /** Spectral selection end. */
  se: number;
  /** Successive approximation high bit. */
  ah: number;
  /** Successive approximation low bit (point transform in lossless mode). */
  al: number;
  /** Entropy-coded data: `bytes[dataStart, dataEnd)`, RSTn markers included. */
  dataStart: number;
  dataEnd: number;
  restartInterval: number;
  dcSpecs: Array<HuffmanSpec | undefined>;
  acSpecs: Array<HuffmanSpec | undefined>;
  quantTables: Array<Uint16Array | undefined>;
}

/** The parsed structure of a JPEG stream. */
export interface JpegStream {
  /** SOF marker code minus 0xC0: 0 baseline, 1 extended, 2 progressive, 3 lossless, 9–11 arithmetic … */
  process: number;
  precision: number;
  width: number;
  height: number;
  components: JpegComponent[];
  scans: JpegScan[];
  /** A JFIF APP0 marker is present (libjpeg then takes three components as YCbCr). */
  jfif: boolean;
  /** Adobe APP14 transform flag, when that marker is present. */
  adobeTransform: number | undefined;
  /** An EOI marker was found (possibly followed by padding). */
  endsWithEoi: boolean;
}

/** Thrown by the parser; the caller turns it into a `DecodeError` with its transfer syntax. */
export class JpegFormatError extends Error {
  constructor(
    readonly truncated: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** Zig-zag position → natural (row-major) position of the 64 coefficients of a block. */
export const NATURAL_ORDER = Uint8Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
]);

/** Parses the markers of `bytes`, which must start with SOI. */
export function parseJpeg(bytes: Uint8Array): JpegStream {
  const length = bytes.length;
  if (length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) {
    throw new JpegFormatError(false, 'no SOI marker at the start');
  }
  const dcSpecs: Array<HuffmanSpec | undefined> = [];
  const acSpecs: Array<HuffmanSpec | undefined> = [];
  const quantTables: Array<Uint16Array | undefined> = [];
  const stream: JpegStream = {
    process: -1,
    precision: 0,
    width: 0,
    height: 0,
    components: [],
    scans: [],
    jfif: false,
    adobeTransform: undefined,
    endsWithEoi: false,
  };
  let restartInterval = 0;
  let pos = 2;
  const u16 = (at: number): number => ((bytes[at] as number) << 8) | (bytes[at + 1] as number);

  while (pos < length) {
    if (bytes[pos] !== 0xff) throw new JpegFormatError(false, `marker expected at offset ${pos}`);
    while (pos < length && bytes[pos] === 0xff) pos++; // fill bytes
    if (pos >= length) break;
    const marker = bytes[pos++] as number;
    if (marker === 0xd9) {
      stream.endsWithEoi = true;
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // stray RSTn, TEM
    if (pos + 2 > length) throw new JpegFormatError(true, `marker 0xFF${hex(marker)} has no length`);
    const segmentLength = u16(pos);
    const end = pos + segmentLength;
    if (segmentLength < 2)
      throw new JpegFormatError(false, `marker 0xFF${hex(marker)} length ${segmentLength}`);
    if (end > length) throw new JpegFormatError(true, `marker 0xFF${hex(marker)} runs past the end`);
    const body = pos + 2;

    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (stream.process >= 0) throw new JpegFormatError(false, 'more than one frame header');
      stream.process = marker - 0xc0;
      stream.precision = bytes[body] as number;
      stream.height = u16(body + 1);
      stream.width = u16(body + 3);
      const count = bytes[body + 5] as number;
      if (segmentLength !== 8 + 3 * count) throw new JpegFormatError(false, 'frame header length mismatch');
      for (let c = 0; c < count; c++) {
        const at = body + 6 + 3 * c;
        const sampling = bytes[at + 1] as number;
        stream.components.push({
          id: bytes[at] as number,
          h: sampling >> 4,
          v: sampling & 15,
          quantTable: bytes[at + 2] as number,
        });
      }
    } else if (marker === 0xc4) {
      let at = body;
      while (at < end) {
        const tcTh = bytes[at] as number;
        if (at + 17 > end) throw new JpegFormatError(false, 'DHT segment too short');
        const counts = bytes.slice(at + 1, at + 17);
        let total = 0;
        for (const n of counts) total += n;
        if (at + 17 + total > end || total > 256)
          throw new JpegFormatError(false, 'DHT symbols run past segment');
        const spec = { counts, symbols: bytes.slice(at + 17, at + 17 + total) };
        if ((tcTh & 15) > 3) throw new JpegFormatError(false, `Huffman table id ${tcTh & 15}`);
        (tcTh >> 4 === 0 ? dcSpecs : acSpecs)[tcTh & 15] = spec;
        at += 17 + total;
      }
    } else if (marker === 0xdb) {
      let at = body;
      while (at < end) {
        const pqTq = bytes[at] as number;
        const wide = pqTq >> 4 === 1;
        const size = wide ? 128 : 64;
        if (at + 1 + size > end || (pqTq & 15) > 3) throw new JpegFormatError(false, 'bad DQT segment');
        const table = new Uint16Array(64);
        for (let i = 0; i < 64; i++) {
          table[NATURAL_ORDER[i] as number] = wide ? u16(at + 1 + 2 * i) : (bytes[at + 1 + i] as number);
        }
        quantTables[pqTq & 15] = table;
        at += 1 + size;
      }
    } else if (marker === 0xdd) {
      restartInterval = u16(body);
    } else if (marker === 0xda) {
      pos = readScan(bytes, body, end, stream, {
        dcSpecs,
        acSpecs,
        quantTables,
        restartInterval,
      });
      continue;
    } else if (marker === 0xe0) {
      if (segmentLength >= 7 && ascii(bytes, body, 5) === 'JFIF\0') stream.jfif = true;
    } else if (marker === 0xee) {
      if (segmentLength >= 14 && ascii(bytes, body, 5) === 'Adobe')
        stream.adobeTransform = bytes[body + 11] as number;
    } else if (marker === 0xdc) {
      throw new JpegFormatError(false, 'DNL marker (height defined after the first scan) is not supported');
    }
    pos = end;
  }
  if (stream.process < 0) throw new JpegFormatError(true, 'no frame header (SOFn)');
  if (stream.scans.length === 0) throw new JpegFormatError(true, 'no scan (SOS)');
  return stream;
}

/** Records the scan whose header is `bytes[body, end)` and returns the offset of the next marker. */
function readScan(
  bytes: Uint8Array,
  body: number,
  end: number,
  stream: JpegStream,
  tables: Pick<JpegScan, 'dcSpecs' | 'acSpecs' | 'quantTables' | 'restartInterval'>,
): number {
  if (stream.process < 0) throw new JpegFormatError(false, 'scan before frame header');
  const count = bytes[body] as number;
  if (count < 1 || count > 4 || end - body !== 4 + 2 * count)
    throw new JpegFormatError(false, 'bad SOS header');
  const components: number[] = [];
  const dcTables: number[] = [];
  const acTables: number[] = [];
  for (let c = 0; c < count; c++) {
    const id = bytes[body + 1 + 2 * c] as number;
    const index = stream.components.findIndex((component) => component.id === id);
    if (index < 0 || components.includes(index))
      throw new JpegFormatError(false, `scan names unknown component ${id}`);
    components.push(index);
    const tables = bytes[body + 2 + 2 * c] as number;
    dcTables.push(tables >> 4);
    acTables.push(tables & 15);
  }
  const at = body + 1 + 2 * count;
  const approximation = bytes[at + 2] as number;
  // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor RSTn.
  let pos = end;
  const length = bytes.length;
  while (pos < length) {
    if (bytes[pos] === 0xff && pos + 1 < length) {
      const next = bytes[pos + 1] as number;
      if (next !== 0 && next !== 0xff && (next < 0xd0 || next > 0xd7)) break;
    }
    pos++;
  }
  stream.scans.push({
    components,
    dcTables,
    acTables,
    ss: bytes[at] as number,
    se: bytes[at + 1] as number,
    ah: approximation >> 4,
    al: approximation & 15,
    dataStart: end,
    dataEnd: pos,
    restartInterval: tables.restartInterval,
    dcSpecs: [...tables.dcSpecs],
    acSpecs: [...tables.acSpecs],
    quantTables: [...tables.quantTables],
  });
  return pos;
}

function ascii(bytes: Uint8Array, at: number, count: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + count));
}

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
