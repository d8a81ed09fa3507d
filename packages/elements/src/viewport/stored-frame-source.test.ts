import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DicomWebClient,
  groupDisplaySets,
  instanceFromDataset,
  readPart10,
  retrieveSeriesMetadata,
} from '@fovea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFiles } from '../../../../scripts/orthanc/upload.mjs';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import { StoredFrameSource } from './stored-frame-source.js';

const orthanc = useOrthanc();
const dir = sampleDataDir();
const files: Record<string, string> = {};

beforeAll(async () => {
  const manifest = await generateSamples({ outDir: dir });
  for (const key of ['us--htj2k-lossless', 'us--explicit-le']) {
    const series = manifest.series.find((s) => s.key === key);
    if (!series?.files[0]) throw new Error(`sample series ${key} missing`);
    files[key] = join(dir, series.files[0]);
  }
  await uploadFiles(orthanc(), Object.values(files));
}, 300_000);

/** A client that counts the requests it sends, by kind, through the real fetch. */
function countingClient() {
  const requests = { frames: 0, instances: 0 };
  const client = new DicomWebClient({
    root: `${orthanc().url}/dicom-web`,
    retry: { retries: 0 },
    fetch: (input, init) => {
      const url = String(input);
      if (url.includes('/frames/')) requests.frames++;
      else if (!url.endsWith('/metadata')) requests.instances++;
      return fetch(input, init);
    },
  });
  return { client, requests };
}

async function cineFrames(client: DicomWebClient, file: string) {
  const { instance } = readPart10(new Uint8Array(await readFile(file)));
  const study = instance.study.studyInstanceUid as string;
  const series = instance.series.seriesInstanceUid as string;
  const [set] = groupDisplaySets(
    (await retrieveSeriesMetadata(client, study, series)).map((dataset) => instanceFromDataset(dataset)),
  );
  if (set?.type !== 'cine') throw new Error(`expected a cine, got ${set?.type}`);
  return Array.from({ length: set.frameCount }, (_, frameIndex) => ({ instance: set.instance, frameIndex }));
}

describe('StoredFrameSource against Orthanc', () => {
  it('falls back to one whole-instance download for a series whose frames the server refuses (HTJ2K)', async () => {
    const { client, requests } = countingClient();
    const refs = await cineFrames(client, files['us--htj2k-lossless'] as string);
    const expected = readPart10(new Uint8Array(await readFile(files['us--htj2k-lossless'] as string)));
    const source = new StoredFrameSource(client);
    for (const ref of refs) {
      const frame = await source.frame(ref, new AbortController().signal);
      expect(frame.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.201');
      expect(frame.bytes).toEqual(expected.frame(ref.frameIndex));
    }
    expect(refs).toHaveLength(30);
    expect(source.usesWholeInstances).toBe(true);
    // One refused frame request, then the file once for all 30 frames.
    expect(requests).toEqual({ frames: 1, instances: 1 });
  });

  it('fetches frame by frame where the server serves frames', async () => {
    const { client, requests } = countingClient();
    const refs = (await cineFrames(client, files['us--explicit-le'] as string)).slice(0, 2);
    const expected = readPart10(new Uint8Array(await readFile(files['us--explicit-le'] as string)));
    const source = new StoredFrameSource(client);
    for (const ref of refs) {
      expect((await source.frame(ref, new AbortController().signal)).bytes).toEqual(
        expected.frame(ref.frameIndex),
      );
    }
    expect(source.usesWholeInstances).toBe(false);
    expect(requests).toEqual({ frames: 2, instances: 0 });
  });
});
