import type { CineTiming } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { cineElapsedMs } from './cine-time.js';

const timing = (values: Partial<CineTiming>): CineTiming => ({
  frameTime: undefined,
  frameTimeVector: [],
  recommendedDisplayFrameRate: undefined,
  cineRate: undefined,
  ...values,
});

describe('cineElapsedMs', () => {
  it('multiplies the frame index by Frame Time', () => {
    const us = timing({ frameTime: 33.33, cineRate: 30 });
    expect(cineElapsedMs(us, 0, 30)).toBe(0);
    expect(cineElapsedMs(us, 5, 30)).toBeCloseTo(166.65, 9);
    expect(cineElapsedMs(us, 29, 30)).toBeCloseTo(966.57, 9);
  });

  it('adds up the Frame Time Vector when it has a value per frame, ahead of Frame Time', () => {
    const uneven = timing({ frameTime: 40, frameTimeVector: [0, 30, 50, 20] });
    expect([0, 1, 2, 3].map((i) => cineElapsedMs(uneven, i, 4))).toEqual([0, 30, 80, 100]);
    // A vector of the wrong length is not trusted; Frame Time is.
    expect(cineElapsedMs(timing({ frameTime: 40, frameTimeVector: [0, 30] }), 3, 4)).toBe(120);
  });

  it('knows no time for a single frame, without timing, from display rates only, or from broken values', () => {
    expect(cineElapsedMs(timing({ frameTime: 33.33 }), 0, 1)).toBeUndefined();
    expect(cineElapsedMs(undefined, 3, 30)).toBeUndefined();
    expect(cineElapsedMs(timing({ cineRate: 30, recommendedDisplayFrameRate: 30 }), 3, 30)).toBeUndefined();
    expect(cineElapsedMs(timing({ frameTime: 0 }), 3, 30)).toBeUndefined();
    expect(cineElapsedMs(timing({ frameTime: -33 }), 3, 30)).toBeUndefined();
    expect(cineElapsedMs(timing({ frameTimeVector: [0, 30, Number.NaN, 20] }), 3, 4)).toBeUndefined();
    expect(cineElapsedMs(timing({ frameTime: 33.33 }), 30, 30)).toBeUndefined();
  });
});
