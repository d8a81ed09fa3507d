import { DicomWebClient, searchForSeries } from '@fovea/core';
import '@fovea/elements/define';

// Until <fovea-viewer> and its series browser land, the host page lists the series itself and
// points one <fovea-viewport> at the chosen series.
const client = new DicomWebClient({ root: '/dicom-web' });
const reader = document.querySelector<HTMLElement>('#reader');
const heading = document.querySelector<HTMLElement>('#selection');
const seriesNav = document.querySelector<HTMLElement>('#series');
const viewport = document.querySelector('fovea-viewport');

document.addEventListener('fovea-study-select', async ({ study }) => {
  if (!reader || !heading || !seriesNav || !viewport) return;
  reader.hidden = false;
  heading.textContent = `Study ${study.studyDescription ?? ''} (${study.studyInstanceUid})`;
  const series = await searchForSeries(client, { studyInstanceUid: study.studyInstanceUid });
  series.sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0));
  seriesNav.replaceChildren(
    ...series.map((s) => {
      const button = document.createElement('button');
      button.textContent = `${s.modality ?? ''} ${s.seriesDescription ?? s.seriesInstanceUid}`;
      button.dataset.seriesUid = s.seriesInstanceUid;
      button.addEventListener('click', () => show(s.seriesInstanceUid));
      return button;
    }),
  );
  const show = (seriesUid: string) => {
    viewport.studyUid = study.studyInstanceUid;
    viewport.seriesUid = seriesUid;
  };
  if (series[0]) show(series[0].seriesInstanceUid);
});
