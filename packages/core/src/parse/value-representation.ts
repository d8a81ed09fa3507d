/**
 * Value representations (PS3.5 6.2) grouped by how their values are encoded, and the VR of a tag
 * in implicit-VR data sets, where the file does not say.
 */
import dcmjs from 'dcmjs';

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
  const entry = dcmjs.data.DicomMetaDictionary.dictionary[tag];
  const vr = entry?.vr;
  if (!vr) return 'UN';
  // dcmjs spells the ambiguous VRs in lower case: ox = OB or OW, lt = US or OW (LUT Data), xs = US or SS.
  switch (vr) {
    case 'ox':
    case 'lt':
      return 'OW';
    case 'xs':
      return signedPixels && !/^00281(10[1-3])$|^00283002$/.test(tag) ? 'SS' : 'US';
    default:
      // Some entries list alternatives ("OB or OW", "US or SS or OW"): take the first.
      return vr.slice(0, 2).toUpperCase();
  }
}
