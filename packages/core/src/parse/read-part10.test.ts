import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DicomParseError } from '../errors/dicom-parse-error.js';
import {
  concat,
  element,
  encapsulatedPixelData,
  imagePixel,
  item,
  part10,
  sequence,
  text,
  u16,
  u32,
} from '../testing/part10-writer.test-support.js';
import { readPart10 } from './read-part10.js';

const EXPLICIT = '1.2.840.10008.1.2.1';
const JPEG_LOSSLESS = '1.2.840.10008.1.2.4.70';
const RLE = '1.2.840.10008.1.2.5';

function parseError(run: () => unknown): DicomParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof DicomParseError) return error;
    throw error;
  }
  throw new Error('expected a DicomParseError');
}

/** A fake JPEG codestream: SOI, payload, EOI. */
const jpeg = (payload: number[]) => Uint8Array.from([0xff, 0xd8, ...payload, 0xff, 0xd9]);

describe('readPart10: encapsulated frames', () => {
  it('locates frames with the basic offset table, joining fragments of one frame', () => {
    const f1a = Uint8Array.from([0xff, 0xd8, 1, 2]);
    const f1b = Uint8Array.from([3, 4, 0xff, 0xd9]);
    const f2 = jpeg([5, 6]);
    // Offsets of each frame's first item tag from the first fragment's item tag.
    const file = part10(
      JPEG_LOSSLESS,
      concat(imagePixel(2, 2, 8, 2), encapsulatedPixelData([0, 8 + 4 + 8 + 4], [f1a, f1b, f2])),
    );
    const instance = readPart10(file);
    expect(instance.encapsulated).toBe(true);
    expect(instance.frame(0)).toEqual(concat(f1a, f1b));
    expect(instance.frame(1)).toEqual(f2);
  });

  it('locates frames with the extended offset table when the basic one is empty', () => {
    const frames = [jpeg([1]), jpeg([2, 3]), jpeg([4, 5, 6, 7])];
    const offsets = [0, 8 + frames[0]!.length, 16 + frames[0]!.length + frames[1]!.length];
    const u64s = (values: number[]) => concat(...values.map((value) => concat(u32(value), u32(0))));
    const body = concat(
      imagePixel(2, 2, 8, 3),
      element(0x7fe00001, 'OV', u64s(offsets)),
      element(0x7fe00002, 'OV', u64s(frames.map((frame) => frame.length))),
      encapsulatedPixelData([], frames),
    );
    const instance = readPart10(part10(JPEG_LOSSLESS, body));
    expect([0, 1, 2].map((i) => instance.frame(i))).toEqual(frames);
  });

  it('joins every fragment of a single frame when there is no table', () => {
    const parts = [
      Uint8Array.from([0xff, 0xd8, 9, 9]),
      Uint8Array.from([8, 8]),
      Uint8Array.from([0xff, 0xd9]),
    ];
    const instance = readPart10(
      part10(JPEG_LOSSLESS, concat(imagePixel(2, 2, 8, 1), encapsulatedPixelData([], parts))),
    );
    expect(instance.frame(0)).toEqual(concat(...parts));
  });

  it('finds frames by their start markers when many frames span several fragments without a table', () => {
    const a = [Uint8Array.from([0xff, 0xd8, 1, 1]), Uint8Array.from([2, 2, 0xff, 0xd9])];
    const b = [jpeg([3, 3])];
    const c = [Uint8Array.from([0xff, 0xd8, 4, 4]), Uint8Array.from([5, 5]), Uint8Array.from([0xff, 0xd9])];
    const instance = readPart10(
      part10(JPEG_LOSSLESS, concat(imagePixel(2, 2, 8, 3), encapsulatedPixelData([], [...a, ...b, ...c]))),
    );
    expect(instance.frame(0)).toEqual(concat(...a));
    expect(instance.frame(1)).toEqual(concat(...b));
    expect(instance.frame(2)).toEqual(concat(...c));
  });

  it('falls back to scanning when the basic offset table is wrong', () => {
    const frames = [jpeg([1, 2]), jpeg([3, 4])];
    const instance = readPart10(
      part10(JPEG_LOSSLESS, concat(imagePixel(2, 2, 8, 2), encapsulatedPixelData([0, 7], frames))),
    );
    expect(instance.frame(1)).toEqual(frames[1]);
  });

  it('fails with DICOM_FRAME_LOCATION when fragments cannot be assigned to frames', () => {
    // RLE frames have no marker to scan for: three fragments for two frames is ambiguous.
    const fragments = [new Uint8Array(64), new Uint8Array(4), new Uint8Array(64)];
    const instance = readPart10(
      part10(RLE, concat(imagePixel(2, 2, 8, 2), encapsulatedPixelData([], fragments))),
    );
    expect(parseError(() => instance.frame(0)).code).toBe('DICOM_FRAME_LOCATION');
    // Four fragments, three frames, but only two start markers.
    const fragments4 = [jpeg([1]), Uint8Array.from([1, 2]), jpeg([2]), Uint8Array.from([3, 4])];
    const jpegCount = readPart10(
      part10(JPEG_LOSSLESS, concat(imagePixel(2, 2, 8, 3), encapsulatedPixelData([], fragments4))),
    );
    expect(parseError(() => jpegCount.frame(2)).code).toBe('DICOM_FRAME_LOCATION');
  });
});

