// Fovea's bare element: one <fovea-viewport> (no series browser, no toolbar) shows the middle
// slice of the CT (first image = fovea-load, the image is on screen); then the volume is loaded
// as on the viewer's page (load-volume.js), in the viewport's one-worker pool.
import '@fovea/elements/define';
import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient } from '@fovea/core';
import { loadVolume } from './load-volume.js';

const params = new URLSearchParams(location.search);
const studyUid = params.get('study') ?? '';
const seriesUid = params.get('series') ?? '';
const client = new DicomWebClient({ root: '/dicom-web' });
const pool = new DecoderPool({ size: 1 });
const viewport = document.getElementById('viewport');

viewport.addEventListener('fovea-error', (event) => window.benchFail(event.error));
viewport.addEventListener(
  'fovea-load',
  (event) => {
    window.benchMark('firstImage', event.frameCount);
    loadVolume(client, pool, studyUid, seriesUid).catch(window.benchFail);
  },
  { once: true },
);
viewport.client = client;
viewport.decoderPool = pool;
viewport.studyUid = studyUid;
viewport.seriesUid = seriesUid;
