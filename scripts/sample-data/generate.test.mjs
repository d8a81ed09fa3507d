// @ts-check
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CONFIG } from './catalog.mjs';
import { defaultOutDir, generateSamples } from './generate.mjs';
import { generatorVersion, MANIFEST_NAME, readCurrentManifest } from './manifest.mjs';
import { readPart10 } from './test-helpers.mjs';
import { TRANSFER_SYNTAXES } from './transfer-syntaxes.mjs';

const runA = join(tmpdir(), `fovea-samples-a-${process.pid}`);
const runB = join(tmpdir(), `fovea-samples-b-${process.pid}`);
/** @type {import('./manifest.mjs').Manifest} */
let manifest;
/** @type {import('./manifest.mjs').Manifest} */
let manifestB;

/** @param {string} dir @returns {Promise<string[]>} */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  manifest = await generateSamples({ outDir: runA, config: TEST_CONFIG, force: true });
  manifestB = await generateSamples({ outDir: runB, config: TEST_CONFIG, force: true });
}, 180_000);

afterAll(async () => {
  await rm(runA, { recursive: true, force: true });
  await rm(runB, { recursive: true, force: true });
});

describe('generateSamples', () => {
  it('writes byte-identical files and manifests on two runs', async () => {
    const files = await listFiles(runA);
    expect(files).toEqual(await listFiles(runB));
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(runA, file)), readFile(join(runB, file))]);
      expect(a.equals(b), file).toBe(true);
    }
  });

  it('lists every primary and one variant per transfer syntax its pixels fit', () => {
    const primaries = manifest.series.filter((s) => s.primary).map((s) => s.key);
    expect(primaries).toEqual(['ct', 'pet', 'mr', 'dx', 'cr', 'mg', 'us']);
    const us = manifest.series.find((s) => s.key === 'us');
    expect(us?.transferSyntaxUID).toBe('1.2.840.10008.1.2.4.50');
    expect(us?.photometric).toBe('YBR_FULL_422');
    for (const primary of primaries) {
      const variants = manifest.series.filter((s) => s.sourceSeriesKey === primary);
      const skipped = manifest.notProduced.filter((s) => s.series === primary);
      // Every syntax is covered once: the primary's own, a variant, or a stated reason.
      expect(variants.length + skipped.length + 1, primary).toBe(TRANSFER_SYNTAXES.length);
    }
    // Only the bit depth keeps a syntax out.
    expect(manifest.notProduced.map((s) => `${s.series}:${s.syntax}`).sort()).toEqual(
      [
        'ct:jpeg-baseline',
        'ct:jpeg-extended',
        'pet:jpeg-baseline',
        'pet:jpeg-extended',
        'mr:jpeg-baseline',
        'dx:jpeg-baseline',
        'cr:jpeg-baseline',
        'mg:jpeg-baseline',
        'mg:jpeg-extended',
      ].sort(),
    );
    // The CT variants carry an excerpt around the lesion; the other series are transcoded whole.
    expect(manifest.series.find((s) => s.key === 'ct--rle')?.instances).toBe(TEST_CONFIG.ct.excerpt);
    expect(manifest.series.find((s) => s.key === 'mr--rle')?.instances).toBe(TEST_CONFIG.mr.count);
  });

  it('gives each file the transfer syntax, UIDs and description the manifest lists', async () => {
    for (const series of manifest.series) {
      const primary = manifest.series.find((s) => s.key === (series.sourceSeriesKey ?? series.key));
      const primaryFile = primary ? await readPart10(join(runA, primary.files[0] ?? '')) : null;
      for (const [i, file] of series.files.entries()) {
        const { transferSyntaxUID, dataset } = await readPart10(join(runA, file));
        expect(transferSyntaxUID, file).toBe(series.transferSyntaxUID);
        expect(dataset.SeriesInstanceUID, file).toBe(series.seriesInstanceUID);
        expect(dataset.SOPInstanceUID, file).toBe(series.sopInstanceUIDs[i]);
        expect(dataset.StudyInstanceUID, file).toBe(series.studyInstanceUID);
        expect(dataset.SeriesDescription, file).toBe(series.description);
        expect(dataset.FrameOfReferenceUID, file).toBe(primaryFile?.dataset.FrameOfReferenceUID);
        expect(dataset.Rows, file).toBe(series.rows);
        expect(dataset.PhotometricInterpretation, file).toBe(series.photometric);
        if (series.lossy) {
          expect(dataset.LossyImageCompression, file).toBe('01');
          expect(Number(dataset.LossyImageCompressionRatio), file).toBeGreaterThan(1);
          expect(String(dataset.LossyImageCompressionMethod), file).toMatch(/^ISO_/);
        } else {
          expect(dataset.LossyImageCompression ?? '00', file).toBe('00');
        }
      }
    }
  });

  it('uses distinct UIDs for every series and instance, and the same ones on every run', () => {
    const seriesUids = manifest.series.map((s) => s.seriesInstanceUID);
    const sopUids = manifest.series.flatMap((s) => s.sopInstanceUIDs);
    expect(new Set(seriesUids).size).toBe(seriesUids.length);
    expect(new Set(sopUids).size).toBe(sopUids.length);
    for (const uid of [...seriesUids, ...sopUids]) expect(uid).toMatch(/^2\.25\.[1-9]\d{0,38}$/);
    expect(manifestB.series.map((s) => s.sopInstanceUIDs)).toEqual(
      manifest.series.map((s) => s.sopInstanceUIDs),
    );
    const studies = new Set(
      manifest.series.filter((s) => s.study === 'phantom-ct').map((s) => s.studyInstanceUID),
    );
    expect(studies.size).toBe(1);
  });

  it('records the ground truth the tests and viewers need', () => {
    const ct = manifest.series.find((s) => s.key === 'ct');
    expect(ct?.facts.lesion).toMatchObject({ centerLps: [-70, 14, 0], radiusMm: 6, hu: 130 });
    const pet = manifest.series.find((s) => s.key === 'pet');
    expect(pet?.facts.lesion).toMatchObject({ centerLps: [-70, 14, 0], suvbw: 8 });
    const mr = manifest.series.find((s) => s.key === 'mr');
    expect(mr?.facts.feature).toMatchObject({ value: 3500, radiusMm: 5 });
    expect(manifest.version).toMatch(/^[0-9a-f]{20}$/);
  });

  it('returns the cached manifest without rewriting when the folder is current', async () => {
    const file = join(runA, manifest.series[0]?.files[0] ?? '');
    const before = (await stat(file)).mtimeMs;
    /** @type {string[]} */
    const phases = [];
    const again = await generateSamples({
      outDir: runA,
      config: TEST_CONFIG,
      onProgress: (e) => phases.push(e.phase),
    });
    expect(phases).toEqual(['cache']);
    expect(again).toEqual(manifest);
    expect((await stat(file)).mtimeMs).toBe(before);
  });

  it('treats the folder as stale when a file is missing or the generator or configuration changed', async () => {
    expect(await readCurrentManifest(runB, manifestB.version)).not.toBeNull();
    expect(await readCurrentManifest(runB, 'another-version')).toBeNull();
    expect(await generatorVersion({ ...TEST_CONFIG, us: { frames: 4 } })).not.toBe(manifestB.version);
    await rm(join(runB, manifestB.series[3]?.files[0] ?? ''));
    expect(await readCurrentManifest(runB, manifestB.version)).toBeNull();
    await rm(join(runB, MANIFEST_NAME));
    expect(await readCurrentManifest(runB, manifestB.version)).toBeNull();
  });

  it('defaults to .cache/sample-data in the repository, overridable by FOVEA_SAMPLE_DIR', () => {
    const saved = process.env.FOVEA_SAMPLE_DIR;
    try {
      delete process.env.FOVEA_SAMPLE_DIR;
      expect(defaultOutDir()).toBe(join(import.meta.dirname, '..', '..', '.cache', 'sample-data'));
      process.env.FOVEA_SAMPLE_DIR = '/somewhere/else';
      expect(defaultOutDir()).toBe('/somewhere/else');
    } finally {
      if (saved === undefined) delete process.env.FOVEA_SAMPLE_DIR;
      else process.env.FOVEA_SAMPLE_DIR = saved;
    }
  });
});
