import { describe, expect, it } from 'vitest';
import { chooseScaleBar, mmPerScreenPixel } from './scale-bar.js';

const upright = { rotation: 0, flipHorizontal: false, flipVertical: false };

describe('chooseScaleBar', () => {
  it('picks the longest 1-2-5 length that fits', () => {
    // 0.7 mm per pixel, 100 px available: 70 mm fit, so 50 mm, drawn 71.4 px long.
    const bar = chooseScaleBar(0.7, 100);
    expect(bar?.mm).toBe(50);
    expect(bar?.lengthPx).toBeCloseTo(50 / 0.7, 9);
    expect(chooseScaleBar(0.7, 150)?.mm).toBe(100);
    expect(chooseScaleBar(0.7, 142)?.mm).toBe(50);
    expect(chooseScaleBar(1, 200)?.mm).toBe(200);
    expect(chooseScaleBar(1, 199.9)?.mm).toBe(100);
  });

  it('goes below a millimetre when zoomed far in, without binary noise', () => {
    expect(chooseScaleBar(0.004, 150)?.mm).toBe(0.5);
    expect(chooseScaleBar(0.0015, 150)?.mm).toBe(0.2);
  });

  it('never draws a bar longer than the room it has', () => {
    for (const mmPerPixel of [0.013, 0.07, 0.15, 0.3906, 0.977, 2.5, 7]) {
      for (const room of [40, 97, 120, 333]) {
        const bar = chooseScaleBar(mmPerPixel, room);
        expect(bar?.lengthPx).toBeLessThanOrEqual(room + 1e-9);
        // And it is at least two fifths of the room (the next 1-2-5 step would not fit).
        expect(bar?.lengthPx).toBeGreaterThan(room * 0.4 - 1e-9);
      }
    }
  });

  it('shows nothing for an unknown or broken scale', () => {
    expect(chooseScaleBar(Number.NaN, 100)).toBeUndefined();
    expect(chooseScaleBar(0, 100)).toBeUndefined();
    expect(chooseScaleBar(-1, 100)).toBeUndefined();
    expect(chooseScaleBar(1, 0)).toBeUndefined();
  });
});

describe('mmPerScreenPixel', () => {
  it('divides the column spacing by the zoom', () => {
    expect(mmPerScreenPixel([0.5, 0.8], 2, upright)).toBeCloseTo(0.4, 12);
    expect(mmPerScreenPixel([0.5, 0.8], 2, { ...upright, flipHorizontal: true })).toBeCloseTo(0.4, 12);
  });

  it('uses the row spacing across the screen after a quarter turn', () => {
    expect(mmPerScreenPixel([0.5, 0.8], 2, { ...upright, rotation: 90 })).toBeCloseTo(0.25, 12);
    expect(mmPerScreenPixel([0.5, 0.8], 2, { ...upright, rotation: 270 })).toBeCloseTo(0.25, 12);
    expect(mmPerScreenPixel([0.5, 0.8], 2, { ...upright, rotation: 180 })).toBeCloseTo(0.4, 12);
  });
});
