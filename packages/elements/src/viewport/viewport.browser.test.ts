import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient } from '@fovea/core';
import { RenderDevice } from '@fovea/render';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineFoveaElements } from '../define.js';
import { openViewport } from '../test-support/open-viewport.js';
import type { FoveaViewport } from './viewport.js';

defineFoveaElements();

interface QidoSeries {
  '0020000E': { Value: [string] };
  '00201209'?: { Value?: [number] };
  '00080060'?: { Value?: [string] };
}

/** A CT or MR series of the corpus with several slices, found the way a host would: QIDO-RS. */
let series: { study: string; series: string };
let pool: DecoderPool;
let device: RenderDevice;

// The codec .wasm files as the dev server serves them from the codecs package's node_modules.
const wasm = (pkg: string, file: string): string =>
  new URL(`../../../codecs/node_modules/@cornerstonejs/${pkg}/dist/${file}`, import.meta.url).href;

beforeAll(async () => {
  const json = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;
  const studies = await json<Array<{ '0020000D': { Value: [string] } }>>(
    '/dicom-web/studies?limit=1000&ModalitiesInStudy=CT,MR',
  );
  for (const study of studies) {
    const uid = study['0020000D'].Value[0];
    const found = (await json<QidoSeries[]>(`/dicom-web/studies/${uid}/series`)).find(
      (s) => (s['00201209']?.Value?.[0] ?? 0) >= 3,
    );
    if (found) {
      series = { study: uid, series: found['0020000E'].Value[0] };
      break;
    }
  }
  if (!series) throw new Error('the corpus has no CT or MR series of three or more instances');
  pool = new DecoderPool({
    size: 1,
    wasmUrls: {
      'libjpeg-turbo': wasm('codec-libjpeg-turbo-8bit', 'libjpegturbowasm_decode.wasm'),
      charls: wasm('codec-charls', 'charlswasm_decode.wasm'),
      openjpeg: wasm('codec-openjpeg', 'openjpegwasm_decode.wasm'),
      openjph: wasm('codec-openjph', 'openjphjs.wasm'),
    },
  });
  device = await RenderDevice.create();
});

afterAll(() => {
  pool?.dispose();
  device?.dispose();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A viewport on the shared pool and device, showing the series through `client`. */
function open(client: DicomWebClient): Promise<FoveaViewport> {
  return openViewport({
    client,
    pool,
    device,
    studyUid: series.study,
    seriesUid: series.series,
    style: 'display:block;width:256px;height:256px',
  });
}

/** Frame requests the page itself made (a worker's fetches are in the worker's own timeline). */
function pageFrameRequests(): number {
  return performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/frames/')).length;
}

describe('<fovea-viewport> frame loading', () => {
  // First: Lit warns once per page, so a later test would not see it.
  it('loads without Lit scheduling an update after an update completed', async () => {
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    });
    const viewport = await open(new DicomWebClient({ root: '/dicom-web' }));
    await viewport.showFrame(1);
    await viewport.updateComplete;
    expect(warnings.filter((w) => w.includes('scheduled an update'))).toEqual([]);
  });

  it('fetches frames in the decoder worker, showing the same pixels as a host fetch on the page', async () => {
    performance.clearResourceTimings();
    const inWorkers = await open(new DicomWebClient({ root: '/dicom-web' }));
    const last = inWorkers.frameCount - 1;
    expect(last).toBeGreaterThanOrEqual(2);
    await inWorkers.showFrame(last);
    const workerPixels = await inWorkers.readPixels();
    expect(pageFrameRequests()).toBe(0);
    inWorkers.remove();

    const hostFetched: string[] = [];
    const onPage = await open(
      new DicomWebClient({
        root: '/dicom-web',
        fetch: (input, init) => {
          if (String(input).includes('/frames/')) hostFetched.push(String(input));
          return fetch(input, init);
        },
      }),
    );
    await onPage.showFrame(last);
    const pagePixels = await onPage.readPixels();
    expect(hostFetched.length).toBeGreaterThanOrEqual(2);
    expect(pageFrameRequests()).toBe(hostFetched.length);
    expect([pagePixels.width, pagePixels.height]).toEqual([workerPixels.width, workerPixels.height]);
    // Same frame, same window: byte for byte the same picture, and not a blank one.
    expect(pagePixels.data).toEqual(workerPixels.data);
    expect(new Set(workerPixels.data).size).toBeGreaterThan(2);
  });

  it('hands the worker a fresh Authorization header per request, never a token in a URL', async () => {
    const asked: string[] = [];
    const viewport = await open(
      new DicomWebClient({
        root: '/dicom-web',
        tokenProvider: async ({ url }) => {
          asked.push(url);
          return 'not-checked-by-this-orthanc';
        },
      }),
    );
    await viewport.showFrame(1);
    const frameTokens = asked.filter((url) => url.includes('/frames/'));
    expect(frameTokens.length).toBeGreaterThanOrEqual(2);
    expect(asked.every((url) => !url.includes('not-checked'))).toBe(true);
  });
});
