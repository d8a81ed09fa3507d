import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type CorpusEntry, corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import { DicomParseError } from '../errors/dicom-parse-error.js';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { readPart10 } from './read-part10.js';

const entries: CorpusEntry[] = await corpusManifest();
const NATIVE = new Set([
  '1.2.840.10008.1.2',
  '1.2.840.10008.1.2.1',
  '1.2.840.10008.1.2.1.99',
  '1.2.840.10008.1.2.2',
]);

/**
 * The corpus README's frame1 hash, computed from a native frame: byte-swapped from big endian,
 * masked to Bits Stored, sign-extended, planar configuration 1 interleaved, 1-bit unpacked.
 */
function nativeHash(frame: Uint8Array, pixel: PixelDescription, bigEndian: boolean, vr: string): string {
  const { bitsAllocated: bits, bitsStored, pixelRepresentation, samplesPerPixel: spp } = pixel;
  const count = pixel.rows * pixel.columns * spp;
  let out: Uint8Array;
  if (bits === 1) {
    out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = ((frame[i >> 3] as number) >> (i & 7)) & 1;
  } else {
    const size = bits / 8;
    // 8-bit data in OW big endian is swapped in 16-bit words.
    const swapSize = bigEndian ? (vr === 'OW' && size === 1 ? 2 : size) : 1;
    const data = Uint8Array.from(frame);
    if (swapSize > 1)
      for (let i = 0; i + swapSize <= data.length; i += swapSize) data.subarray(i, i + swapSize).reverse();
    const view = new DataView(data.buffer);
    out = new Uint8Array(count * size);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < count; i++) {
      const target =
        pixel.planarConfiguration === 1 ? (i % (count / spp)) * spp + Math.floor(i / (count / spp)) : i;
      if (pixel.floatPixelData) {
        out.set(data.subarray(i * size, (i + 1) * size), target * size);
        continue;
      }
      let value =
        size === 1
          ? view.getUint8(i)
          : size === 2
            ? view.getUint16(i * 2, true)
            : view.getUint32(i * 4, true);
      if (bitsStored < bits) {
        value &= 2 ** bitsStored - 1;
        if (pixelRepresentation === 1 && value >= 2 ** (bitsStored - 1)) value -= 2 ** bitsStored;
      }
      if (size === 1) outView.setUint8(target, value & 0xff);
      else if (size === 2) outView.setUint16(target * 2, value & 0xffff, true);
      else outView.setUint32(target * 4, value >>> 0, true);
    }
  }
  return createHash('sha256').update(out).digest('hex');
}

describe('readPart10 over the whole conformance corpus', () => {
  it.each(entries.map((entry) => [entry.path, entry] as const))('%s', async (_path, entry) => {
    const bytes = new Uint8Array(await readFile(entry.file));
    const instance = readPart10(bytes);
    expect(instance.transferSyntaxUid).toBe(entry.transferSyntax);
    expect(instance.hasFileMeta).toBe(!(entry.edgeCases ?? []).includes('no-file-meta'));
    const pixel = instance.pixel;
    if (!pixel) throw new Error('no pixel description');
    const expected = {
      rows: entry.rows,
      columns: entry.cols,
      bitsAllocated: entry.bitsAllocated,
      bitsStored: entry.bitsStored,
      samplesPerPixel: entry.samplesPerPixel,
      pixelRepresentation: entry.pixelRepresentation,
      photometricInterpretation: entry.photometric,
      numberOfFrames: entry.frames,
    };
    // Float pixel data has no Bits Stored or Pixel Representation: the manifest says null.
    expect(pixel).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== null)));
    if (entry.pixelKeyword === 'FloatPixelData') expect(pixel.floatPixelData).toBe('float32');
    expect(instance.frameCount).toBe(entry.frames);
    const truncated = (entry.edgeCases ?? []).includes('truncated-pixel-data');
    if (truncated) {
      const error = (() => {
        try {
          instance.frame(0);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DicomParseError);
      expect((error as DicomParseError).code).toBe('DICOM_FRAME_LENGTH');
      return;
    }
    const frames = Array.from({ length: instance.frameCount }, (_, i) => instance.frame(i));
    expect(() => instance.frame(instance.frameCount)).toThrow(DicomParseError);
    if (NATIVE.has(entry.transferSyntax)) {
      expect(instance.encapsulated).toBe(false);
      if (pixel.photometricInterpretation.endsWith('_422')) {
        // Native YBR_FULL_422 is stored subsampled: Y Y Cb Cr for each pair of pixels.
        expect(frames[0]?.length).toBe(pixel.rows * pixel.columns * 2);
        return;
      }
      const hash = nativeHash(
        frames[0] as Uint8Array,
        pixel,
        entry.transferSyntax === '1.2.840.10008.1.2.2',
        instance.pixelDataVr ?? '',
      );
      const frame1 = entry.frame1 as { sha256: string; sha256NoColourTransform?: string } | null;
      if (frame1) expect(hash).toBe(frame1.sha256);
    } else {
      expect(instance.encapsulated).toBe(true);
      const encapsulation = entry.encapsulation as { fragments: number } | null;
      expect(frames.length).toBeLessThanOrEqual(encapsulation?.fragments ?? 0);
      for (const frame of frames) {
        expect(frame.length).toBeGreaterThan(0);
        // Each located frame is one whole codestream: it starts with its codec's start marker.
        const start = [...frame.subarray(0, 4)];
        if (/\.4\.(5\d|70|8[01])$/.test(entry.transferSyntax))
          expect(start.slice(0, 2)).toEqual([0xff, 0xd8]);
        // JPEG 2000: a raw codestream (SOC, SIZ) or, as GDCM wrote some, a JP2 file (signature box).
        if (/\.4\.(9\d|20[123])$/.test(entry.transferSyntax)) {
          expect([
            [0xff, 0x4f, 0xff, 0x51],
            [0, 0, 0, 0x0c],
          ]).toContainEqual(start);
        }
        // RLE: a 64-byte header whose first word counts 1–15 segments.
        if (entry.transferSyntax.endsWith('.1.2.5')) expect(frame[0]).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
