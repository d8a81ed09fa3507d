/**
 * Reads the elements of a DICOM data set (PS3.5 7) from bytes into the DICOM JSON model, in any of
 * the three uncompressed encodings: implicit VR little endian, explicit VR little and big endian.
 * Sequences of defined and undefined length, nested to any sane depth; UN elements of known tags
 * re-read with their dictionary VR; top-level Pixel Data is located, not copied (see
 * {@link PixelDataElement}). Every malformed length ends in a {@link DicomParseError}.
 */
import { CharacterSetDecoder } from '../charset/character-set.js';
import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { DicomParseError } from '../errors/dicom-parse-error.js';
import { decodeElementValue } from './element-value.js';
import {
  DOUBLE_FLOAT_PIXEL_DATA,
  FLOAT_PIXEL_DATA,
  ITEM,
  ITEM_DELIMITER,
  PIXEL_DATA,
  PIXEL_REPRESENTATION,
  SEQUENCE_DELIMITER,
  SPECIFIC_CHARACTER_SET,
  tagHex,
} from './tag.js';
import { hasLongLength, implicitVr, isKnownVr } from './value-representation.js';

const UNDEFINED_LENGTH = 0xffffffff;
const MAX_DEPTH = 32;

/** One item of encapsulated Pixel Data: the byte range of its value in the read buffer. */
export interface PixelItem {
  /** Offset of the item's (FFFE,E000) tag in the buffer. */
  tagOffset: number;
  /** Offset of the item's value. */
  offset: number;
  /** Length of the item's value in bytes. */
  length: number;
}

/** Where top-level (7FE0,0010), (7FE0,0008) or (7FE0,0009) lies in the buffer. */
export interface PixelDataElement {
  /** `7FE00010`, `7FE00008` or `7FE00009`. */
  tag: string;
  /** OB or OW (native or encapsulated), OF, OD. */
  vr: string;
  /** Native: offset of the value. Encapsulated: offset of the first item tag. */
  offset: number;
  /** Native: bytes present (may be less than `declaredLength` in a truncated file). */
  length: number;
  /** Native: the element's length field. Encapsulated: undefined length (0xFFFFFFFF). */
  declaredLength: number;
  /** Encapsulated only: the basic offset table item, then one item per fragment. */
  items?: PixelItem[];
}

/** How the data set is encoded. */
export interface ReadEncoding {
  explicitVr: boolean;
  littleEndian: boolean;
}

/** The result of {@link readDataSet}. */
export interface DataSetReadResult {
  dataset: DicomJsonDataset;
  pixelData: PixelDataElement | undefined;
}

/**
 * Reads every element from `start` to the end of `bytes`. Group length elements (gggg,0000) are
 * dropped, as DICOM JSON does. `untilGroup` stops before the first element of a greater group
 * (used for the file meta information, group 0002).
 */
export function readDataSet(
  bytes: Uint8Array,
  start: number,
  encoding: ReadEncoding,
  options: { untilGroup?: number; charset?: CharacterSetDecoder } = {},
): DataSetReadResult & { end: number } {
  const reader = new Reader(bytes, encoding);
  const dataset: DicomJsonDataset = {};
  const charset = options.charset ?? new CharacterSetDecoder();
  const end = reader.readItem(dataset, start, bytes.length, 0, charset, options.untilGroup);
  return { dataset, pixelData: reader.pixelData, end };
}

class Reader {
  readonly view: DataView;
  readonly bytes: Uint8Array;
  encoding: ReadEncoding;
  pixelData: PixelDataElement | undefined;
  signedPixels = false;

