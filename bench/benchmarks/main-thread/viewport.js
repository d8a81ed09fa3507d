// One <fovea-viewport> opens the 300-slice CT (it shows the middle slice, then prefetches the rest
// of the series behind it), and the reader pages through 100 slices at once, each on screen before
// the next, as e2e/viewer.spec.ts does. `?fetch=page` hands the client a host fetch function: a
// function cannot cross to a worker, so the frames are then fetched on the page.
import '@fovea/elements/define';
import { DicomWebClient } from '@fovea/core';

const params = new URLSearchParams(location.search);
const viewport = document.getElementById('viewport');
const hostFetch = params.get('fetch') === 'page';
viewport.client = new DicomWebClient({
  root: '/dicom-web',
  ...(hostFetch ? { fetch: (input, init) => fetch(input, init) } : {}),
});

viewport.addEventListener('fovea-error', (event) => window.benchFail(event.error));
viewport.addEventListener(
  'fovea-load',
  () => {
    window.benchMark('firstImage');
    scroll().catch(window.benchFail);
  },
  { once: true },
);
viewport.addEventListener('fovea-progress', (event) => {
  if (event.loaded === event.total) window.benchMark('prefetched');
});
viewport.studyUid = params.get('study') ?? '';
viewport.seriesUid = params.get('series') ?? '';

async function scroll() {
  const steps = Number(params.get('steps') ?? 100);
  const from = viewport.frameIndex;
  for (let i = 1; i <= steps; i++) {
    await viewport.showFrame(from + i);
    if (viewport.shownFrameIndex !== from + i) throw new Error(`Slice ${from + i} was not shown`);
  }
  window.benchMark('scrolled');
}
