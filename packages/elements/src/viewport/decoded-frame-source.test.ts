import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DecoderPool, decodeFrame } from '@fovea/codecs';
import {
  DicomWebClient,
  type FrameRef,
  groupDisplaySets,
  instanceFromDataset,
  readPart10,
  retrieveSeriesMetadata,
} from '@fovea/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uploadFiles } from '../../../../scripts/orthanc/upload.mjs';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import { DecodedFrameSource } from './decoded-frame-source.js';

const orthanc = useOrthanc();
const dir = sampleDataDir();
const files: Record<string, string> = {};
let pool: DecoderPool;
let bundleDir: string | undefined;

/**
 * The codecs package's built decoder worker with @fovea/core bundled in, for Node's worker_threads
 * (which would otherwise resolve core to its TypeScript source under this test's conditions).
 * Written under the codecs package's node_modules, so the WASM codec packages left external
 * resolve there, as they do for a host.
 */
async function nodeDecoderWorker(): Promise<URL> {
  const entry = fileURLToPath(import.meta.resolve('@fovea/codecs/decoder.worker.js'));
  const parent = resolve(entry, '../../../node_modules/.fovea-test');
  await mkdir(parent, { recursive: true });
  bundleDir = await mkdtemp(join(parent, 'elements-worker-'));
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir: bundleDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      ssr: entry,
      rollupOptions: {
        external: [/^@cornerstonejs\//, /^comlink/, /^node:/],
        output: { entryFileNames: 'decoder.worker.mjs', format: 'es' },
      },
    },
    ssr: { noExternal: ['@fovea/core'], resolve: { conditions: ['node', 'import', 'default'] } },
  });
  return pathToFileURL(join(bundleDir, 'decoder.worker.mjs'));
}

beforeAll(async () => {
  const manifest = await generateSamples({ outDir: dir });
  for (const key of ['us--htj2k-lossless', 'us--explicit-le']) {
    const series = manifest.series.find((s) => s.key === key);
    if (!series?.files[0]) throw new Error(`sample series ${key} missing`);
    files[key] = join(dir, series.files[0]);
  }
  await uploadFiles(orthanc(), Object.values(files));
  // The built worker, as a host's bundle ships it (run `pnpm run build` first).
  pool = new DecoderPool({ size: 1, workerUrl: await nodeDecoderWorker() });
}, 300_000);

afterAll(async () => {
  pool?.dispose();
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

/** A client that counts the frame and instance requests made through the page's (here: this thread's) fetch. */
function countingClient(hostFetch: boolean) {
  const requests = { frames: 0, instances: 0 };
  const client = new DicomWebClient({
    root: `${orthanc().url}/dicom-web`,
    retry: { retries: 0 },
    ...(hostFetch
      ? {
          fetch: (input: RequestInfo | URL, init?: RequestInit) => {
            const url = String(input);
            if (url.includes('/frames/')) requests.frames++;
            else if (!url.endsWith('/metadata')) requests.instances++;
            return fetch(input, init);
          },
        }
      : {}),
  });
  return { client, requests };
}

async function cineFrames(client: DicomWebClient, file: string): Promise<FrameRef[]> {
  const { instance } = readPart10(new Uint8Array(await readFile(file)));
  const [set] = groupDisplaySets(
    (
      await retrieveSeriesMetadata(
        client,
        instance.study.studyInstanceUid as string,
        instance.series.seriesInstanceUid as string,
      )
    ).map((dataset) => instanceFromDataset(dataset)),
  );
  if (set?.type !== 'cine') throw new Error(`expected a cine, got ${set?.type}`);
  return Array.from({ length: set.frameCount }, (_, frameIndex) => ({ instance: set.instance, frameIndex }));
}

/** Frame `index` of `file`, decoded on this thread: what the source must give. */
async function expected(file: string, index: number) {
  const part10 = readPart10(new Uint8Array(await readFile(file)));
  return decodeFrame(
    part10.frame(index),
    part10.pixel as NonNullable<typeof part10.pixel>,
    part10.transferSyntaxUid,
  );
}

describe('DecodedFrameSource against Orthanc', () => {
  it('fetches and decodes frames in the worker, none through the page', async () => {
    const file = files['us--explicit-le'] as string;
    const { client } = countingClient(false);
    const refs = (await cineFrames(client, file)).slice(0, 2);
    const source = new DecodedFrameSource(client, () => pool);
    const onThisThread = vi.spyOn(globalThis, 'fetch');
    for (const ref of refs) {
      const frame = await source.frame(ref, new AbortController().signal, 0);
      expect(Array.from(frame.pixels)).toEqual(Array.from((await expected(file, ref.frameIndex)).pixels));
    }
    expect(onThisThread).not.toHaveBeenCalled();
    onThisThread.mockRestore();
    expect(source.fetchesInWorkers).toBe(true);
  });

  it('keeps fetching on the page through a host fetch, with the same pixels', async () => {
    const file = files['us--explicit-le'] as string;
    const { client, requests } = countingClient(true);
    const [ref] = await cineFrames(client, file);
    const source = new DecodedFrameSource(client, () => pool);
    const frame = await source.frame(ref as FrameRef, new AbortController().signal, 0);
    expect(Array.from(frame.pixels)).toEqual(Array.from((await expected(file, 0)).pixels));
    expect(source.fetchesInWorkers).toBe(false);
    expect(requests).toEqual({ frames: 1, instances: 0 });
  });

  it('falls back to whole instances on the page when the server refuses frames (HTJ2K)', async () => {
    const file = files['us--htj2k-lossless'] as string;
    const { client } = countingClient(false);
    const refs = (await cineFrames(client, file)).slice(0, 3);
    const source = new DecodedFrameSource(client, () => pool);
    for (const ref of refs) {
      const frame = await source.frame(ref, new AbortController().signal, 0);
      expect(Array.from(frame.pixels)).toEqual(Array.from((await expected(file, ref.frameIndex)).pixels));
    }
    expect(source.fetchesInWorkers).toBe(false);
  });
});
