// The whole integration without a bundler: the bundle registers the tags on import and exports
// the few objects a host needs. Opening a study shows its first series.
import { DicomWebClient, searchForSeries } from './fovea/fovea.js';

const client = new DicomWebClient({ root: '/dicom-web' });
const viewport = document.querySelector('fovea-viewport');

document.addEventListener('fovea-study-select', async ({ study }) => {
  const series = await searchForSeries(client, { studyInstanceUid: study.studyInstanceUid });
  series.sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0));
  if (!series[0] || !viewport) return;
  viewport.studyUid = study.studyInstanceUid;
  viewport.seriesUid = series[0].seriesInstanceUid;
});
