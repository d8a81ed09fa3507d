import { describe, expect, it } from 'vitest';
import { f32Inverse, floatQuotient, MAX_QUOTIENT } from './float-quotient.js';

describe('floatQuotient', () => {
  it('is ⌊x / d⌋ at and beside every multiple of small divisors', () => {
    for (let d = 1; d <= 600; d++) {
      for (let x = 0; x <= 64 * d + 1; x++) {
        const q = floatQuotient(x, d);
        if (q !== Math.floor(x / d)) expect([x, d, q]).toEqual([x, d, Math.floor(x / d)]);
      }
    }
  });

  it('is ⌊x / d⌋ up to quotients of 2^22, where f32 holds neither x nor x / d exactly', () => {
    const divisors = [1, 2, 3, 7, 255, 256, 511, 600, 1499, 1500, 2047, 2048, 2049, 3000, 4095, 65535];
    for (const d of divisors) {
      const inverse = f32Inverse(d);
      // Multiples near the top of the range, and a spread of quotients below it.
      for (const k of [MAX_QUOTIENT - 1, MAX_QUOTIENT - 2, 2 ** 21 + 1, 2 ** 20 - 1, 999_983, 12_345, 4097]) {
        for (const x of [k * d - 1, k * d, k * d + 1, k * d + d - 1]) {
          if (x < 0 || x / d >= MAX_QUOTIENT) continue;
          expect(floatQuotient(x, d, inverse), `${x} / ${d}`).toBe(Math.floor(x / d));
        }
      }
    }
  });

  it('corrects an estimate one too high and one too low (the raw f32 product is off at times)', () => {
    let low = 0;
    let high = 0;
    for (let d = 3; d <= 4099; d += 2) {
      for (const k of [MAX_QUOTIENT - 1, 3_000_001, 1_048_573]) {
        for (const x of [k * d - 1, k * d]) {
          const raw = Math.trunc(Math.fround(Math.fround(x) * f32Inverse(d)));
          const exact = Math.floor(x / d);
          if (raw < exact) low++;
          if (raw > exact) high++;
          expect(floatQuotient(x, d)).toBe(exact);
        }
      }
    }
    expect(low).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(0);
  });
});
