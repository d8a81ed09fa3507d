import type { RenderVolume } from '@fovea/render';
import { describe, expect, it } from 'vitest';
import { checkFusion, fusionLayer } from './fusion-layer.js';
import type { SeriesVolume } from './series-volume.js';

const settings = { opacity: 0.5, colormap: 'hot-iron' } as const;

describe('checkFusion', () => {
  it('gives no window when neither centre nor width is set (null: an attribute removed)', () => {
    expect(checkFusion(settings)).toBeUndefined();
    expect(checkFusion({ ...settings, windowCenter: null, windowWidth: null })).toBeUndefined();
  });

  it('gives the window when both are set, in the units given', () => {
    expect(checkFusion({ ...settings, windowCenter: 7500, windowWidth: 15000 })).toEqual({
      center: 7500,
      width: 15000,
    });
  });

  it.each([
    [7500, undefined, /only the centre 7500 is set/],
    [null, 15000, /only the width 15000 is set/],
    [Number.NaN, 15000, /centre NaN is not a finite number/],
    [7500, Number.POSITIVE_INFINITY, /width Infinity is not a number ≥ 1/],
    [7500, 0, /width 0 is not a number ≥ 1/],
    [7500, -3, /width -3 is not a number ≥ 1/],
    [7500, 0.5, /width 0.5 is not a number ≥ 1/],
  ])('refuses centre %s and width %s with INVALID_FUSION naming the value', (center, width, text) => {
    let error: unknown;
    try {
      checkFusion({ ...settings, windowCenter: center, windowWidth: width });
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('INVALID_FUSION');
    expect((error as Error).message).toMatch(text);
  });
});

describe('fusionLayer', () => {
  const stored = { center: 10133, width: 20265 };
  const volume = { renderVolume: { id: 3 } as RenderVolume, storedWindow: stored } as SeriesVolume;
  const bare = { renderVolume: { id: 4 } as RenderVolume, storedWindow: undefined } as SeriesVolume;

  it('passes the window set as the layer’s VOI, before the series’ stored one', () => {
    expect(fusionLayer({ ...settings, volume, window: { center: 7500, width: 15000 } })?.voi).toEqual({
      kind: 'window',
      center: 7500,
      width: 15000,
    });
  });

  it('falls back to the series’ stored window, and leaves the VOI out (min–max) without one', () => {
    expect(fusionLayer({ ...settings, volume })?.voi).toEqual({ kind: 'window', ...stored });
    expect(fusionLayer({ ...settings, volume: bare })).not.toHaveProperty('voi');
    expect(fusionLayer({ ...settings, volume: undefined })).toBeUndefined();
  });
});
