// Fovea as a host embeds it: one <fovea-viewer> from attributes (study header, toolbar, series
// browser with its thumbnail, one viewport opening the series asked for at its middle slice).
// First image = the viewer's first fovea-load (its viewport has the image on screen); then the
// volume is loaded as on the bare viewport's page (load-volume.js), in the viewer's pool.
import '@fovea/elements/define';
import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient } from '@fovea/core';
import { loadVolume } from './load-volume.js';

const params = new URLSearchParams(location.search);
const studyUid = params.get('study') ?? '';
const seriesUid = params.get('series') ?? '';
// One decoder worker, as on the Cornerstone page. The viewer reads its pool when it enters the
// page, so the element is made, given the pool, and only then inserted.
const pool = new DecoderPool({ size: 1 });
const viewer = document.createElement('fovea-viewer');
viewer.id = 'viewer';
viewer.decoderPool = pool;
viewer.setAttribute('dicomweb-root', '/dicom-web');
viewer.setAttribute('study-uid', studyUid);
viewer.setAttribute('series-uid', seriesUid);
viewer.addEventListener('fovea-error', (event) => window.benchFail(event.error));
viewer.addEventListener(
  'fovea-load',
  (event) => {
    window.benchMark('firstImage', event.frameCount);
    const canvas = viewer.activeViewport?.getBoundingClientRect();
    window.benchResult.viewportCss = canvas ? [Math.round(canvas.width), Math.round(canvas.height)] : [];
    loadVolume(new DicomWebClient({ root: '/dicom-web' }), pool, studyUid, seriesUid).catch(window.benchFail);
  },
  { once: true },
);
document.body.append(viewer);