  constructor(bytes: Uint8Array, encoding: ReadEncoding) {
    this.bytes = bytes;
    this.encoding = encoding;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Reads elements into `dataset` from `offset` up to `end` (or an item delimiter); returns where it stopped. */
  readItem(
    dataset: DicomJsonDataset,
    offset: number,
    end: number,
    depth: number,
    inherited: CharacterSetDecoder,
    untilGroup?: number,
  ): number {
    if (depth > MAX_DEPTH)
      throw new DicomParseError('DICOM_MALFORMED', 'Sequences nested too deep', { offset });
    let charset = inherited;
    let at = offset;
    while (at < end) {
      if (depth === 0 && end - at < 8 && this.bytes.subarray(at, end).every((byte) => byte === 0)) return end;
      const tag = this.#tag(at, end);
      if (untilGroup !== undefined && tag >>> 16 > untilGroup) return at;
      if (tag === ITEM_DELIMITER) return at + 8;
      if (tag === SEQUENCE_DELIMITER) {
        // A stray sequence delimiter at data set level: skip it, as dcmtk and pydicom do.
        at += 8;
        continue;
      }
      const header = this.#header(at, end, tag);
      const key = tagHex(tag);
      at = header.valueOffset;
      if (
        depth === 0 &&
        (tag === PIXEL_DATA || tag === FLOAT_PIXEL_DATA || tag === DOUBLE_FLOAT_PIXEL_DATA)
      ) {
        at = this.#pixelData(key, header.vr, at, header.length, end);
        continue;
      }
      if (header.length === UNDEFINED_LENGTH) {
        if (header.vr === 'SQ' || header.vr === 'UN') {
          // UN of undefined length holds a sequence in implicit VR little endian (PS3.5 6.2.2).
          const items: DicomJsonDataset[] = [];
          at = this.#withEncoding(header.vr === 'UN', () =>
            this.#sequence(at, end, undefined, depth, charset, items),
          );
          dataset[key] = { vr: 'SQ', Value: items };
          continue;
        }
        if (header.vr === 'OB' || header.vr === 'OW') {
          // Encapsulated pixel data inside a sequence (an icon image): skip its fragments.
          at = this.#skipFragments(at, end, key);
          continue;
        }
        throw new DicomParseError('DICOM_BAD_LENGTH', `Undefined length on a ${header.vr} element`, {
          tag: key,
          offset: at,
        });
      }
      if (header.vr === 'UN' && implicitVr(key) === 'SQ') {
        // A known sequence sent as UN with a defined length: its items are implicit VR little endian.
        const valueEnd = at + header.length;
        if (valueEnd > end)
          throw new DicomParseError('DICOM_TRUNCATED', 'Sequence runs past the end', {
            tag: key,
            offset: at,
          });
        const items: DicomJsonDataset[] = [];
        this.#withEncoding(true, () => this.#sequence(at, valueEnd, valueEnd, depth, charset, items));
        dataset[key] = { vr: 'SQ', Value: items };
        at = valueEnd;
        continue;
      }
      const valueEnd = at + header.length;
      if (valueEnd > end) {
        throw new DicomParseError(
          'DICOM_TRUNCATED',
          `Value of ${header.length} bytes runs past the end of the data`,
          {
            tag: key,
            offset: at,
          },
        );
      }
      if (header.vr === 'SQ') {
        const items: DicomJsonDataset[] = [];
        this.#sequence(at, valueEnd, valueEnd, depth, charset, items);
        dataset[key] = { vr: 'SQ', Value: items };
      } else if ((tag & 0xffff) !== 0) {
        const attribute = this.#value(key, header.vr, at, valueEnd, charset);
        dataset[key] = attribute;
        if (tag === SPECIFIC_CHARACTER_SET) {
          charset = new CharacterSetDecoder(
            (attribute.Value ?? []).map((term) => (typeof term === 'string' ? term : '')),
          );
        } else if (tag === PIXEL_REPRESENTATION && depth === 0) {
          this.signedPixels = attribute.Value?.[0] === 1;
        }
      }
      at = valueEnd;
    }
    return at;
  }

