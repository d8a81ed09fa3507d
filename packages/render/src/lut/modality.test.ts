import { describe, expect, it } from 'vitest';
import { modalityFunction } from './modality.js';

describe('modalityFunction', () => {
  it('is the identity without a modality transform', () => {
    expect([-32768, 0, 65535].map(modalityFunction(undefined))).toEqual([-32768, 0, 65535]);
  });

  it('rescales with real values, fractional slopes included (PS3.3 C.11.1.1.2)', () => {
    const rescale = modalityFunction({ kind: 'rescale', slope: 0.5, intercept: -1024 });
    expect([-32768, -3, 0, 3, 65535].map(rescale)).toEqual([-17408, -1025.5, -1024, -1022.5, 31743.5]);
  });

  it('looks stored values up in a LUT, clamping to its first and last entries', () => {
    const lut = modalityFunction({ kind: 'lut', firstValueMapped: -2, data: Uint16Array.from([10, 20, 30]) });
    expect([-100, -2, -1, 0, 1, 1000].map(lut)).toEqual([10, 10, 20, 30, 30, 30]);
  });
});
