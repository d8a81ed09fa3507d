/**
 * A tiny DICOM writer for tests: builds explicit/implicit VR little endian (or explicit big
 * endian) elements, sequences and encapsulated pixel data byte by byte, so tests can craft exactly
 * the malformed or unusual files they need. Not shipped (excluded from the build).
 */

export type Bytes = Uint8Array;

const encoder = new TextEncoder();
const LONG = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

export function concat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function u16(value: number, little = true): Bytes {
  const out = new Uint8Array(2);
  new DataView(out.buffer).setUint16(0, value, little);
  return out;
}

export function u32(value: number, little = true): Bytes {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, little);
  return out;
}

/** Text padded to even length with a space (UI: NUL). */
export function text(value: string, vr = 'LO'): Bytes {
  const bytes = encoder.encode(value);
  return bytes.length % 2 === 0 ? bytes : concat(bytes, new Uint8Array([vr === 'UI' ? 0 : 0x20]));
}

export function us(...values: number[]): Bytes {
  return concat(...values.map((value) => u16(value)));
}

export interface Encoding {
  explicit?: boolean;
  little?: boolean;
}

/** One element; `length` overrides the length field (0xFFFFFFFF for undefined length). */
export function element(
  tag: number,
  vr: string,
  value: Bytes,
  encoding: Encoding = {},
  length?: number,
): Bytes {
  const { explicit = true, little = true } = encoding;
  const header = concat(u16(tag >>> 16, little), u16(tag & 0xffff, little));
  const size = length ?? value.length;
  if (!explicit) return concat(header, u32(size, little), value);
  if (LONG.has(vr)) return concat(header, encoder.encode(vr), new Uint8Array(2), u32(size, little), value);
  return concat(header, encoder.encode(vr), u16(size, little), value);
}

/** An item (FFFE,E000) with defined length, or undefined length plus an item delimiter. */
export function item(content: Bytes, undefinedLength = false, little = true): Bytes {
  const tag = concat(u16(0xfffe, little), u16(0xe000, little));
  if (!undefinedLength) return concat(tag, u32(content.length, little), content);
  return concat(
    tag,
    u32(0xffffffff, little),
    content,
    u16(0xfffe, little),
    u16(0xe00d, little),
    u32(0, little),
  );
}

/** A sequence of items, of defined or undefined length. */
export function sequence(
  tag: number,
  items: Bytes[],
  undefinedLength = false,
  encoding: Encoding = {},
): Bytes {
  const little = encoding.little ?? true;
  const body = concat(...items);
  if (!undefinedLength) return element(tag, 'SQ', body, encoding);
  const delimiter = concat(u16(0xfffe, little), u16(0xe0dd, little), u32(0, little));
  return element(tag, 'SQ', concat(body, delimiter), encoding, 0xffffffff);
}

/** Encapsulated Pixel Data: a basic offset table item, then one item per fragment, then the delimiter. */
export function encapsulatedPixelData(table: number[], fragments: Bytes[], vr = 'OB'): Bytes {
  const items = [
    item(concat(...table.map((offset) => u32(offset)))),
    ...fragments.map((fragment) => item(fragment)),
  ];
  const delimiter = concat(u16(0xfffe), u16(0xe0dd), u32(0));
  return element(0x7fe00010, vr, concat(...items, delimiter), {}, 0xffffffff);
}

/** A Part 10 file: preamble, DICM, file meta (explicit VR LE) naming `transferSyntax`, then `body`. */
export function part10(transferSyntax: string, body: Bytes): Bytes {
  const meta = concat(
    element(0x00020001, 'OB', new Uint8Array([0, 1])),
    element(0x00020002, 'UI', text('1.2.840.10008.5.1.4.1.1.7', 'UI')),
    element(0x00020003, 'UI', text('1.2.3.4', 'UI')),
    element(0x00020010, 'UI', text(transferSyntax, 'UI')),
  );
  return concat(
    new Uint8Array(128),
    encoder.encode('DICM'),
    element(0x00020000, 'UL', u32(meta.length)),
    meta,
    body,
  );
}

/** The image pixel module for `rows` × `columns`, `bits` allocated, `frames` frames, monochrome. */
export function imagePixel(
  rows: number,
  columns: number,
  bits: number,
  frames = 1,
  encoding: Encoding = {},
): Bytes {
  const little = encoding.little ?? true;
  const usv = (value: number) => u16(value, little);
  return concat(
    element(0x00280002, 'US', usv(1), encoding),
    element(0x00280004, 'CS', text('MONOCHROME2'), encoding),
    element(0x00280008, 'IS', text(String(frames)), encoding),
    element(0x00280010, 'US', usv(rows), encoding),
    element(0x00280011, 'US', usv(columns), encoding),
    element(0x00280100, 'US', usv(bits), encoding),
    element(0x00280101, 'US', usv(bits), encoding),
    element(0x00280102, 'US', usv(bits - 1), encoding),
    element(0x00280103, 'US', usv(0), encoding),
  );
}