describe('readPart10: native frames', () => {
  it('slices frames and rejects out-of-range indices and short pixel data', () => {
    const pixels = Uint8Array.from({ length: 2 * 3 * 2 * 2 }, (_, i) => i);
    const instance = readPart10(
      part10(EXPLICIT, concat(imagePixel(2, 3, 16, 2), element(0x7fe00010, 'OW', pixels))),
    );
    expect(instance.frame(1)).toEqual(pixels.slice(12, 24));
    expect(parseError(() => instance.frame(2)).code).toBe('DICOM_FRAME_INDEX');
    expect(parseError(() => instance.frame(-1)).code).toBe('DICOM_FRAME_INDEX');
    const short = readPart10(
      part10(EXPLICIT, concat(imagePixel(2, 3, 16, 2), element(0x7fe00010, 'OW', pixels.slice(0, 20)))),
    );
    expect(short.frame(0)).toEqual(pixels.slice(0, 12));
    const error = parseError(() => short.frame(1));
    expect(error.code).toBe('DICOM_FRAME_LENGTH');
    expect(error.message).toContain('2 × 3 × 1 × 16');
  });

  it('re-aligns 1-bit frames that do not start on a byte boundary', () => {
    // 3 × 3 = 9 bits per frame: frame 1 starts at bit 9. Pixels set: frame 0 = pixel 0, frame 1 = pixels 0 and 8.
    const bits = new Uint8Array(4);
    const set = (bit: number) => {
      bits[bit >> 3]! |= 1 << (bit & 7);
    };
    set(0);
    set(9);
    set(17);
    const file = part10(EXPLICIT, concat(imagePixel(3, 3, 1, 2), element(0x7fe00010, 'OB', bits)));
    const instance = readPart10(file);
    // Bits after the frame's last pixel (the next frame's) are cleared.
    expect(instance.frame(0)).toEqual(Uint8Array.from([0b0000_0001, 0]));
    expect(instance.frame(1)).toEqual(Uint8Array.from([0b0000_0001, 0b0000_0001]));
  });

  it('keeps big-endian pixels as stored', () => {
    const be = { little: false };
    const body = concat(
      imagePixel(1, 2, 16, 1, be),
      element(0x7fe00010, 'OW', Uint8Array.from([0x12, 0x34, 0x56, 0x78]), be),
    );
    const instance = readPart10(part10('1.2.840.10008.1.2.2', body));
    expect(instance.pixel?.columns).toBe(2);
    expect(instance.frame(0)).toEqual(Uint8Array.from([0x12, 0x34, 0x56, 0x78]));
  });

  it('inflates deflated data sets before slicing', () => {
    const body = concat(
      element(0x00100020, 'LO', text('ID1')),
      imagePixel(1, 2, 8),
      element(0x7fe00010, 'OB', Uint8Array.from([7, 9])),
    );
    const instance = readPart10(part10('1.2.840.10008.1.2.1.99', deflateSync(body)));
    expect(instance.instance.patient.patientId).toBe('ID1');
    expect(instance.frame(0)).toEqual(Uint8Array.from([7, 9]));
    const broken = part10('1.2.840.10008.1.2.1.99', Uint8Array.from([0x07, 0x00]));
    expect(parseError(() => readPart10(broken)).code).toBe('DICOM_BAD_DEFLATE');
  });
});

