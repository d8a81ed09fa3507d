/**
 * `DecoderPool.fetchAndDecode` against Orthanc: a worker fetches a frame over WADO-RS, parses the
 * multipart answer and decodes it, and the page-side client's `relay` supplies headers, retries
 * and typed errors. The pixels equal those of fetching and decoding on the calling thread.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DicomWebClient, DicomWebError, frameUrl, readPart10, retrieveFrames } from '@fovea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFiles } from '../../../../scripts/orthanc/upload.mjs';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import { decodeFrame } from '../decode-frame.js';
import type { DecodeError } from '../errors/decode-error.js';
import { readFileFrame } from '../test-support/corpus-frames.js';
import { buildNodeWorkerBundle } from '../test-support/node-worker-bundle.js';
import { DecoderPool, type FetchedFrame } from './decoder-pool.js';

const orthanc = useOrthanc();
const dir = sampleDataDir();
/** One PET slice as stored natively and as JPEG-LS, with what the frame request needs. */
const samples: Record<string, { file: string; study: string; series: string; sop: string }> = {};
let bundle: Awaited<ReturnType<typeof buildNodeWorkerBundle>>;
let pool: DecoderPool;

beforeAll(async () => {
  const [manifest, built] = await Promise.all([generateSamples({ outDir: dir }), buildNodeWorkerBundle()]);
  bundle = built;
  pool = new DecoderPool({ size: 1, workerUrl: bundle.url });
  for (const key of ['pet', 'pet--jpeg-ls-lossless']) {
    const series = manifest.series.find((s) => s.key === key);
    const file = series?.files[0];
    if (!series || !file) throw new Error(`sample series ${key} missing`);
    const { instance } = readPart10(new Uint8Array(await readFile(join(dir, file))));
    samples[key] = {
      file: join(dir, file),
      study: series.studyInstanceUID,
      series: series.seriesInstanceUID,
      sop: instance.sopInstanceUid ?? '',
    };
  }
  await uploadFiles(
    orthanc(),
    Object.values(samples).map((s) => s.file),
  );
}, 300_000);

afterAll(async () => {
  pool?.dispose();
  await bundle?.dispose();
});

function reference(key: string) {
  const sample = samples[key] as (typeof samples)[string];
  return { studyInstanceUid: sample.study, seriesInstanceUid: sample.series, sopInstanceUid: sample.sop };
}

/** The frame fetched and decoded in the worker, through the client's relay. */
function fetchInWorker(client: DicomWebClient, key: string, signal?: AbortSignal): Promise<FetchedFrame> {
  const url = frameUrl(client, reference(key), [1]);
  return client.relay(
    { url, accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*' },
    async (headers, relaySignal) => {
      const fetched = await pool.fetchAndDecode(
        { url, headers, frameNumber: 1 },
        (await readFileFrame(samples[key]?.file as string)).pixel,
        relaySignal ? { signal: relaySignal } : {},
      );
      return { status: fetched.status, value: fetched };
    },
    signal ? { signal } : {},
  );
}

describe('DecoderPool.fetchAndDecode against Orthanc', () => {
  it('fetches, parses and decodes in the worker: the same pixels as on the calling thread', async () => {
    const client = new DicomWebClient({ root: `${orthanc().url}/dicom-web` });
    for (const key of ['pet', 'pet--jpeg-ls-lossless']) {
      const fetched = await fetchInWorker(client, key);
      const [stored] = await retrieveFrames(client, reference(key), [1]);
      if (!stored) throw new Error('no frame');
      const local = await decodeFrame(
        stored.bytes,
        (await readFileFrame(samples[key]?.file as string)).pixel,
        stored.transferSyntaxUid,
      );
      expect(fetched.status).toBe(200);
      expect(fetched.transferSyntaxUid).toBe(stored.transferSyntaxUid);
      expect(fetched.frame?.pixels.length).toBe(128 * 128);
      expect(Array.from(fetched.frame?.pixels ?? [])).toEqual(Array.from(local.pixels));
    }
  });

  it('answers an HTTP error with its status, which the relay turns into a typed error', async () => {
    const client = new DicomWebClient({ root: `${orthanc().url}/dicom-web`, retry: { retries: 0 } });
    const missing = { ...reference('pet'), sopInstanceUid: '1.2.3.4.5.6.7' };
    const url = frameUrl(client, missing, [1]);
    const pixel = (await readFileFrame(samples.pet?.file as string)).pixel;
    expect((await pool.fetchAndDecode({ url, headers: {}, frameNumber: 1 }, pixel)).status).toBe(404);
    const error = (await client
      .relay({ url, accept: '*/*' }, async (headers) => {
        const fetched = await pool.fetchAndDecode({ url, headers, frameNumber: 1 }, pixel);
        return { status: fetched.status, value: fetched };
      })
      .catch((e: unknown) => e)) as DicomWebError;
    expect([error.code, error.status]).toEqual(['DICOMWEB_HTTP', 404]);
  });

  it('rejects a body that is not multipart, and an unreachable server, with typed errors', async () => {
    const client = new DicomWebClient({ root: `${orthanc().url}/dicom-web` });
    const pixel = (await readFileFrame(samples.pet?.file as string)).pixel;
    const metadata = client.url(`studies/${samples.pet?.study}/metadata`);
    const notMultipart = await pool
      .fetchAndDecode({ url: metadata, headers: { accept: 'application/dicom+json' }, frameNumber: 1 }, pixel)
      .catch((e: unknown) => e);
    expect(notMultipart).toBeInstanceOf(DicomWebError);
    expect((notMultipart as DicomWebError).code).toBe('DICOMWEB_BAD_RESPONSE');
    const unreachable = await pool
      .fetchAndDecode({ url: 'http://127.0.0.1:9/dicom-web/x/frames/1', headers: {}, frameNumber: 1 }, pixel)
      .catch((e: unknown) => e);
    expect((unreachable as DicomWebError).code).toBe('DICOMWEB_NETWORK');
  });

  it('rejects with DECODE_ABORTED when the caller aborts, and the pool goes on working', async () => {
    const client = new DicomWebClient({ root: `${orthanc().url}/dicom-web` });
    const controller = new AbortController();
    const pending = fetchInWorker(client, 'pet', controller.signal);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    // Aborted while queued in the client or in the pool: either way a typed abort.
    expect(['DICOMWEB_ABORTED', 'DECODE_ABORTED']).toContain((error as DicomWebError | DecodeError).code);
    expect((await fetchInWorker(client, 'pet')).status).toBe(200);
  });
});
