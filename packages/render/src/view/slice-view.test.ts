import { describe, expect, it } from 'vitest';
import { RenderInputError } from '../errors/render-input-error.js';
import { DEFAULT_SLICE_VIEW, mergeSliceView } from './slice-view.js';

describe('mergeSliceView', () => {
  it('applies a partial view over the base', () => {
    const view = mergeSliceView(DEFAULT_SLICE_VIEW, { zoom: 2, colormap: 'hot-iron' });
    expect(view).toMatchObject({ zoom: 2, colormap: 'hot-iron', interpolation: 'nearest', rotation: 0 });
  });

  it.each([
    [{ zoom: 0 }, /Zoom 0/],
    [{ zoom: Number.NaN }, /Zoom NaN/],
    [{ voi: { kind: 'window' as const, center: 0, width: 0.9 } }, /Window width 0.9/],
    [
      { voi: { kind: 'window' as const, center: 0, width: 0, function: 'SIGMOID' as const } },
      /Window width 0/,
    ],
    [{ colormap: 'jet' as never }, /Unknown colour map jet/],
    [{ interpolation: 'cubic' as never }, /Unknown interpolation cubic/],
    [{ pan: [0, Number.POSITIVE_INFINITY] as const }, /finite/],
  ])('refuses %o with RENDER_INVALID_VIEW', (patch, message) => {
    const error = (() => {
      try {
        mergeSliceView(DEFAULT_SLICE_VIEW, patch);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RenderInputError);
    expect(error).toMatchObject({ code: 'RENDER_INVALID_VIEW', message: expect.stringMatching(message) });
  });
});
