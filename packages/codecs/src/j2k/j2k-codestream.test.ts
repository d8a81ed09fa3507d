import { describe, expect, it } from 'vitest';
import { fromBase64, HTJ2K_LOSSLESS, J2K_LOSSLESS } from '../test-support/codestream-fixtures.js';
import { jp2Wrap } from '../test-support/j2k-streams.js';
import { isCompleteCodestream, J2kFormatError, readJ2kHeader, unwrapCodestream } from './j2k-codestream.js';

const j2k = fromBase64(J2K_LOSSLESS);
const htj2k = fromBase64(HTJ2K_LOSSLESS);

describe('JPEG 2000 codestream header', () => {
  it('reads SIZ and COD, and tells HTJ2K (Rsiz bit 14) from Part 1', () => {
    expect(readJ2kHeader(j2k)).toMatchObject({
      width: 40,
      height: 24,
      decompositions: 2,
      highThroughput: false,
    });
    expect(readJ2kHeader(htj2k)).toMatchObject({
      width: 40,
      height: 24,
      decompositions: 2,
      highThroughput: true,
    });
    expect(readJ2kHeader(j2k).components).toEqual([{ precision: 16, signed: true, dx: 1, dy: 1 }]);
  });

  it('unwraps a JP2 file to its codestream and leaves raw codestreams alone', () => {
    expect(unwrapCodestream(jp2Wrap(j2k))).toEqual(j2k);
    expect(unwrapCodestream(j2k)).toBe(j2k);
    expect(() => unwrapCodestream(Uint8Array.from([1, 2, 3, 4]))).toThrow(J2kFormatError);
  });

  it('knows a complete codestream from a cut one, tolerating 0x00/0xFF padding after EOC', () => {
    expect(isCompleteCodestream(j2k)).toBe(true);
    expect(isCompleteCodestream(Uint8Array.from([...htj2k, 0xff]))).toBe(true);
    expect(isCompleteCodestream(Uint8Array.from([...htj2k, 0]))).toBe(true);
    expect(isCompleteCodestream(htj2k.subarray(0, htj2k.length - 10))).toBe(false);
  });

  it('rejects headers without SIZ or with inconsistent lengths', () => {
    expect(() => readJ2kHeader(Uint8Array.from([0xff, 0x4f, 0xff, 0x90]))).toThrow(J2kFormatError);
    const broken = j2k.slice();
    broken[5] = 10; // Lsiz
    expect(() => readJ2kHeader(broken)).toThrow(J2kFormatError);
  });
});
