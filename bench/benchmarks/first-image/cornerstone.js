// Cornerstone3D's side, as its own examples do it: metadata from WADO-RS registered per imageId,
// a stack viewport showing the middle slice (first image = CORNERSTONE_IMAGE_RENDERED), then a
// streaming image volume of every slice (ready when volume.load reports every frame).
import { Enums, init, RenderingEngine, volumeLoader } from '@cornerstonejs/core';
import { init as initLoader, wadors } from '@cornerstonejs/dicom-image-loader';

const params = new URLSearchParams(location.search);
const studyUid = params.get('study') ?? '';
const seriesUid = params.get('series') ?? '';
const root = `${location.origin}/dicom-web`;

async function main() {
  await init();
  // One decoder worker, as the Fovea page's pool.
  initLoader({ maxWebWorkers: 1 });
  const seriesPath = `${root}/studies/${studyUid}/series/${seriesUid}`;
  const response = await fetch(`${seriesPath}/metadata`, { headers: { Accept: 'application/dicom+json' } });
  if (!response.ok) throw new Error(`metadata: HTTP ${response.status}`);
  const instances = await response.json();
  const number = (instance) => instance['00200013']?.Value?.[0] ?? 0;
  instances.sort((a, b) => number(a) - number(b));
  const imageIds = instances.map((instance) => {
    const sop = instance['00080018'].Value[0];
    const imageId = `wadors:${seriesPath}/instances/${sop}/frames/1`;
    wadors.metaDataManager.add(imageId, instance);
    return imageId;
  });

  const element = document.getElementById('viewport');
  const engine = new RenderingEngine('bench');
  engine.enableElement({ viewportId: 'ct', type: Enums.ViewportType.STACK, element });
  const viewport = engine.getViewport('ct');
  element.addEventListener(
    Enums.Events.IMAGE_RENDERED,
    () => {
      window.benchMark('firstImage', imageIds.length);
      loadVolume(imageIds).catch(window.benchFail);
    },
    { once: true },
  );
  await viewport.setStack(imageIds, Math.floor(imageIds.length / 2));
  viewport.render();
}

async function loadVolume(imageIds) {
  const volume = await volumeLoader.createAndCacheVolume('cornerstoneStreamingImageVolume:ct', { imageIds });
  volume.load(() => window.benchMark('volumeReady', imageIds.length));
}

main().catch(window.benchFail);
