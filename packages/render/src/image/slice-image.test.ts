import { describe, expect, it } from 'vitest';
import { greySampleType, integerDomain, type SliceImage, validateSliceImage } from './slice-image.js';

const grey = (patch: Partial<Extract<SliceImage, { kind: 'grey' }>> = {}): SliceImage => ({
  kind: 'grey',
  columns: 3,
  rows: 2,
  pixels: new Int16Array(6),
  photometricInterpretation: 'MONOCHROME2',
  ...patch,
});

describe('validateSliceImage', () => {
  it('accepts consistent grey and RGB images', () => {
    expect(() => validateSliceImage(grey())).not.toThrow();
    expect(() =>
      validateSliceImage({ kind: 'rgb', columns: 3, rows: 2, pixels: new Uint8Array(18) }),
    ).not.toThrow();
  });

  it('rejects frames whose length does not match rows × columns × samples', () => {
    expect(() => validateSliceImage(grey({ rows: 3 }))).toThrow(
      /holds 6 values; 3 rows × 3 columns × 1 samples need 9/,
    );
    expect(() => validateSliceImage({ kind: 'rgb', columns: 3, rows: 2, pixels: new Uint8Array(6) })).toThrow(
      /need 18/,
    );
  });

  it('rejects sizes that are not positive integers, and unsupported arrays', () => {
    expect(() => validateSliceImage(grey({ columns: 0, pixels: new Int16Array(0) }))).toThrow(
      /not a positive size/,
    );
    expect(() => validateSliceImage(grey({ pixels: new Int32Array(6) as never }))).toThrow(
      /Grey pixels must be/,
    );
  });

  it('refuses a Modality LUT Sequence on float pixels with RENDER_UNSUPPORTED', () => {
    const image = grey({
      pixels: new Float32Array(6),
      modality: { kind: 'lut', firstValueMapped: 0, data: new Uint16Array(4) },
    });
    expect(() => validateSliceImage(image)).toThrow(expect.objectContaining({ code: 'RENDER_UNSUPPORTED' }));
  });
});

describe('pixel types', () => {
  it('sample signed arrays as sint, unsigned as uint and Float32Array as float', () => {
    expect(
      [new Int8Array(1), new Int16Array(1), new Uint8Array(1), new Uint16Array(1), new Float32Array(1)].map(
        greySampleType,
      ),
    ).toEqual(['sint', 'sint', 'uint', 'uint', 'float']);
  });

  it('know the integer domain of each array type', () => {
    expect(integerDomain(new Int16Array(1))).toEqual([-32768, 32767]);
    expect(integerDomain(new Uint16Array(1))).toEqual([0, 65535]);
    expect(integerDomain(new Float32Array(1))).toBeUndefined();
  });
});
