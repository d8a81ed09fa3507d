import { type HuffmanSpec, JpegFormatError } from './jpeg-markers.js';

const LOOKAHEAD = 9;

/**
 * A Huffman table ready for decoding, derived as ISO 10918-1 Annex C / F.2.2.3 (and libjpeg's
 * `jpeg_make_d_derived_tbl`): a 9-bit lookahead table for short codes, `maxCode`/`valueOffset`
 * for the rest.
 */
export interface HuffmanTable {
  /** `(length << 8) | symbol` for codes of up to 9 bits, indexed by the next 9 bits; 0 if longer. */
  lookahead: Uint16Array;
  maxCode: Int32Array;
  valueOffset: Int32Array;
  symbols: Uint8Array;
}

/** Builds the decoding table for a DHT specification. */
export function buildHuffmanTable(spec: HuffmanSpec): HuffmanTable {
  const sizes: number[] = [];
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < (spec.counts[length - 1] as number); i++) sizes.push(length);
  }
  const codes = new Int32Array(sizes.length);
  let code = 0;
  let size = sizes[0] ?? 0;
  let p = 0;
  while (p < sizes.length) {
    while (sizes[p] === size) codes[p++] = code++;
    if (code >= 1 << size) throw new JpegFormatError(false, 'bad Huffman table (codes overflow)');
    code <<= 1;
    size++;
  }
  const maxCode = new Int32Array(18).fill(-1);
  const valueOffset = new Int32Array(18);
  p = 0;
  for (let length = 1; length <= 16; length++) {
    const count = spec.counts[length - 1] as number;
    if (count) {
      valueOffset[length] = p - (codes[p] as number);
      p += count;
      maxCode[length] = codes[p - 1] as number;
    }
  }
  maxCode[17] = 0xfffff;
  const lookahead = new Uint16Array(1 << LOOKAHEAD);
  for (let i = 0; i < sizes.length; i++) {
    const length = sizes[i] as number;
    if (length > LOOKAHEAD) continue;
    const first = (codes[i] as number) << (LOOKAHEAD - length);
    const entry = (length << 8) | (spec.symbols[i] as number);
    lookahead.fill(entry, first, first + (1 << (LOOKAHEAD - length)));
  }
  return { lookahead, maxCode, valueOffset, symbols: spec.symbols };
}

/**
 * Reads entropy-coded JPEG data: removes 0xFF00 stuffing, stops at markers. Past a marker it feeds
 * zero bits as libjpeg does (so lookahead can run past the last byte), but consuming any of them
 * means the data ended early, which `checkOverrun` reports.
 */
export class BitReader {
  private pos: number;
  private buffer = 0;
  private count = 0;
  private zeroBits = 0;
  private atMarker = false;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  private fill(): void {
    while (this.count <= 24) {
      let byte = 0;
      if (!this.atMarker && this.pos < this.end) {
        byte = this.bytes[this.pos] as number;
        if (byte === 0xff) {
          const next = this.pos + 1 < this.end ? (this.bytes[this.pos + 1] as number) : -1;
          if (next === 0) {
            this.pos += 2;
          } else {
            this.atMarker = true;
            byte = 0;
            this.zeroBits += 8;
          }
        } else {
          this.pos++;
        }
      } else {
        this.atMarker = true;
        this.zeroBits += 8;
      }
      this.buffer = ((this.buffer << 8) | byte) >>> 0;
      this.count += 8;
    }
  }

  /** Reads `n` (0…16) bits as an unsigned number. */
  bits(n: number): number {
    if (n === 0) return 0;
    if (this.count < n) this.fill();
    this.count -= n;
    return (this.buffer >>> this.count) & ((1 << n) - 1);
  }

  /** Reads one bit. */
  bit(): number {
    if (this.count < 1) this.fill();
    this.count--;
    return (this.buffer >>> this.count) & 1;
  }

  /** Decodes one Huffman symbol. */
  decode(table: HuffmanTable): number {
    if (this.count < 16) this.fill();
    const peek = (this.buffer >>> (this.count - LOOKAHEAD)) & ((1 << LOOKAHEAD) - 1);
    const entry = table.lookahead[peek] as number;
    if (entry !== 0) {
      this.count -= entry >> 8;
      return entry & 0xff;
    }
    let length = LOOKAHEAD + 1;
    let code = (this.buffer >>> (this.count - length)) & ((1 << length) - 1);
    while (length <= 16 && code > (table.maxCode[length] as number)) {
      length++;
      code = (this.buffer >>> (this.count - length)) & ((1 << length) - 1);
    }
    if (length > 16) throw new JpegFormatError(false, 'bad Huffman code in entropy-coded data');
    this.count -= length;
    return table.symbols[code + (table.valueOffset[length] as number)] ?? 0;
  }

  /** Reads an `s`-bit magnitude and extends it to a signed value (ISO 10918-1 F.2.2.1 EXTEND). */
  receiveExtend(s: number): number {
    if (s === 0) return 0;
    const value = this.bits(s);
    return value < 1 << (s - 1) ? value - (1 << s) + 1 : value;
  }

  /** Throws when the decode consumed bits that were not in the data (premature end). */
  checkOverrun(): void {
    if (this.zeroBits > this.count) throw new JpegFormatError(true, 'entropy-coded data ends early');
  }

  /** Skips to the expected RSTn marker after a restart interval and resets the bit buffer. */
  restart(expected: number): void {
    this.checkOverrun();
    this.count = 0;
    this.buffer = 0;
    this.zeroBits = 0;
    this.atMarker = false;
    // Padding bits of the last byte were dropped with the buffer; find the marker itself.
    while (this.pos < this.end && this.bytes[this.pos] !== 0xff) this.pos++;
    while (this.pos + 1 < this.end && this.bytes[this.pos + 1] === 0xff) this.pos++;
    const marker = this.pos + 1 < this.end ? this.bytes[this.pos + 1] : -1;
    if (marker !== 0xd0 + (expected & 7)) {
      throw new JpegFormatError(this.pos + 1 >= this.end, `RST${expected & 7} marker missing`);
    }
    this.pos += 2;
  }
}
