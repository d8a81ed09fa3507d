// What both Fovea pages do after their first image, so "volume ready" means the same for both:
// every slice of the series fetched (WADO-RS, one request per frame, as Cornerstone does) and
// decoded in the page's one-worker pool into a core Volume (WASM), then benchMark('volumeReady').
import {
  groupDisplaySets,
  instanceFromDataset,
  retrieveFrames,
  retrieveSeriesMetadata,
  Volume,
  VolumeWasmLoader,
} from '@fovea/core';

/**
 * @param {import('@fovea/core').DicomWebClient} client
 * @param {import('@fovea/codecs').DecoderPool} pool
 * @param {string} studyUid
 * @param {string} seriesUid
 */
export async function loadVolume(client, pool, studyUid, seriesUid) {
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
