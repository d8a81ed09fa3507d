import type { RenderVolume } from '@fovea/render';
import { describe, expect, it } from 'vitest';
import { checkFusion, fusionKey, fusionLayer } from './fusion-layer.js';
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

describe('fusionLayer and fusionKey', () => {
  const volume = { renderVolume: { id: 3 } as RenderVolume } as SeriesVolume;

  it('passes the window as the layer’s VOI, and leaves it out for the min–max default', () => {
    expect(fusionLayer({ ...settings, volume, window: { center: 7500, width: 15000 } })?.voi).toEqual({
      kind: 'window',
      center: 7500,
      width: 15000,
    });
    expect(fusionLayer({ ...settings, volume })).not.toHaveProperty('voi');
    expect(fusionLayer({ ...settings, volume: undefined })).toBeUndefined();
  });

  it('changes the key when the window does', () => {
    const keys = [undefined, { center: 7500, width: 15000 }, { center: 7500, width: 20000 }].map((window) =>
      fusionKey(fusionLayer({ ...settings, volume, window })),
    );
    expect(new Set(keys).size).toBe(3);
    expect(fusionKey(undefined)).toBe('');
  });
});
