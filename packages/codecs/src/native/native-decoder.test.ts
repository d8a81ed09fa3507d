import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors/decode-error.js';
import { describePixels } from '../test-support/pixel-descriptions.js';
import { decodeNative, type NativeLayout } from './native-decoder.js';

const LE: NativeLayout = { bigEndian: false, pixelDataVr: 'OB', allowInPlace: false };
const BE: NativeLayout = { bigEndian: true, pixelDataVr: 'OW', allowInPlace: false };
const uid = '1.2.840.10008.1.2.1';

describe('decodeNative', () => {
  it('reads little-endian 16-bit samples as Uint16Array', () => {
    const bytes = Uint8Array.from([1, 0, 2, 0, 0, 1, 255, 255, 0, 0, 3, 0]);
    const frame = decodeNative(bytes, describePixels(), uid, LE);
    expect(frame.pixels).toBeInstanceOf(Uint16Array);
    expect(Array.from(frame.pixels)).toEqual([1, 2, 256, 65535, 0, 3]);
  });

  it('masks to Bits Stored and sign-extends two’s complement samples', () => {
    // 12 bits stored: 0xF800 → 0x800 → −2048; 0x17FF → 0x7FF → 2047; 0x0FFF → −1.
    const bytes = Uint8Array.from([0x00, 0xf8, 0xff, 0x17, 0xff, 0x0f, 1, 0, 0, 0, 2, 0]);
    const signed = decodeNative(bytes, describePixels({ bitsStored: 12, pixelRepresentation: 1 }), uid, LE);
    expect(signed.pixels).toBeInstanceOf(Int16Array);
    expect(Array.from(signed.pixels)).toEqual([-2048, 2047, -1, 1, 0, 2]);
    const unsigned = decodeNative(bytes, describePixels({ bitsStored: 12 }), uid, LE);
    expect(Array.from(unsigned.pixels)).toEqual([0x800, 0x7ff, 0xfff, 1, 0, 2]);
  });

  it('swaps big-endian 16- and 32-bit samples', () => {
    const frame = decodeNative(
      Uint8Array.from([0, 1, 1, 0, 0xff, 0xfe, 0, 0, 0, 0, 0, 2]),
      describePixels({ pixelRepresentation: 1 }),
      '1.2.840.10008.1.2.2',
      BE,
    );
    expect(Array.from(frame.pixels)).toEqual([1, 256, -2, 0, 0, 2]);
    const wide = decodeNative(
      Uint8Array.from([0, 0, 1, 2, 0x80, 0, 0, 0]),
      describePixels({ rows: 1, columns: 2, bitsAllocated: 32 }),
      '1.2.840.10008.1.2.2',
      BE,
    );
    expect(Array.from(wide.pixels)).toEqual([0x0102, 0x80000000]);
  });

  it('swaps byte pairs of 8-bit big-endian OW data but not of OB data', () => {
    const pixel = describePixels({ rows: 1, columns: 3, bitsAllocated: 8 });
    const stored = Uint8Array.from([20, 10, 0, 30]); // OW words (10,20) (30,pad) written big endian
    expect(Array.from(decodeNative(stored, pixel, '1.2.840.10008.1.2.2', BE).pixels)).toEqual([10, 20, 30]);
    expect(
      Array.from(decodeNative(stored, pixel, '1.2.840.10008.1.2.2', { ...BE, pixelDataVr: 'OB' }).pixels),
    ).toEqual([20, 10, 0]);
  });

  it('unpacks 1-bit frames least significant bit first, one byte per pixel', () => {
    const frame = decodeNative(
      Uint8Array.from([0b10000101, 0b1]),
      describePixels({ rows: 3, columns: 3, bitsAllocated: 1 }),
      uid,
      LE,
    );
    expect(frame.pixels).toBeInstanceOf(Uint8Array);
    expect(Array.from(frame.pixels)).toEqual([1, 0, 1, 0, 0, 0, 0, 1, 1]);
  });

  it('interleaves planar configuration 1', () => {
    const pixel = describePixels({
      rows: 1,
      columns: 2,
      samplesPerPixel: 3,
      bitsAllocated: 8,
      planarConfiguration: 1,
      photometricInterpretation: 'RGB',
    });
    const frame = decodeNative(Uint8Array.from([1, 2, 10, 20, 100, 200]), pixel, uid, LE);
    expect(Array.from(frame.pixels)).toEqual([1, 10, 100, 2, 20, 200]);
  });

  it('expands native YBR_FULL_422 (Y1 Y2 Cb Cr) to YBR_FULL', () => {
    const pixel = describePixels({
      rows: 1,
      columns: 4,
      samplesPerPixel: 3,
      bitsAllocated: 8,
      photometricInterpretation: 'YBR_FULL_422',
    });
    const frame = decodeNative(Uint8Array.from([1, 2, 50, 60, 3, 4, 70, 80]), pixel, uid, LE);
    expect(frame.colourSpace).toBe('YBR_FULL');
    expect(Array.from(frame.pixels)).toEqual([1, 50, 60, 2, 50, 60, 3, 70, 80, 4, 70, 80]);
  });

  it('reads float and double pixel data', () => {
    const floats = new Float32Array([1.5, -2.25]);
    const f = decodeNative(
      new Uint8Array(floats.buffer),
      describePixels({ rows: 1, columns: 2, bitsAllocated: 32, floatPixelData: 'float32' }),
      uid,
      LE,
    );
    expect(f.pixels).toBeInstanceOf(Float32Array);
    expect(Array.from(f.pixels)).toEqual([1.5, -2.25]);
    const doubles = new Float64Array([Math.PI, -1e300]);
    const d = decodeNative(
      new Uint8Array(doubles.buffer),
      describePixels({ rows: 1, columns: 2, bitsAllocated: 64, floatPixelData: 'float64' }),
      uid,
      LE,
    );
    expect(Array.from(d.pixels)).toEqual([Math.PI, -1e300]);
  });

  it('reuses the input buffer only when allowed', () => {
    const bytes = Uint8Array.from([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0]);
    expect(decodeNative(bytes, describePixels(), uid, LE).pixels.buffer).not.toBe(bytes.buffer);
    expect(decodeNative(bytes, describePixels(), uid, { ...LE, allowInPlace: true }).pixels.buffer).toBe(
      bytes.buffer,
    );
  });

  it('rejects frames shorter than rows × columns × samples', () => {
    const error = (() => {
      try {
        decodeNative(new Uint8Array(11), describePixels(), uid, LE);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).code).toBe('DECODE_TRUNCATED');
  });

  it('rejects impossible pixel descriptions', () => {
    for (const bad of [
      { rows: 0 },
      { bitsAllocated: 12 },
      { bitsStored: 17 },
      { samplesPerPixel: 2 },
      { rows: 1e6, columns: 1e6 },
    ]) {
      expect(() => decodeNative(new Uint8Array(12), describePixels(bad), uid, LE)).toThrow(DecodeError);
    }
  });
});
