import { describe, expect, it } from 'vitest';
import type { GreySliceImage } from '../image/slice-image.js';
import { greyLevelFunction, greyPipeline, minMaxWindow } from './grey-pipeline.js';

const image = (photometricInterpretation: GreySliceImage['photometricInterpretation']): GreySliceImage => ({
  kind: 'grey',
  columns: 2,
  rows: 2,
  pixels: Int16Array.from([-2000, 0, 24, 1000]),
  photometricInterpretation,
  modality: { kind: 'rescale', slope: 1, intercept: -1024 },
});

describe('greyPipeline', () => {
  it('applies rescale before the window: stored 1064 is 40 HU, the centre of c 40 w 400', () => {
    const level = greyLevelFunction(
      greyPipeline(image('MONOCHROME2'), { kind: 'window', center: 40, width: 400 }, false),
    );
    // Borders −160 and 239 HU. 40 HU: ((40 − 39.5) / 399 + 0.5) · 255 = 127.8; −158 HU: 1.28;
    // 238 HU: 254.36.
    expect([1064, 864, 866, 1262, 1264].map(level)).toEqual([127, 0, 1, 254, 255]);
  });

  it('inverts MONOCHROME1, and a presentation inversion cancels it', () => {
    const voi = { kind: 'window' as const, center: 40, width: 400 };
    expect(greyPipeline(image('MONOCHROME1'), voi, false).inverse).toBe(true);
    expect(greyPipeline(image('MONOCHROME1'), voi, true).inverse).toBe(false);
    expect(greyPipeline(image('MONOCHROME2'), voi, true).inverse).toBe(true);
    const level = greyLevelFunction(greyPipeline(image('MONOCHROME1'), voi, false));
    expect([824, 1064, 1264].map(level)).toEqual([255, 127, 0]);
  });
});

describe('minMaxWindow', () => {
  it('maps the smallest modality value to 0 and the largest to 255', () => {
    const voi = minMaxWindow(image('MONOCHROME2'));
    expect(voi).toEqual({ kind: 'window', center: (-3024 + -24 + 1) / 2, width: 3001 });
    const level = greyLevelFunction(greyPipeline(image('MONOCHROME2'), voi, false));
    expect(level(-2000)).toBe(0);
    expect(level(1000)).toBeGreaterThanOrEqual(254);
  });
});
