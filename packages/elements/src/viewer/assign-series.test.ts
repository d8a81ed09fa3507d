import type { SeriesSummary } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { assignSeries, imageSeries } from './assign-series.js';

describe('assignSeries', () => {
  it('fills empty viewports with the series in order, the preferred one first', () => {
    expect(assignSeries([], 2, ['a', 'b', 'c'], 'c')).toEqual(['c', 'a']);
    expect(assignSeries([], 4, ['a', 'b'])).toEqual(['a', 'b', '', '']);
  });

  it('keeps what viewports show when the layout grows or shrinks', () => {
    expect(assignSeries(['b'], 4, ['a', 'b', 'c'], 'a')).toEqual(['b', 'a', 'c', '']);
    expect(assignSeries(['c', 'a', 'b', ''], 1, ['a', 'b', 'c'])).toEqual(['c']);
  });

  it('ignores a preferred series the study does not have', () => {
    expect(assignSeries([], 1, ['a'], 'zzz')).toEqual(['a']);
  });
});

describe('imageSeries', () => {
  const summary = (uid: string, modality: string, seriesNumber: number) =>
    ({ seriesInstanceUid: uid, modality, seriesNumber }) as SeriesSummary;

  it('leaves out reports and presentation states and sorts by series number', () => {
    const list = [
      summary('sr', 'SR', 1),
      summary('pt', 'PT', 3),
      summary('ct', 'CT', 2),
      summary('pr', 'PR', 4),
    ];
    expect(imageSeries(list).map((s) => s.seriesInstanceUid)).toEqual(['ct', 'pt']);
  });
});
