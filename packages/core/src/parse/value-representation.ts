/**
 * Value representations (PS3.5 6.2) grouped by how their values are encoded, and the VR of a tag
 * in implicit-VR data sets, where the file does not say.
 */
import { EXACT_VR_BY_GROUP, REPEATING_GROUP_VR } from './implicit-vr-dictionary.generated.js';

/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 7.1.2). */
const LONG_LENGTH = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** Binary VRs whose values are opaque bytes (InlineBinary / BulkDataURI in DICOM JSON). */
const BINARY = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN']);

/** Every VR PS3.5 defines; anything else in an explicit-VR header is a malformed file. */
const KNOWN = new Set([
  'AE',
  'AS',
  'AT',
  'CS',
  'DA',
  'DS',
  'DT',
  'FD',
  'FL',
  'IS',
  'LO',
  'LT',
  'OB',
  'OD',
  'OF',
  'OL',
  'OV',
  'OW',
  'PN',
  'SH',
  'SL',
  'SQ',
  'SS',
  'ST',
  'SV',
  'TM',
  'UC',
  'UI',
  'UL',
  'UN',
  'UR',
  'US',
  'UT',
  'UV',
]);

/** Byte size of one value of a fixed-size binary VR (numbers and AT), or 0 for others. */
const WORD_SIZE: Record<string, number> = {
  AT: 2,
  FD: 8,
  FL: 4,
  OD: 8,
  OF: 4,
  OL: 4,
  OV: 8,
  OW: 2,
  SL: 4,
  SS: 2,
  SV: 8,
  UL: 4,
  US: 2,
  UV: 8,
};

/** True if the VR uses the 4-byte length form in explicit VR encodings. */
export function hasLongLength(vr: string): boolean {
  return LONG_LENGTH.has(vr);
}

/** True for OB, OD, OF, OL, OV, OW and UN: opaque byte values. */
export function isBinaryVr(vr: string): boolean {
  return BINARY.has(vr);
}

/** True for the 34 VRs of PS3.5 6.2. */
export function isKnownVr(vr: string): boolean {
  return KNOWN.has(vr);
}

/** Bytes per value word, for byte-swapping big-endian values: 2 for US/SS/OW/AT, 4, 8; 0 for byte/text VRs. */
export function wordSize(vr: string): number {
  return WORD_SIZE[vr] ?? 0;
}

/**
 * The VR of `tag` (`GGGGEEEE`) from the DICOM dictionary, for implicit VR data sets. Ambiguous
 * entries resolve as the standard's implicit-VR rules do: `US or SS` to US (SS when the data set
 * is signed, except LUT descriptors), `OB or OW` to OW. Group lengths are UL; unknown and private
 * tags are UN. Item and delimiter tags never reach here.
 */
export function implicitVr(tag: string, signedPixels = false): string {
  if (tag.endsWith('0000')) return 'UL';
  const group = Number.parseInt(tag.slice(0, 4), 16);
  const element = Number.parseInt(tag.slice(4), 16);
  // Private creators (gggg,0010-00FF) of odd groups are LO by definition (PS3.5 7.8.1).
  if (group % 2 === 1) return element >= 0x10 && element <= 0xff ? 'LO' : 'UN';
  const vr = dictionaryVr(tag);
  if (!vr) return 'UN';
  // dcmjs spells the ambiguous VRs in lower case: ox = OB or OW, lt = US or OW (LUT Data), xs = US or SS.
  switch (vr) {
    case 'ox':
    case 'lt':
      return 'OW';
    case 'xs':
      return signedPixels && !/^00281(10[1-3])$|^00283002$/.test(tag) ? 'SS' : 'US';
    case 'up':
      // dcmjs's code for the DICOMDIR record offsets of group 0004: "UL" in PS3.6 (a pointer).
      return 'UL';
    default:
      // Every other code is a VR already, except dcmjs's 'na' (item tags, which never reach here).
      return vr.toUpperCase();
  }
}

/** Exact dictionary entries keyed by `group << 16 | element`, parsed from the generated table on first use. */
let exactVr: Map<number, string> | undefined;

/** Repeating-group ranges, in dictionary order, parsed on first use. */
let repeatingVr: { first: number; last: number; element: number; vr: string }[] | undefined;

/**
 * The VR dcmjs's data dictionary gives `tag` (`GGGGEEEE`), ambiguous VRs in its lower-case
 * spelling: the exact entry if there is one, else the first repeating-group range (50xx, 60xx,
 * 7Fxx) that holds the tag, else undefined. Read from a table generated from dcmjs, so that
 * the browser bundle does not carry dcmjs.
 */
export function dictionaryVr(tag: string): string | undefined {
  if (tag.length !== 8) return undefined;
  const group = Number.parseInt(tag.slice(0, 4), 16);
  const element = Number.parseInt(tag.slice(4), 16);
  // Hex digits only make sense here; parseInt also reads signs and gives NaN, which would alias tag 0.
  if (!(group >= 0 && group <= 0xffff && element >= 0 && element <= 0xffff)) return undefined;
  exactVr ??= parseExact();
  const exact = exactVr.get(((group << 16) | element) >>> 0);
  if (exact) return exact;
  repeatingVr ??= parseRepeating();
  return repeatingVr.find((r) => group >= r.first && group <= r.last && element === r.element)?.vr;
}

/** `GGGG` then `EEEEVV` per element, per group string. */
function parseExact(): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of EXACT_VR_BY_GROUP) {
    const group = Number.parseInt(line.slice(0, 4), 16);
    for (let i = 4; i < line.length; i += 6) {
      const element = Number.parseInt(line.slice(i, i + 4), 16);
      map.set(((group << 16) | element) >>> 0, line.slice(i + 4, i + 6));
    }
  }
  return map;
}

/** `GGGG-GGGG,EEEEVV` per range. */
function parseRepeating(): { first: number; last: number; element: number; vr: string }[] {
  return REPEATING_GROUP_VR.map((range) => ({
    first: Number.parseInt(range.slice(0, 4), 16),
    last: Number.parseInt(range.slice(5, 9), 16),
    element: Number.parseInt(range.slice(10, 14), 16),
    vr: range.slice(14, 16),
  }));
}
