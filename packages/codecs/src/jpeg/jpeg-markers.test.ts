import { describe, expect, it } from 'vitest';
import { fromBase64, JPEG_BASELINE } from '../test-support/codestream-fixtures.js';
import { libjpegAssumesYcc, withColourTransformMarker } from './colour-transform-marker.js';
import { JpegFormatError, parseJpeg } from './jpeg-markers.js';

// libjpeg-turbo's encoder wrote this one progressive (SOF2, successive approximation).
const baseline = fromBase64(JPEG_BASELINE);

describe('parseJpeg', () => {
  it('reads frame header, tables and scans of a (progressive) stream', () => {
    const stream = parseJpeg(baseline);
    expect(stream).toMatchObject({
      process: 2,
      precision: 8,
      width: 40,
      height: 24,
      endsWithEoi: true,
      jfif: true,
    });
    expect(stream.components).toEqual([{ id: 1, h: 1, v: 1, quantTable: 0 }]);
    expect(stream.scans.length).toBeGreaterThan(1);
    expect(stream.scans[0]).toMatchObject({ ss: 0, se: 0, ah: 0 });
    expect(stream.scans[0]?.dcSpecs[0]).toBeDefined();
    expect(stream.scans[0]?.quantTables[0]).toHaveLength(64);
  });

  it('reports a missing EOI without failing the parse', () => {
    expect(parseJpeg(baseline.subarray(0, baseline.length - 2)).endsWithEoi).toBe(false);
  });

  it('rejects streams without SOI, with segments running past the end, or without a frame', () => {
    expect(() => parseJpeg(Uint8Array.from([0, 1, 2, 3]))).toThrow(JpegFormatError);
    expect(() => parseJpeg(baseline.subarray(0, 30))).toThrow(/past the end/);
    expect(() => parseJpeg(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]))).toThrow(JpegFormatError);
  });
});

describe('colour transform markers', () => {
  const threeComponents = (ids: number[], extra: Partial<ReturnType<typeof parseJpeg>> = {}) => ({
    ...parseJpeg(baseline),
    jfif: false,
    components: ids.map((id) => ({ id, h: 1, v: 1, quantTable: 0 })),
    ...extra,
  });

  it('predicts libjpeg’s colour decision: JFIF, then Adobe transform, then component ids', () => {
    expect(libjpegAssumesYcc(threeComponents([82, 71, 66], { jfif: true }))).toBe(true);
    expect(libjpegAssumesYcc(threeComponents([1, 2, 3], { adobeTransform: 0 }))).toBe(false);
    expect(libjpegAssumesYcc(threeComponents([82, 71, 66], { adobeTransform: 1 }))).toBe(true);
    expect(libjpegAssumesYcc(threeComponents([82, 71, 66]))).toBe(false);
    expect(libjpegAssumesYcc(threeComponents([1, 2, 3]))).toBe(true);
    expect(libjpegAssumesYcc(threeComponents([7, 8, 9]))).toBe(true);
  });

  it('rewrites JFIF/Adobe markers to an Adobe marker with the wanted transform, data untouched', () => {
    for (const ycc of [false, true]) {
      const rewritten = withColourTransformMarker(baseline, ycc);
      const stream = parseJpeg(rewritten);
      expect(stream.jfif).toBe(false);
      expect(stream.adobeTransform).toBe(ycc ? 1 : 0);
      const original = parseJpeg(baseline).scans[0];
      const scan = stream.scans[0];
      expect(rewritten.subarray(scan?.dataStart, scan?.dataEnd)).toEqual(
        baseline.subarray(original?.dataStart, original?.dataEnd),
      );
    }
  });
});
