import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DicomWebClient, readPart10 } from '@fovea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFiles } from '../../../../scripts/orthanc/upload.mjs';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import { FramePrefetcher } from './frame-prefetch.js';
import { loadSeriesFrames } from './series-frames.js';
import { StoredFrameSource } from './stored-frame-source.js';

const orthanc = useOrthanc();
const dir = sampleDataDir();
let mr: { study: string; series: string; files: string[] };

beforeAll(async () => {
  const manifest = await generateSamples({ outDir: dir });
  const series = manifest.series.find((s) => s.primary && s.key === 'mr');
  if (!series) throw new Error('sample series mr missing');
  mr = {
    study: series.studyInstanceUID,
    series: series.seriesInstanceUID,
    files: series.files.map((file) => join(dir, file)),
  };
  await uploadFiles(orthanc(), mr.files);
}, 300_000);

/** A client that records the SOP Instance UID of every frame request, through the real fetch. */
function recordingClient() {
  const requested: string[] = [];
  const client = new DicomWebClient({
    root: `${orthanc().url}/dicom-web`,
    retry: { retries: 0 },
    fetch: (input, init) => {
      const match = /\/instances\/([^/]+)\/frames\//.exec(String(input));
      if (match?.[1]) requested.push(match[1]);
      return fetch(input, init);
    },
  });
  return { client, requested };
}

describe('FramePrefetcher against Orthanc', () => {
  it('fetches every frame once, nearest to the start first, and reports progress to the end', async () => {
    const { client, requested } = recordingClient();
    const abort = new AbortController();
    const { frames } = await loadSeriesFrames(client, mr.study, mr.series, abort.signal);
    expect(frames).toHaveLength(40);
    const progress: Array<[number, number]> = [];
    const done = new Promise<void>((resolve) => {
      const prefetch = new FramePrefetcher(
        new StoredFrameSource(client),
        frames,
        abort.signal,
        (loaded, total) => {
          progress.push([loaded, total]);
          if (loaded === total) resolve();
        },
      );
      prefetch.start(20);
    });
    await done;
    expect(progress.map(([loaded]) => loaded)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(progress.every(([, total]) => total === 40)).toBe(true);
    const uid = (i: number) => frames[i]?.instance.sopInstanceUid;
    // Outwards from frame 20: 20, 21, 19, 22, 18… (two at a time, so allow neighbours to swap).
    expect(new Set(requested.slice(0, 3))).toEqual(new Set([uid(20), uid(21), uid(19)]));
    expect(new Set(requested)).toHaveLength(40);
    expect(requested).toHaveLength(40);
  });

  it('serves kept frames without asking again, with the stored bytes', async () => {
    const { client, requested } = recordingClient();
    const abort = new AbortController();
    const { frames } = await loadSeriesFrames(client, mr.study, mr.series, abort.signal);
    const prefetch = new FramePrefetcher(new StoredFrameSource(client), frames, abort.signal, () => {});
    const first = await prefetch.frame(3);
    const again = await prefetch.frame(3);
    expect(again).toBe(first);
    expect(requested).toHaveLength(1);
    const file = mr.files.find((f) =>
      f.endsWith(`${String(frames[3]?.instance.instanceNumber).padStart(4, '0')}.dcm`),
    );
    const expected = readPart10(new Uint8Array(await readFile(file as string)));
    expect(first.bytes).toEqual(expected.frame(0));
  });

  it('waits while the reader pages, then goes on', async () => {
    const { client, requested } = recordingClient();
    const abort = new AbortController();
    const { frames } = await loadSeriesFrames(client, mr.study, mr.series, abort.signal);
    const prefetch = new FramePrefetcher(new StoredFrameSource(client), frames, abort.signal, () => {}, {
      quietMs: 400,
    });
    await prefetch.frame(10);
    prefetch.start(10);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await prefetch.frame(11);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Only the two frames asked for on screen so far.
    expect(requested).toHaveLength(2);
    await expect.poll(() => prefetch.loaded, { timeout: 20_000 }).toBe(40);
    abort.abort();
  });

  it('stops at its byte budget and when aborted', async () => {
    const { client, requested } = recordingClient();
    const abort = new AbortController();
    const { frames } = await loadSeriesFrames(client, mr.study, mr.series, abort.signal);
    const prefetch = new FramePrefetcher(new StoredFrameSource(client), frames, abort.signal, () => {}, {
      concurrency: 1,
      budgetBytes: 1,
    });
    prefetch.start(0);
    await prefetch.frame(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The first frame passes the 1-byte budget: nothing more is fetched.
    expect(prefetch.loaded).toBe(1);
    expect(requested).toHaveLength(1);

    const stopped = new AbortController();
    const idle = new FramePrefetcher(new StoredFrameSource(client), frames, stopped.signal, () => {});
    stopped.abort();
    idle.start(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(idle.loaded).toBe(0);
  });
});
