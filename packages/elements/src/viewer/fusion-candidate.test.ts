import type { SeriesSummary } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { fusionCandidate } from './fusion-candidate.js';

function series(uid: string, modality: string, frame: string | undefined, seriesNumber = 1): SeriesSummary {
  return {
    studyInstanceUid: '1.2',
    seriesInstanceUid: uid,
    modality,
    seriesNumber,
    seriesDescription: undefined,
    numberOfInstances: 10,
    dataset: frame ? { '00200052': { vr: 'UI', Value: [frame] } } : {},
  };
}

describe('fusionCandidate', () => {
  it('offers the PET in the CT’s frame of reference, the lowest series number first', () => {
    const study = [
      series('ct', 'CT', 'for-1', 2),
      series('pt-b', 'PT', 'for-1', 5),
      series('pt-a', 'PT', 'for-1', 3),
    ];
    expect(fusionCandidate(study, 'ct')?.seriesInstanceUid).toBe('pt-a');
  });

  it('never offers a PET known to lie in another frame of reference', () => {
    const study = [series('ct', 'CT', 'for-1'), series('pt', 'PT', 'for-2')];
    expect(fusionCandidate(study, 'ct')).toBeUndefined();
  });

  it('offers a PET whose frame of reference the server did not report (the layout checks it)', () => {
    const study = [series('ct', 'CT', 'for-1'), series('pt', 'PT', undefined)];
    expect(fusionCandidate(study, 'ct')?.seriesInstanceUid).toBe('pt');
  });

  it('offers nothing over a PET, a radiograph or a study without PET', () => {
    expect(fusionCandidate([series('pt', 'PT', 'f'), series('pt2', 'PT', 'f')], 'pt')).toBeUndefined();
    expect(fusionCandidate([series('dx', 'DX', 'f'), series('pt', 'PT', 'f')], 'dx')).toBeUndefined();
    expect(fusionCandidate([series('ct', 'CT', 'f'), series('mr', 'MR', 'f')], 'ct')).toBeUndefined();
    expect(fusionCandidate([series('ct', 'CT', 'f')], 'other')).toBeUndefined();
  });
});
