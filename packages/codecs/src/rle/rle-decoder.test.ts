import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors/decode-error.js';
import { describePixels } from '../test-support/pixel-descriptions.js';
import { decodeRle } from './rle-decoder.js';

/** PackBits with literal and replicate runs, as PS3.5 G.3.1 describes. */
function packBits(data: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && data[i + run] === data[i] && run < 128) run++;
    if (run > 1) {
      out.push(257 - run, data[i] as number);
      i += run;
      continue;
    }
    let literal = 1;
    while (i + literal < data.length && literal < 128 && data[i + literal] !== data[i + literal + 1])
      literal++;
    out.push(literal - 1, ...data.slice(i, i + literal));
    i += literal;
  }
  if (out.length % 2) out.push(128); // no-op keeps segments even
  return out;
}

/** An RLE frame from byte segments. */
function rleFrame(segments: number[][]): Uint8Array {
  const encoded = segments.map(packBits);
  const header = new DataView(new ArrayBuffer(64));
  header.setUint32(0, segments.length, true);
  let offset = 64;
  encoded.forEach((segment, s) => {
    header.setUint32(4 + 4 * s, offset, true);
    offset += segment.length;
  });
  return Uint8Array.from([...new Uint8Array(header.buffer), ...encoded.flat()]);
}

describe('decodeRle', () => {
  it('decodes 8-bit grey with literal and replicate runs', () => {
    const pixels = [5, 5, 5, 5, 1, 2, 3, 9, 9, 7, 7, 7];
    const frame = decodeRle(rleFrame([pixels]), describePixels({ rows: 3, columns: 4, bitsAllocated: 8 }));
    expect(Array.from(frame.pixels)).toEqual(pixels);
  });

  it('assembles 16-bit samples from high-byte then low-byte segments, sign-extended', () => {
    const values = [-2, 300, 0, -32768, 32767, 1];
    const hi = values.map((v) => (v >> 8) & 255);
    const lo = values.map((v) => v & 255);
    const frame = decodeRle(rleFrame([hi, lo]), describePixels({ pixelRepresentation: 1 }));
    expect(frame.pixels).toBeInstanceOf(Int16Array);
    expect(Array.from(frame.pixels)).toEqual(values);
  });

  it('interleaves colour segments (R, G, B planes) and handles 32-bit samples', () => {
    const rgb = decodeRle(
      rleFrame([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
      describePixels({
        rows: 1,
        columns: 2,
        samplesPerPixel: 3,
        bitsAllocated: 8,
        photometricInterpretation: 'RGB',
      }),
    );
    expect(Array.from(rgb.pixels)).toEqual([1, 3, 5, 2, 4, 6]);
    const wide = decodeRle(
      rleFrame([
        [0x12, 0],
        [0x34, 0],
        [0x56, 0],
        [0x78, 1],
      ]),
      describePixels({ rows: 1, columns: 2, bitsAllocated: 32 }),
    );
    expect(Array.from(wide.pixels)).toEqual([0x12345678, 1]);
  });

  it('decodes 1-bit frames from one segment of packed bits', () => {
    const frame = decodeRle(
      rleFrame([[0b00000101, 0b1]]),
      describePixels({ rows: 3, columns: 3, bitsAllocated: 1 }),
    );
    expect(Array.from(frame.pixels)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 1]);
  });

  it.each([
    ['a header shorter than 64 bytes', new Uint8Array(10), 'DECODE_TRUNCATED'],
    ['the wrong number of segments', rleFrame([[1, 2, 3, 4, 5, 6]]), 'DECODE_MISMATCH'],
    [
      'a segment that decodes to too few bytes',
      rleFrame([
        [1, 2, 3],
        [1, 2, 3],
      ]),
      'DECODE_TRUNCATED',
    ],
    [
      'segment offsets outside the frame',
      (() => {
        const frame = rleFrame([
          [1, 2, 3, 4, 5, 6],
          [1, 2, 3, 4, 5, 6],
        ]);
        new DataView(frame.buffer).setUint32(8, 99999, true);
        return frame;
      })(),
      'DECODE_MALFORMED',
    ],
  ])('rejects %s with a DecodeError', (_, bytes, code) => {
    let error: unknown;
    try {
      decodeRle(bytes, describePixels());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).code).toBe(code);
  });
});