  #value(key: string, vr: string, start: number, end: number, charset: CharacterSetDecoder) {
    const value = this.bytes.subarray(start, end);
    if (vr === 'UN') {
      // Known tags sent as UN (by a node that did not know them) carry implicit little endian values.
      const known = implicitVr(key, this.signedPixels);
      if (known !== 'UN' && known !== 'SQ') return decodeElementValue(known, value, true, charset);
    }
    return decodeElementValue(vr, value, this.encoding.littleEndian, charset);
  }

  /** Reads items of a sequence from `offset` until `end` (defined length) or a sequence delimiter. */
  #sequence(
    offset: number,
    end: number,
    definedEnd: number | undefined,
    depth: number,
    charset: CharacterSetDecoder,
    items: DicomJsonDataset[],
  ): number {
    let at = offset;
    while (at < end) {
      const tag = this.#tag(at, end);
      if (tag === SEQUENCE_DELIMITER) return at + 8;
      if (tag !== ITEM) {
        throw new DicomParseError('DICOM_MALFORMED', 'Expected an item (FFFE,E000) in a sequence', {
          tag: tagHex(tag),
          offset: at,
        });
      }
      const length = this.view.getUint32(at + 4, this.encoding.littleEndian);
      const itemStart = at + 8;
      const itemEnd = length === UNDEFINED_LENGTH ? end : itemStart + length;
      if (itemEnd > end)
        throw new DicomParseError('DICOM_TRUNCATED', 'Item runs past its sequence', { offset: at });
      const item: DicomJsonDataset = {};
      items.push(item);
      at = this.readItem(item, itemStart, itemEnd, depth + 1, charset);
      if (length !== UNDEFINED_LENGTH) at = itemEnd;
    }
    if (definedEnd === undefined) {
      throw new DicomParseError('DICOM_TRUNCATED', 'Sequence of undefined length has no delimiter', {
        offset: at,
      });
    }
    return at;
  }

  #pixelData(key: string, vr: string, at: number, length: number, end: number): number {
    if (length !== UNDEFINED_LENGTH) {
      const present = Math.min(length, end - at);
      this.pixelData = { tag: key, vr, offset: at, length: present, declaredLength: length };
      return at + present;
    }
    const items: PixelItem[] = [];
    let cursor = at;
    for (;;) {
      if (cursor + 8 > end)
        throw new DicomParseError('DICOM_TRUNCATED', 'Encapsulated pixel data has no sequence delimiter', {
          tag: key,
          offset: cursor,
        });
      const tag = this.#tag(cursor, end);
      const itemLength = this.view.getUint32(cursor + 4, this.encoding.littleEndian);
      if (tag === SEQUENCE_DELIMITER) {
        cursor += 8;
        break;
      }
      if (tag !== ITEM || itemLength === UNDEFINED_LENGTH) {
        throw new DicomParseError('DICOM_MALFORMED', 'Expected a fragment item in encapsulated pixel data', {
          tag: tagHex(tag),
          offset: cursor,
        });
      }
      if (cursor + 8 + itemLength > end) {
        throw new DicomParseError('DICOM_TRUNCATED', `Fragment of ${itemLength} bytes runs past the end`, {
          tag: key,
          offset: cursor,
        });
      }
      items.push({ tagOffset: cursor, offset: cursor + 8, length: itemLength });
      cursor += 8 + itemLength;
    }
    this.pixelData = {
      tag: key,
      vr,
      offset: at,
      length: cursor - at,
      declaredLength: UNDEFINED_LENGTH,
      items,
    };
    return cursor;
  }

  #skipFragments(at: number, end: number, key: string): number {
    let cursor = at;
    while (cursor + 8 <= end) {
      const tag = this.#tag(cursor, end);
      const length = this.view.getUint32(cursor + 4, this.encoding.littleEndian);
      if (tag === SEQUENCE_DELIMITER) return cursor + 8;
      if (tag !== ITEM || length === UNDEFINED_LENGTH) break;
      cursor += 8 + length;
    }
    throw new DicomParseError('DICOM_MALFORMED', 'Encapsulated value without a sequence delimiter', {
      tag: key,
      offset: cursor,
    });
  }

  #withEncoding<T>(implicitLittle: boolean, body: () => T): T {
    if (!implicitLittle) return body();
    const saved = this.encoding;
    this.encoding = { explicitVr: false, littleEndian: true };
    try {
      return body();
    } finally {
      this.encoding = saved;
    }
  }

  #tag(at: number, end: number): number {
    if (at + 8 > end)
      throw new DicomParseError('DICOM_TRUNCATED', 'Data ends inside an element header', { offset: at });
    const little = this.encoding.littleEndian;
    return ((this.view.getUint16(at, little) << 16) | this.view.getUint16(at + 2, little)) >>> 0;
  }

  #header(at: number, end: number, tag: number): { vr: string; length: number; valueOffset: number } {
    const little = this.encoding.littleEndian;
    if (!this.encoding.explicitVr) {
      return {
        vr: implicitVr(tagHex(tag), this.signedPixels),
        length: this.view.getUint32(at + 4, little),
        valueOffset: at + 8,
      };
    }
    const vr = String.fromCharCode(this.bytes[at + 4] as number, this.bytes[at + 5] as number);
    if (!isKnownVr(vr)) {
      throw new DicomParseError('DICOM_MALFORMED', 'Unknown value representation in an explicit VR header', {
        tag: tagHex(tag),
        offset: at,
      });
    }
    if (hasLongLength(vr)) {
      if (at + 12 > end)
        throw new DicomParseError('DICOM_TRUNCATED', 'Data ends inside an element header', { offset: at });
      return { vr, length: this.view.getUint32(at + 8, little), valueOffset: at + 12 };
    }
    return { vr, length: this.view.getUint16(at + 6, little), valueOffset: at + 8 };
  }
}
