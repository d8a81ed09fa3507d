import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FoveaError } from '@fovea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CorpusEntry, corpusDir, corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import type { DecodedFrame } from '../decoded-frame.js';
import { frameSha256 } from '../hash/frame-sha256.js';
import { compareSamples, readFileFrame } from '../test-support/corpus-frames.js';
import { buildNodeWorkerBundle } from '../test-support/node-worker-bundle.js';
import { DecoderPool } from './decoder-pool.js';

const entries = await corpusManifest();
const byPath = new Map(entries.map((entry) => [entry.path, entry]));
const hashed = entries.filter((entry) => entry.frame1?.sha256);
const unhashed = entries.filter((entry) => !entry.frame1?.sha256);
const codestreams: Array<{
  file: string;
  referenceFile: string;
  rows: number;
  cols: number;
  signed: boolean;
}> = JSON.parse(await readFile(join(await corpusDir(), 'manifest.json'), 'utf8')).codestreams;
const root = await corpusDir();

const tally = { exact: 0, lossyWithinOne: 0, samplesDiffering: 0, failedTyped: 0 };
let pool: DecoderPool;
let bundle: Awaited<ReturnType<typeof buildNodeWorkerBundle>>;

beforeAll(async () => {
  bundle = await buildNodeWorkerBundle();
  pool = new DecoderPool({ size: 2, workerUrl: bundle.url });
});

afterAll(async () => {
  pool.dispose();
  await bundle.dispose();
  console.log(
    `corpus through the pool: ${tally.exact} of ${hashed.length} hashed files exact, ` +
      `${tally.lossyWithinOne} lossy within ±1 (${tally.samplesDiffering} samples differ), ` +
      `${tally.failedTyped} of ${unhashed.length} unhashed files failed with a typed error`,
  );
});

async function decodeFirst(entry: CorpusEntry): Promise<DecodedFrame> {
  const frame = await readFileFrame(entry.file);
  return pool.decode(frame.bytes, frame.pixel, frame.transferSyntaxUid, {
    ...(frame.pixelDataVr ? { pixelDataVr: frame.pixelDataVr } : {}),
  });
}

describe('every file of the conformance corpus through the decoder pool', () => {
  it.for(hashed)('decodes frame 1 of $path to frame1.sha256', async (entry) => {
    const frame = await decodeFirst(entry);
    const expected = entry.frame1?.sha256 as string;
    const hash = await frameSha256(frame);
    if (hash === expected) {
      tally.exact++;
      return;
    }
    // Lossy files may differ by one per sample from the reference decode (another IDCT), never more.
    const twin = entry.lossy
      ? byPath.get((entry.reference as { path?: string } | null)?.path ?? '')
      : undefined;
    if (!twin?.frame1?.sha256)
      expect(hash, `${entry.path} has no reference twin to compare with`).toBe(expected);
    const reference = await decodeFirst(twin as CorpusEntry);
    expect(await frameSha256(reference)).toBe(twin?.frame1?.sha256);
    const { differing, maxDifference } = compareSamples(frame, reference);
    expect(maxDifference).toBeLessThanOrEqual(1);
    tally.lossyWithinOne++;
    tally.samplesDiffering += differing;
  });

  it.for(unhashed)('refuses $path (no frame1 hash) with a typed error', async (entry) => {
    const error = await decodeFirst(entry).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FoveaError);
    tally.failedTyped++;
  });

  it.for(codestreams)('decodes the HTJ2K codestream $file to its .RAW exactly', async (entry) => {
    const [codestream, raw] = await Promise.all([
      readFile(join(root, entry.file)),
      readFile(join(root, entry.referenceFile)),
    ]);
    const frame = await pool.decode(
      new Uint8Array(codestream),
      {
        rows: entry.rows,
        columns: entry.cols,
        samplesPerPixel: 1,
        bitsAllocated: 16,
        bitsStored: 16,
        highBit: 15,
        pixelRepresentation: entry.signed ? 1 : 0,
        photometricInterpretation: 'MONOCHROME2',
        planarConfiguration: 0,
        numberOfFrames: 1,
      },
      '1.2.840.10008.1.2.4.201',
    );
    const bytes = new Uint8Array(frame.pixels.buffer, frame.pixels.byteOffset, frame.pixels.byteLength);
    expect(bytes.length).toBe(raw.length);
    expect(Buffer.compare(Buffer.from(bytes), raw)).toBe(0);
  });
});
