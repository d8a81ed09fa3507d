// Fovea's side: one <fovea-viewport> shows the middle slice of the CT (first image = fovea-load,
// the image is on screen); then every slice is fetched (WADO-RS, one request per frame, as
// Cornerstone does) and decoded in the same one-worker pool into a core Volume (WASM).
import '@fovea/elements/define';
import { DecoderPool } from '@fovea/codecs';
import {
  DicomWebClient,
  groupDisplaySets,
  instanceFromDataset,
  retrieveFrames,
  retrieveSeriesMetadata,
  Volume,
  VolumeWasmLoader,
} from '@fovea/core';

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
    loadVolume().catch(window.benchFail);
  },
  { once: true },
);
viewport.client = client;
viewport.decoderPool = pool;
viewport.studyUid = studyUid;
viewport.seriesUid = seriesUid;

async function loadVolume() {
  const datasets = await retrieveSeriesMetadata(client, studyUid, seriesUid);
  const set = groupDisplaySets(datasets.map((dataset) => instanceFromDataset(dataset))).find(
    (s) => s.type === 'volume',
  );
  if (!set) throw new Error('The series is not a volume');
  const volume = await Volume.create(set, { wasm: new VolumeWasmLoader() });
  await Promise.all(
    set.slices.map(async (ref, index) => {
      const { instance } = ref;
      const [frame] = await retrieveFrames(
        client,
        {
          studyInstanceUid: studyUid,
          seriesInstanceUid: seriesUid,
          sopInstanceUid: instance.sopInstanceUid ?? '',
        },
        [ref.frameIndex + 1],
      );
      if (!frame || !instance.pixel) throw new Error(`No frame for slice ${index}`);
      const decoded = await pool.decode(frame.bytes, instance.pixel, frame.transferSyntaxUid);
      volume.writeSlice(index, decoded.pixels);
    }),
  );
  if (!volume.isComplete) throw new Error(`Volume incomplete: ${volume.readyCount} slices`);
  window.benchMark('volumeReady', volume.readyCount);
}