describe('readPart10: data sets', () => {
  it('reads files without preamble or file meta, guessing implicit VR little endian', () => {
    const implicit = { explicit: false };
    const body = concat(
      element(0x00080018, 'UI', text('1.2.3', 'UI'), implicit),
      element(0x00100010, 'PN', text('Doe^Jane'), implicit),
      imagePixel(1, 1, 8, 1, implicit),
      element(0x7fe00010, 'OW', Uint8Array.from([1, 0]), implicit),
    );
    const instance = readPart10(body);
    expect(instance.hasFileMeta).toBe(false);
    expect(instance.transferSyntaxUid).toBe('1.2.840.10008.1.2');
    expect(instance.instance.patient.patientName).toEqual({ alphabetic: 'Doe^Jane' });
    expect(instance.pixelDataVr).toBe('OW');
  });

  it('reads nested sequences of defined and undefined length, and UN sequences in implicit VR', () => {
    const inner = element(0x00081155, 'UI', text('1.2.9', 'UI'));
    const implicitItem = element(0x00081150, 'UI', text('1.2.8', 'UI'), { explicit: false });
    const body = concat(
      sequence(0x00081140, [item(inner), item(inner, true)], true),
      sequence(0x00081115, [item(sequence(0x0008114a, [item(inner)]))]),
      // A known sequence sent as UN with undefined length: its items are implicit VR little endian.
      element(
        0x00081199,
        'UN',
        concat(item(implicitItem, true), u16(0xfffe), u16(0xe0dd), u32(0)),
        {},
        0xffffffff,
      ),
    );
    const { dataset } = readPart10(part10(EXPLICIT, body));
    expect(dataset['00081140']?.Value).toHaveLength(2);
    const outer = dataset['00081115']?.Value?.[0] as Record<string, { Value: unknown[] }> | undefined;
    const nested = outer?.['0008114A'];
    expect(nested?.Value).toHaveLength(1);
    expect(dataset['00081199']).toEqual({
      vr: 'SQ',
      Value: [{ '00081150': { vr: 'UI', Value: ['1.2.8'] } }],
    });
  });

  it('fails with typed errors on truncated, mislabelled and impossible input', () => {
    expect(parseError(() => readPart10(new Uint8Array(3))).code).toBe('DICOM_NOT_DICOM');
    expect(parseError(() => readPart10(new TextEncoder().encode('%PDF-1.7 not dicom at all'))).code).toBe(
      'DICOM_NOT_DICOM',
    );
    const good = part10(
      EXPLICIT,
      concat(element(0x00100020, 'LO', text('ID12')), element(0x00100030, 'DA', text('20200101'))),
    );
    const truncated = parseError(() => readPart10(good.slice(0, good.length - 3)));
    expect(truncated.code).toBe('DICOM_TRUNCATED');
    expect(truncated.tag).toBe('00100030');
    const badVr = part10(
      EXPLICIT,
      concat(element(0x00100020, 'LO', text('ID12')), element(0x00100030, 'ZZ', text('X1'))),
    );
    expect(parseError(() => readPart10(badVr)).code).toBe('DICOM_MALFORMED');
    const undefinedLength = part10(EXPLICIT, element(0x00100020, 'UT', text('ID'), {}, 0xffffffff));
    expect(parseError(() => readPart10(undefinedLength)).code).toBe('DICOM_BAD_LENGTH');
    const noDelimiter = part10(
      EXPLICIT,
      element(0x00081140, 'SQ', item(new Uint8Array(0), true).slice(0, 8), {}, 0xffffffff),
    );
    expect(parseError(() => readPart10(noDelimiter)).code).toBe('DICOM_TRUNCATED');
    const noPixels = readPart10(good);
    expect(parseError(() => noPixels.frame(0)).code).toBe('DICOM_NO_PIXEL_DATA');
  });

  it('never loops on garbage: random bytes after a valid header end in a typed error or a result', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    };
    for (let round = 0; round < 300; round++) {
      const garbage = Uint8Array.from({ length: 64 + (round % 50) }, random);
      try {
        readPart10(part10(round % 2 ? EXPLICIT : '1.2.840.10008.1.2', garbage));
      } catch (error) {
        expect(error).toBeInstanceOf(DicomParseError);
      }
    }
  });
});
