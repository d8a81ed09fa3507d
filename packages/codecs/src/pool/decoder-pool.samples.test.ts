import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CONFIG } from '../../../../scripts/sample-data/catalog.mjs';
import { generateSamples } from '../../../../scripts/sample-data/generate.mjs';
import type { DecodedFrame } from '../decoded-frame.js';
import { compareSamples, readFileFrame } from '../test-support/corpus-frames.js';
import { buildNodeWorkerBundle } from '../test-support/node-worker-bundle.js';
import { DecoderPool } from './decoder-pool.js';

type Manifest = Awaited<ReturnType<typeof generateSamples>>;
type Series = Manifest['series'][number];

const outDir = join(tmpdir(), `fovea-codecs-samples-${process.pid}`);
let manifest: Manifest;
let pool: DecoderPool;
let bundle: Awaited<ReturnType<typeof buildNodeWorkerBundle>>;
const worst = new Map<string, number>();

beforeAll(async () => {
  [manifest, bundle] = await Promise.all([
    generateSamples({ outDir, config: TEST_CONFIG, force: true }),
    buildNodeWorkerBundle(),
  ]);
  pool = new DecoderPool({ size: 2, workerUrl: bundle.url });
}, 180_000);

afterAll(async () => {
  pool?.dispose();
  await bundle?.dispose();
  await rm(outDir, { recursive: true, force: true });
  console.log(
    `lossy sample variants, largest difference from the original: ${[...worst].map(([k, v]) => `${k} ${v}`).join(', ')}`,
  );
});

/** The uncompressed original of a series: its primary, or the primary's native twin when the primary is lossy. */
function originalOf(series: Series): Series {
  const primary = manifest.series.find((s) => s.key === series.sourceSeriesKey) as Series;
  if (!primary.lossy) return primary;
  return manifest.series.find(
    (s) => s.sourceSeriesKey === primary.key && s.transferSyntaxUID === '1.2.840.10008.1.2.1',
  ) as Series;
}

async function decodeAll(file: string): Promise<DecodedFrame[]> {
  const first = await readFileFrame(join(outDir, file));
  const frames: DecodedFrame[] = [];
  for (let index = 0; index < first.frameCount; index++) {
    const frame = index === 0 ? first : await readFileFrame(join(outDir, file), index);
    frames.push(
      await pool.decode(frame.bytes, frame.pixel, frame.transferSyntaxUid, {
        ...(frame.pixelDataVr ? { pixelDataVr: frame.pixelDataVr } : {}),
      }),
    );
  }
  return frames;
}

describe('generated sample studies in every transfer syntax, through the pool', () => {
  it('has variants to check', () => {
    expect(manifest.series.filter((s) => !s.primary).length).toBeGreaterThan(50);
  });

  it('decodes every lossless variant equal to its uncompressed original, frame by frame', async () => {
    let checked = 0;
    for (const series of manifest.series.filter((s) => !s.primary && !s.lossy)) {
      const original = originalOf(series);
      for (const [i, file] of series.files.entries()) {
        const instance = series.instanceNumbers[i];
        const originalFile = original.files[original.instanceNumbers.indexOf(instance as number)] as string;
        const [decoded, expected] = await Promise.all([decodeAll(file), decodeAll(originalFile)]);
        expect(decoded.length, file).toBe(expected.length);
        for (const [f, frame] of decoded.entries()) {
          const reference = expected[f] as DecodedFrame;
          expect(frame.colourSpace === 'RGB' ? 'RGB' : frame.colourSpace, file).toBe(reference.colourSpace);
          expect(compareSamples(frame, reference).differing, `${file} frame ${f + 1}`).toBe(0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('decodes every lossy variant to the right size, JPEG-LS near-lossless within its NEAR of 2', async () => {
    for (const series of manifest.series.filter((s) => !s.primary && s.lossy)) {
      const original = originalOf(series);
      const file = series.files[0] as string;
      const originalFile =
        original.files[original.instanceNumbers.indexOf(series.instanceNumbers[0] as number)];
      const [[frame], [reference]] = await Promise.all([decodeAll(file), decodeAll(originalFile as string)]);
      const { maxDifference } = compareSamples(frame as DecodedFrame, reference as DecodedFrame);
      expect(Number.isFinite(maxDifference), file).toBe(true);
      if (series.transferSyntaxUID === '1.2.840.10008.1.2.4.81')
        expect(maxDifference, file).toBeLessThanOrEqual(2);
      worst.set(series.key, Math.max(worst.get(series.key) ?? 0, maxDifference));
    }
  });
});
