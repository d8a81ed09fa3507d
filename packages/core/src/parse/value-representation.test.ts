import dcmjs from 'dcmjs';
import { dictionary as dictionarySource } from 'dcmjs/dictionary';
import { describe, expect, it } from 'vitest';
import { EXACT_VR_BY_GROUP, REPEATING_GROUP_VR } from './implicit-vr-dictionary.generated.js';
import { dictionaryVr, implicitVr } from './value-representation.js';

/** dcmjs's runtime dictionary, the reference the generated table must equal. */
const reference = dcmjs.data.DicomMetaDictionary.dictionary;
const referenceVr = (tag: string) => reference[tag]?.vr;

/** implicitVr as it was when it read dcmjs directly, kept here as the independent reference. */
function referenceImplicitVr(tag: string, signedPixels: boolean): string {
  if (tag.endsWith('0000')) return 'UL';
  const group = Number.parseInt(tag.slice(0, 4), 16);
  const element = Number.parseInt(tag.slice(4), 16);
  if (group % 2 === 1) return element >= 0x10 && element <= 0xff ? 'LO' : 'UN';
  const vr = referenceVr(tag);
  if (!vr) return 'UN';
  if (vr === 'ox' || vr === 'lt') return 'OW';
  if (vr === 'xs') return signedPixels && !/^00281(10[1-3])$|^00283002$/.test(tag) ? 'SS' : 'US';
  // The one intended change from the dcmjs-based version: DICOMDIR offsets ('up') are UL, not "UP".
  if (vr === 'up') return 'UL';
  return vr.slice(0, 2).toUpperCase();
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** Every standard tag dcmjs enumerates (its nameMap: the packed table, then ranges at their first group). */
const standardTags = Object.values(dcmjs.data.DicomMetaDictionary.nameMap).map(
  (entry) => entry.tag.slice(1, 5) + entry.tag.slice(6, 10),
);

/** Tags that differ only in group, e.g. (5000-50FF,0005) and its neighbours outside the range. */
const rangeElements = [
  ...new Set(REPEATING_GROUP_VR.map((range) => Number.parseInt(range.slice(10, 14), 16))),
];

/** Every element number some exact entry uses, in any group. */
const usedElements = [
  ...new Set(
    EXACT_VR_BY_GROUP.flatMap((line) =>
      Array.from({ length: (line.length - 4) / 6 }, (_, i) =>
        Number.parseInt(line.slice(4 + i * 6, 8 + i * 6), 16),
      ),
    ),
  ),
];

/** Groups with at least one exact entry. */
const tableGroups = EXACT_VR_BY_GROUP.map((line) => Number.parseInt(line.slice(0, 4), 16));

/** Lists tags (at most a few) where the table and dcmjs disagree, so a failure says which. */
function mismatches(tags: Iterable<string>): string[] {
  const found: string[] = [];
  for (const tag of tags) {
    if (dictionaryVr(tag) !== referenceVr(tag))
      found.push(`${tag}: ${dictionaryVr(tag)} vs ${referenceVr(tag)}`);
    if (found.length >= 5) break;
  }
  return found;
}

function* sweep(groups: Iterable<number>, elements: () => Iterable<number>): Generator<string> {
  for (const group of groups) for (const element of elements()) yield hex4(group) + hex4(element);
}

function* range(first: number, last: number): Generator<number> {
  for (let n = first; n <= last; n++) yield n;
}

describe('dictionaryVr: the generated table equals dcmjs 0.51.1', () => {
  it('gives every standard tag dcmjs enumerates the VR dcmjs gives it', () => {
    expect(standardTags.length).toBeGreaterThan(5000);
    expect(mismatches(standardTags)).toEqual([]);
    for (const tag of standardTags) expect(dictionaryVr(tag)).toBeDefined();
  });

  it("holds every exact and repeating-group key of dcmjs's dictionary source", () => {
    const keys = Object.keys(dictionarySource).filter((key) =>
      /^\([0-9A-F]{4}(-[0-9A-F]{4})?,[0-9A-F]{4}\)$/.test(key),
    );
    const exact = keys.filter((key) => key.length === 11);
    const ranges = keys.filter((key) => key.length === 16);
    expect(EXACT_VR_BY_GROUP.reduce((sum, line) => sum + (line.length - 4) / 6, 0)).toBe(exact.length);
    expect(REPEATING_GROUP_VR).toHaveLength(ranges.length);
    for (const key of exact)
      expect(dictionaryVr(key.slice(1, 5) + key.slice(6, 10))).toBe(dictionarySource[key]?.vr);
  });

  it('agrees with dcmjs on every element any group uses, in every group that has entries', () => {
    expect(tableGroups.length).toBeGreaterThan(50);
    expect(usedElements.length).toBeGreaterThan(1000);
    expect(mismatches(sweep(tableGroups, () => usedElements))).toEqual([]);
  });

  it('agrees with dcmjs on all 65536 elements of the largest groups', () => {
    expect(mismatches(sweep([0x0008, 0x0018, 0x0028, 0x0040, 0x3008], () => range(0, 0xffff)))).toEqual([]);
  });

  it('agrees with dcmjs on every repeating-group element in groups 4F00-80FF, and 3000 in all groups', () => {
    expect(dictionaryVr('60223000')).toBe('ox');
    expect(dictionaryVr('50FE0005')).toBe('US');
    expect(dictionaryVr('7F010010')).toBe('ox');
    expect(dictionaryVr('61003000')).toBeUndefined();
    expect(mismatches(sweep(range(0x4f00, 0x80ff), () => rangeElements))).toEqual([]);
    expect(mismatches(sweep(range(0, 0xffff), () => [0x3000]))).toEqual([]);
  });

  it('knows no private or unknown tag, as dcmjs does not', () => {
    const odd = sweep(range(0x0009, 0x0029), () => [0x0000, 0x0010, 0x00ff, 0x1000, 0x1010, 0xffff]);
    const unknown = ['00080003', '0018FFFF', '7FE0FFFF', '12340010', 'FFFF0000', 'ABCDEF01'];
    expect(mismatches([...odd, ...unknown])).toEqual([]);
    for (const tag of unknown) expect(dictionaryVr(tag)).toBeUndefined();
  });

  it('gives undefined for anything that is not 8 hex digits', () => {
    for (const tag of ['', '0008', '(0008,0005)', '000800050', 'ZZZZ0001', '-0010010']) {
      expect(dictionaryVr(tag)).toBeUndefined();
    }
  });
});

describe('implicitVr', () => {
  it('resolves every standard tag as it did when it read dcmjs, signed and unsigned', () => {
    for (const tag of standardTags) {
      expect(implicitVr(tag, false)).toBe(referenceImplicitVr(tag, false));
      expect(implicitVr(tag, true)).toBe(referenceImplicitVr(tag, true));
    }
  });

  it('reads the DICOMDIR record offsets of group 0004 as UL, the VR PS3.6 gives them', () => {
    expect(implicitVr('00041200')).toBe('UL'); // Offset of the First Directory Record of the Root Directory Entity
    expect(implicitVr('00041400')).toBe('UL'); // Offset of the Next Directory Record
  });

  it('resolves ambiguous VRs as PS3.5 implicit VR does', () => {
    expect(implicitVr('7FE00010')).toBe('OW'); // Pixel Data, OB or OW
    expect(implicitVr('00281201')).toBe('OW'); // Red Palette LUT Data, US or OW
    expect(implicitVr('00280106')).toBe('US'); // Smallest Image Pixel Value, US or SS
    expect(implicitVr('00280106', true)).toBe('SS');
    expect(implicitVr('00281101', true)).toBe('US'); // LUT descriptors stay US
    expect(implicitVr('00283002', true)).toBe('US');
    expect(implicitVr('60103000')).toBe('OW'); // Overlay Data in a repeating group
    expect(implicitVr('60100010')).toBe('US'); // Overlay Rows
  });

  it('gives group lengths UL, private creators LO, private and unknown elements UN', () => {
    expect(implicitVr('00180000')).toBe('UL');
    expect(implicitVr('00290010')).toBe('LO');
    expect(implicitVr('00291010')).toBe('UN');
    expect(implicitVr('00080003')).toBe('UN');
    expect(implicitVr('00100010')).toBe('PN');
  });
});
