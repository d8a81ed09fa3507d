/**
 * A minimal DICOM Part 10 writer (explicit VR little endian, one grey frame) for tests that feed
 * dcmtk's renderer the same pixels as ours. Only what those tests need; not a general encoder.
 */

/** What to write: the Image Pixel module plus optional Modality and VOI LUTs. */
export interface Part10Image {
  rows: number;
  columns: number;
  /** Stored values: Int16Array → signed 16-bit, Uint16Array → unsigned 16-bit. */
  pixels: Int16Array | Uint16Array;
  photometricInterpretation: 'MONOCHROME1' | 'MONOCHROME2';
  rescale?: { slope: string; intercept: string };
  modalityLut?: { firstValueMapped: number; bits: number; data: Uint16Array };
  voiLut?: { firstValueMapped: number; bits: number; data: Uint16Array };
}

const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT']);

class Writer {
  readonly #chunks: Uint8Array[] = [];

  element(group: number, element: number, vr: string, value: Uint8Array): void {
    const padded = value.length % 2 === 0 ? value : concat([value, new Uint8Array([vr === 'UI' ? 0 : 0x20])]);
    const long = LONG_VRS.has(vr);
    const header = new DataView(new ArrayBuffer(long ? 12 : 8));
    header.setUint16(0, group, true);
    header.setUint16(2, element, true);
    header.setUint8(4, vr.charCodeAt(0));
    header.setUint8(5, vr.charCodeAt(1));
    if (long) header.setUint32(8, padded.length, true);
    else header.setUint16(6, padded.length, true);
    this.#chunks.push(new Uint8Array(header.buffer), padded);
  }

  text(group: number, element: number, vr: string, text: string): void {
    this.element(group, element, vr, new TextEncoder().encode(text));
  }

  us(group: number, element: number, ...values: number[]): void {
    this.element(group, element, 'US', words(Uint16Array.from(values)));
  }

  raw(bytes: Uint8Array): void {
    this.#chunks.push(bytes);
  }

  bytes(): Uint8Array {
    return concat(this.#chunks);
  }
}

/** Encodes the image as a Part 10 file (preamble, DICM, meta group, data set). */
export function part10(image: Part10Image): Uint8Array {
  const sopClass = '1.2.840.10008.5.1.4.1.1.7';
  const sopInstance = '2.25.1234567890';
  const meta = new Writer();
  meta.element(0x0002, 0x0001, 'OB', new Uint8Array([0, 1]));
  meta.text(0x0002, 0x0002, 'UI', sopClass);
  meta.text(0x0002, 0x0003, 'UI', sopInstance);
  meta.text(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1');
  const metaBytes = meta.bytes();
  const head = new Writer();
  head.element(0x0002, 0x0000, 'UL', new Uint8Array(new Uint32Array([metaBytes.length]).buffer));

  const data = new Writer();
  data.text(0x0008, 0x0016, 'UI', sopClass);
  data.text(0x0008, 0x0018, 'UI', sopInstance);
  data.us(0x0028, 0x0002, 1);
  data.text(0x0028, 0x0004, 'CS', image.photometricInterpretation);
  data.us(0x0028, 0x0010, image.rows);
  data.us(0x0028, 0x0011, image.columns);
  data.us(0x0028, 0x0100, 16);
  data.us(0x0028, 0x0101, 16);
  data.us(0x0028, 0x0102, 15);
  data.us(0x0028, 0x0103, image.pixels instanceof Int16Array ? 1 : 0);
  if (image.rescale) {
    data.text(0x0028, 0x1052, 'DS', image.rescale.intercept);
    data.text(0x0028, 0x1053, 'DS', image.rescale.slope);
  }
  if (image.modalityLut) lutSequence(data, 0x3000, image.modalityLut);
  if (image.voiLut) lutSequence(data, 0x3010, image.voiLut);
  data.element(0x7fe0, 0x0010, 'OW', words(image.pixels));

  return concat([
    new Uint8Array(128),
    new TextEncoder().encode('DICM'),
    head.bytes(),
    metaBytes,
    data.bytes(),
  ]);
}

/** A one-item LUT sequence of undefined length: (0028,3002) descriptor and (0028,3006) data. */
function lutSequence(
  writer: Writer,
  element: number,
  lut: { firstValueMapped: number; bits: number; data: Uint16Array },
): void {
  const item = new Writer();
  const descriptor = [lut.data.length === 65536 ? 0 : lut.data.length, lut.firstValueMapped, lut.bits];
  if (lut.firstValueMapped < 0) item.element(0x0028, 0x3002, 'SS', words(Int16Array.from(descriptor)));
  else item.element(0x0028, 0x3002, 'US', words(Uint16Array.from(descriptor)));
  item.element(0x0028, 0x3006, 'OW', words(lut.data));
  const sequence = new DataView(new ArrayBuffer(12));
  sequence.setUint16(0, 0x0028, true);
  sequence.setUint16(2, element, true);
  sequence.setUint8(4, 'S'.charCodeAt(0));
  sequence.setUint8(5, 'Q'.charCodeAt(0));
  sequence.setUint32(8, 0xffffffff, true);
  writer.raw(new Uint8Array(sequence.buffer));
  writer.raw(delimiter(0xe000, 0xffffffff));
  writer.raw(item.bytes());
  writer.raw(delimiter(0xe00d, 0));
  writer.raw(delimiter(0xe0dd, 0));
}

function delimiter(element: number, length: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, element, true);
  view.setUint32(4, length, true);
  return new Uint8Array(view.buffer);
}

/** Little-endian bytes of 16-bit words (the host is little-endian). */
function words(values: Int16Array | Uint16Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
