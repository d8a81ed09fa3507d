// @ts-check

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dcmjs } from './dcmjs.mjs';
import { formatDS } from './dicom-common.mjs';
import { createRandom } from './prng.mjs';
import { readPart10 } from './test-helpers.mjs';
import { uidFromSeed } from './uids.mjs';
import { encodePart10 } from './write-part10.mjs';

describe('uidFromSeed', () => {
  it('gives the same valid 2.25 UID for the same seed and different ones for different seeds', () => {
    const a = uidFromSeed('phantom-ct/ct/series');
    expect(uidFromSeed('phantom-ct/ct/series')).toBe(a);
    expect(uidFromSeed('phantom-ct/ct--rle/series')).not.toBe(a);
    expect(a).toMatch(/^2\.25\.[1-9]\d*$/);
    expect(a.length).toBeLessThanOrEqual(64);
    // A UUID as an integer: below 2^128.
    expect(BigInt(a.slice(5)) < 2n ** 128n).toBe(true);
  });
});

describe('formatDS', () => {
  it('writes at most 16 characters, keeping the value when it fits', () => {
    expect(formatDS(-179.2)).toBe('-179.2');
    expect(formatDS(-0)).toBe('0');
    expect(formatDS(0.1 / 1.1)).toHaveLength(16);
    expect(Math.abs(Number(formatDS(0.1 / 1.1)) - 0.1 / 1.1)).toBeLessThan(1e-13);
    expect(formatDS(1e-20)).toBe('1e-20');
    expect(formatDS(2 ** 60)).toHaveLength(16);
    expect(Number(formatDS(2 ** 60)) / 2 ** 60).toBeCloseTo(1, 10);
    expect(() => formatDS(Number.NaN)).toThrow(RangeError);
  });
});

describe('createRandom', () => {
  it('repeats its stream for a seed', () => {
    const a = createRandom('x');
    const b = createRandom('x');
    const c = createRandom('y');
    const first = [a.next(), a.next(), a.gaussian()];
    expect([b.next(), b.next(), b.gaussian()]).toEqual(first);
    expect(c.next()).not.toBe(first[0]);
  });
});

describe('encodePart10', () => {
  const dataset = {
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
    SOPInstanceUID: uidFromSeed('unit/sop'),
    Rows: 2,
    Columns: 2,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 1,
    PixelPaddingValue: -2000,
    NumberOfFrames: 2,
  };

  it('writes signed xs attributes as SS and 16-bit native pixels as OW', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fovea-part10-'));
    const pixels = new Int16Array([-2000, 0, 1, 32767, 5, 6, 7, 8]);
    const path = join(dir, 'native.dcm');
    await writeFile(path, encodePart10({ dataset, frames: [new Uint8Array(pixels.buffer)] }));
    const { transferSyntaxUID, dataset: back, pixelData } = await readPart10(path);
    expect(transferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    expect(back.PixelPaddingValue).toBe(-2000);
    expect(Array.from(new Int16Array((pixelData[0] ?? new Uint8Array()).slice().buffer))).toEqual(
      Array.from(pixels),
    );
  });

  it('encapsulates one fragment per frame behind a Basic Offset Table', () => {
    const frames = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5, 6, 7])];
    const bytes = encodePart10({ dataset, frames, transferSyntaxUID: '1.2.840.10008.1.2.4.201' });
    const view = Buffer.from(bytes);
    const pixelTag = view.indexOf(
      Buffer.from([0xe0, 0x7f, 0x10, 0x00, 0x4f, 0x42, 0, 0, 0xff, 0xff, 0xff, 0xff]),
    );
    expect(pixelTag).toBeGreaterThan(0);
    let at = pixelTag + 12;
    const item = () => {
      expect(view.readUInt16LE(at)).toBe(0xfffe);
      const tag = view.readUInt16LE(at + 2);
      const length = view.readUInt32LE(at + 4);
      const value = view.subarray(at + 8, at + 8 + length);
      at += 8 + length;
      return { tag, value };
    };
    const table = item();
    expect(table.tag).toBe(0xe000);
    // Offsets from the first fragment: 0, then 8 + 4 (3 bytes padded to even).
    expect([table.value.readUInt32LE(0), table.value.readUInt32LE(4)]).toEqual([0, 12]);
    expect(Array.from(item().value)).toEqual([1, 2, 3, 0]);
    expect(Array.from(item().value)).toEqual([4, 5, 6, 7]);
    expect(item().tag).toBe(0xe0dd);
    expect(dcmjs.data.DicomMessage.isEncapsulated('1.2.840.10008.1.2.4.201')).toBe(true);
  });
});
