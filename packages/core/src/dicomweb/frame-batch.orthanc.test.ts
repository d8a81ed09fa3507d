/**
 * Fault tolerance against a real Orthanc: the PACS is stopped in the middle of a series download.
 * Requests in flight and queued are retried, then fail with typed errors; frames already received
 * stay; once Orthanc is back (same port, same storage), asking for what is missing completes the
 * series.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OrthancServer, startOrthanc } from '../../../../scripts/orthanc/orthanc.mjs';
import { freePort } from '../../../../scripts/orthanc/ports.mjs';
import { concat, element, imagePixel, part10, text } from '../testing/part10-writer.test-support.js';
import { DicomWebClient } from './dicomweb-client.js';
import type { DicomWebRetryEvent } from './dicomweb-events.js';
import { type FrameRequest, frameKey, retrieveFrameBatch } from './frame-batch.js';
import { storeInstances } from './stow-rs.js';

const STUDY = '1.2.826.0.1.3680043.8.498.1';
const SERIES = '1.2.826.0.1.3680043.8.498.1.1';
const COUNT = 40;
const SIZE = 256;

function slice(n: number): Uint8Array {
  const pixels = new Uint8Array(SIZE * SIZE * 2);
  pixels.fill(n);
  const uid = (value: string) => text(value, 'UI');
  return part10(
    '1.2.840.10008.1.2.1',
    concat(
      element(0x00080016, 'UI', uid('1.2.840.10008.5.1.4.1.1.7')),
      element(0x00080018, 'UI', uid(`${SERIES}.${n}`)),
      element(0x00080060, 'CS', text('OT')),
      element(0x00100020, 'LO', text('FAULT')),
      element(0x0020000d, 'UI', uid(STUDY)),
      element(0x0020000e, 'UI', uid(SERIES)),
      element(0x00200013, 'IS', text(String(n))),
      imagePixel(SIZE, SIZE, 16),
      element(0x7fe00010, 'OW', pixels),
    ),
  );
}

let server: OrthancServer;
let storageDir: string;
let port: number;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'fovea-fault-'));
  port = await freePort();
  server = await startOrthanc({ port, storageDir });
  const [result] = await storeInstances(
    new DicomWebClient({ root: `${server.url}/dicom-web` }),
    Array.from({ length: COUNT }, (_, i) => slice(i + 1)),
  );
  expect(result?.stored).toHaveLength(COUNT);
});

afterAll(async () => {
  await server?.stop();
  await rm(storageDir, { recursive: true, force: true });
});

it('keeps what arrived when Orthanc stops mid-series, fails the rest with typed errors, and completes after a restart', async () => {
  let stopping: Promise<void> | undefined;
  const client = new DicomWebClient({
    root: `${server.url}/dicom-web`,
    concurrency: 2,
    retry: { retries: 2, baseDelayMs: 50, maxDelayMs: 100 },
    // Orthanc stops gracefully on SIGTERM and keeps answering while it winds down: on a fast run
    // it served the whole series before exiting. Requests made once the stop has begun wait until
    // the process is gone, so they meet a closed port, as they would after a real crash.
    fetch: async (input, init) => {
      if (stopping) await stopping;
      return fetch(input, init);
    },
  });
  const retries: DicomWebRetryEvent[] = [];
  client.addEventListener('retry', (event) => retries.push(event as DicomWebRetryEvent));
  const requests: FrameRequest[] = Array.from({ length: COUNT }, (_, i) => ({
    studyInstanceUid: STUDY,
    seriesInstanceUid: SERIES,
    sopInstanceUid: `${SERIES}.${i + 1}`,
    frameNumber: 1,
  }));
  let received = 0;
  const first = await retrieveFrameBatch(client, requests, {
    onFrame: () => {
      // Stop the PACS (by PID, no automatic restart) once a quarter of the series is in.
      received++;
      if (received === COUNT / 4) stopping = server.stop();
    },
  });
  await stopping;
  // The quarter, plus at most the requests already in flight (the concurrency) when the stop began.
  expect(first.frames.size).toBeGreaterThanOrEqual(COUNT / 4);
  expect(first.frames.size).toBeLessThanOrEqual(COUNT / 4 + 2);
  expect(first.frames.size + first.errors.size).toBe(COUNT);
  for (const error of first.errors.values()) {
    expect(error.code).toBe('DICOMWEB_NETWORK');
    expect(error.url).toContain(`127.0.0.1:${port}`);
  }
  expect(retries.length).toBeGreaterThanOrEqual(first.errors.size * 2);
  for (const [key, frame] of first.frames) {
    const n = Number(key.split('/')[0]?.split('.').at(-1));
    expect(frame.bytes[0]).toBe(n);
  }

  // Same port, same storage: what was stored is still there.
  server = await startOrthanc({ port, storageDir });
  const missing = requests.filter((request) => first.errors.has(frameKey(request)));
  const second = await retrieveFrameBatch(client, missing);
  expect(second.errors.size).toBe(0);
  const all = new Map([...first.frames, ...second.frames]);
  expect(all.size).toBe(COUNT);
  for (const request of requests) {
    const frame = all.get(frameKey(request));
    expect(frame?.bytes.length).toBe(SIZE * SIZE * 2);
    expect(frame?.bytes[0]).toBe(Number(request.sopInstanceUid.split('.').at(-1)));
  }
});
