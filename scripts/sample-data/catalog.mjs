// @ts-check
/**
 * The five sample studies and their primary series, and the configurations that size them:
 * DEFAULT_CONFIG gives the real sizes; TEST_CONFIG keeps every series and transfer syntax but
 * generates only a few slices around each known feature and shrinks the projection images, so a
 * test can generate everything in seconds.
 */
import { makeStudy } from './dicom-common.mjs';
import { mgSeries } from './mammo.mjs';
import { MR_FEATURE, mrSeries } from './mr.mjs';
import { petSeries } from './pet.mjs';
import { CT_EXCERPT_SLICES, CT_LESION_INSTANCE, ctSeries } from './phantom-ct.mjs';
import { crSeries, dxSeries } from './projection.mjs';
import { usSeries } from './us-cine.mjs';

/**
 * @typedef {object} SampleConfig
 * @property {{ firstInstance: number, count: number, excerpt: number }} ct
 * @property {{ firstInstance: number, count: number }} pet
 * @property {{ firstInstance: number, count: number }} mr
 * @property {number} projectionScale divides DX, CR and MG sizes
 * @property {{ frames: number }} us
 * @property {string[] | null} syntaxes transfer syntax keys of the variants, null for all
 */

/** @type {SampleConfig} */
export const DEFAULT_CONFIG = {
  ct: { firstInstance: 1, count: 300, excerpt: CT_EXCERPT_SLICES },
  pet: { firstInstance: 1, count: 75 },
  mr: { firstInstance: 1, count: 40 },
  projectionScale: 1,
  us: { frames: 30 },
  syntaxes: null,
};

/** @type {SampleConfig} */
export const TEST_CONFIG = {
  ct: { firstInstance: CT_LESION_INSTANCE - 3, count: 6, excerpt: 4 },
  pet: { firstInstance: 37, count: 3 },
  mr: { firstInstance: MR_FEATURE.instanceNumber - 1, count: 3 },
  projectionScale: 16,
  us: { frames: 3 },
  syntaxes: null,
};

/**
 * @typedef {object} Catalog
 * @property {import('./dicom-common.mjs').StudyInfo[]} studies
 * @property {import('./types.mjs').SeriesSpec[]} series primary series, in generation order
 */

/**
 * @param {SampleConfig} config
 * @returns {Catalog}
 */
export function buildCatalog(config) {
  const common = { patientSex: 'O', studyDate: '20240115' };
  const ct = makeStudy({
    ...common,
    key: 'phantom-ct',
    patientName: 'Phantom^CT',
    patientId: 'FOVEA-PH-CT',
    description: 'Phantom CT and FDG PET',
    accessionNumber: 'FOVEA-0001',
  });
  const mr = makeStudy({
    ...common,
    key: 'phantom-mr',
    patientName: 'Phantom^MR',
    patientId: 'FOVEA-PH-MR',
    description: 'Phantom MR head',
    accessionNumber: 'FOVEA-0002',
  });
  const xr = makeStudy({
    ...common,
    key: 'phantom-xr',
    patientName: 'Phantom^XR',
    patientId: 'FOVEA-PH-XR',
    description: 'Phantom radiographs',
    accessionNumber: 'FOVEA-0003',
  });
  const mg = makeStudy({
    ...common,
    key: 'phantom-mg',
    patientName: 'Phantom^MG',
    patientId: 'FOVEA-PH-MG',
    patientSex: 'F',
    description: 'Phantom mammography',
    accessionNumber: 'FOVEA-0004',
  });
  const us = makeStudy({
    ...common,
    key: 'phantom-us',
    patientName: 'Phantom^US',
    patientId: 'FOVEA-PH-US',
    description: 'Phantom ultrasound',
    accessionNumber: 'FOVEA-0005',
  });
  return {
    studies: [ct, mr, xr, mg, us],
    series: [
      ctSeries({ study: ct, ...config.ct }),
      petSeries({ study: ct, ...config.pet }),
      mrSeries({ study: mr, ...config.mr }),
      dxSeries({ study: xr, scale: config.projectionScale }),
      crSeries({ study: xr, scale: config.projectionScale }),
      mgSeries({ study: mg, scale: config.projectionScale }),
      usSeries({ study: us, ...config.us }),
    ],
  };
}
