/**
 * Turns the bytes of one element value into its DICOM JSON form (PS3.18 F.2): strings split on
 * `\` and trimmed, DS/IS as numbers, PN as `{ Alphabetic, Ideographic, Phonetic }`, binary
 * numbers as numbers, AT as `GGGGEEEE`, and opaque VRs (OB, OW, …) as little-endian `bytes`.
 */
import type { CharacterSetDecoder } from '../charset/character-set.js';
import type { DicomJsonAttribute } from '../dicom-json/dicom-json.js';
import { isBinaryVr, wordSize } from './value-representation.js';

/** VRs with a single value in which `\` is an ordinary character. */
const SINGLE_VALUED_TEXT = new Set(['LT', 'ST', 'UT', 'UR']);
/** VRs whose leading spaces are insignificant too (PS3.5 6.2). */
const TRIM_BOTH = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'SH', 'TM', 'UI', 'PN', 'UC']);

/**
 * Decodes `bytes` (the value of an element of VR `vr`) into a DICOM JSON attribute. `bytes` may be
 * a view into the file; binary values of big-endian files are copied and swapped to little endian.
 */
export function decodeElementValue(
  vr: string,
  bytes: Uint8Array,
  littleEndian: boolean,
  charset: CharacterSetDecoder,
): DicomJsonAttribute {
  if (bytes.length === 0) return { vr };
  if (isBinaryVr(vr)) {
    return { vr, bytes: littleEndian ? bytes : swapBytes(bytes, wordSize(vr)) };
  }
  const size = vr === 'AT' ? 4 : wordSize(vr);
  if (size > 0) return { vr, Value: readNumbers(vr, bytes, littleEndian, size) };
  const text = charset.decode(bytes, vr);
  if (SINGLE_VALUED_TEXT.has(vr)) {
    const value = vr === 'UR' ? text.trim() : text.replace(/[\s\0]+$/, '');
    return value === '' ? { vr } : { vr, Value: [value] };
  }
  const parts = text.split('\\').map((part) => trimValue(part, vr));
  if (parts.every((part) => part === '')) return { vr };
  if (vr === 'PN') return { vr, Value: parts.map(personName) };
  if (vr === 'DS' || vr === 'IS') return { vr, Value: parts.map(numberOrNull) };
  return { vr, Value: parts.map((part) => (part === '' ? null : part)) };
}

function trimValue(value: string, vr: string): string {
  const end = value.replace(/[ \0]+$/, '');
  return TRIM_BOTH.has(vr) ? end.replace(/^ +/, '') : end;
}

function numberOrNull(text: string): number | string | null {
  if (text === '') return null;
  const value = Number(text);
  // A malformed DS/IS is kept as written rather than silently becoming NaN.
  return Number.isFinite(value) ? value : text;
}

function personName(text: string): { Alphabetic?: string; Ideographic?: string; Phonetic?: string } | null {
  if (text === '') return null;
  const [alphabetic, ideographic, phonetic] = text.split('=');
  const name: { Alphabetic?: string; Ideographic?: string; Phonetic?: string } = {};
  if (alphabetic) name.Alphabetic = alphabetic;
  if (ideographic) name.Ideographic = ideographic;
  if (phonetic) name.Phonetic = phonetic;
  return name;
}

function readNumbers(vr: string, bytes: Uint8Array, littleEndian: boolean, size: number): unknown[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.floor(bytes.length / size);
  const values: unknown[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const at = i * size;
    switch (vr) {
      case 'US':
        values[i] = view.getUint16(at, littleEndian);
        break;
      case 'SS':
        values[i] = view.getInt16(at, littleEndian);
        break;
      case 'UL':
        values[i] = view.getUint32(at, littleEndian);
        break;
      case 'SL':
        values[i] = view.getInt32(at, littleEndian);
        break;
      case 'FL':
        values[i] = view.getFloat32(at, littleEndian);
        break;
      case 'FD':
        values[i] = view.getFloat64(at, littleEndian);
        break;
      case 'SV':
        values[i] = Number(view.getBigInt64(at, littleEndian));
        break;
      case 'UV':
        values[i] = Number(view.getBigUint64(at, littleEndian));
        break;
      default: {
        // AT: group then element, each 16-bit.
        const group = view.getUint16(at, littleEndian);
        const element = view.getUint16(at + 2, littleEndian);
        values[i] = ((group << 16) | element).toString(16).toUpperCase().padStart(8, '0');
      }
    }
  }
  return values;
}

/** A copy of `bytes` with every `size`-byte word reversed (big ↔ little endian); a plain copy for size ≤ 1. */
export function swapBytes(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  if (size <= 1) {
    out.set(bytes);
    return out;
  }
  const whole = bytes.length - (bytes.length % size);
  for (let i = 0; i < whole; i += size) {
    for (let j = 0; j < size; j++) out[i + j] = bytes[i + size - 1 - j] as number;
  }
  out.set(bytes.subarray(whole), whole);
  return out;
}
