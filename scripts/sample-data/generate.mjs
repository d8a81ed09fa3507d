// @ts-check
/**
 * generateSamples(): writes every sample study (primary series and transcoded variants) and
 * manifest.json, or returns the existing manifest when the output folder is already current.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, DEFAULT_CONFIG } from './catalog.mjs';
import { createHtj2kCodec } from './htj2k.mjs';
import { generatorVersion, MANIFEST_NAME, previousStudyFolders, readCurrentManifest } from './manifest.mjs';
import { planOutputs } from './plan.mjs';
import { produceFile } from './produce.mjs';
import { runParallel } from './run-tool.mjs';
import { GENERATION_TOOLS, locateTools } from './tools.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `<repo>/.cache/sample-data` (git-ignored), or $FOVEA_SAMPLE_DIR. */
export function sampleDataDir() {
  return process.env.FOVEA_SAMPLE_DIR || join(REPO_ROOT, '.cache', 'sample-data');
}

/** Same as sampleDataDir() (the name the CLI uses). */
export const defaultOutDir = sampleDataDir;

/**
 * @typedef {object} GenerateOptions
 * @property {string} [outDir] defaults to defaultOutDir()
 * @property {boolean} [force] regenerate even when the folder is current
 * @property {(event: import('./types.mjs').ProgressEvent) => void} [onProgress]
 * @property {Partial<import('./catalog.mjs').SampleConfig>} [config] overrides of DEFAULT_CONFIG
 * @property {number} [concurrency] parallel jobs; defaults to the number of CPUs
 * @property {string} [pathVariable] PATH to find the tools on (defaults to process.env.PATH)
 */

/**
 * @param {GenerateOptions} [options]
 * @returns {Promise<import('./manifest.mjs').Manifest>}
 */
export async function generateSamples(options = {}) {
  const outDir = resolve(options.outDir ?? defaultOutDir());
  const config = { ...DEFAULT_CONFIG, ...options.config };
  const progress = options.onProgress ?? (() => {});
  const version = await generatorVersion(config);
  if (!options.force) {
    const current = await readCurrentManifest(outDir, version);
    if (current) {
      progress({ phase: 'cache', message: `${outDir} is current (version ${version}); nothing to do` });
      return current;
    }
  }
  // Check every tool before any long work.
  const tools = locateTools(GENERATION_TOOLS, options.pathVariable);
  const htj2k = await createHtj2kCodec();

  const catalog = buildCatalog(config);
  const { outputs, skipped } = planOutputs(catalog.series, config.syntaxes);
  const stagingDir = join(outDir, '.staging');
  const stale = new Set([...(await previousStudyFolders(outDir)), ...catalog.studies.map((s) => s.key)]);
  await rm(join(outDir, MANIFEST_NAME), { force: true });
  for (const folder of [...stale, '.staging'])
    await rm(join(outDir, folder), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  // Jobs grouped by source instance, so each instance is built once and then dropped.
  /** @type {Array<() => Promise<void>>} */
  const tasks = [];
  /** @type {Map<string, number>} */
  const remaining = new Map(outputs.map((o) => [o.key, o.instanceNumbers.length]));
  for (const spec of catalog.series) {
    const mine = outputs.filter((o) => o.spec === spec);
    for (const n of spec.instanceNumbers) {
      const targets = mine.filter((o) => o.instanceNumbers.includes(n));
      /** @type {import('./types.mjs').Instance | null} */
      let instance = null;
      let pending = targets.length;
      for (const output of targets) {
        tasks.push(async () => {
          instance ??= spec.instance(n);
          await produceFile(output, instance, { outDir, stagingDir, tools, htj2k });
          if (--pending === 0) instance = null;
          const left = (remaining.get(output.key) ?? 1) - 1;
          remaining.set(output.key, left);
          if (left === 0) {
            progress({
              phase: output.primary ? 'primary' : 'variants',
              message: `${output.key}: ${output.instanceNumbers.length} file(s), ${output.syntax.name}`,
            });
          }
        });
      }
    }
  }
  const concurrency = options.concurrency ?? availableParallelism();
  await runParallel(tasks, concurrency);
  await rm(stagingDir, { recursive: true, force: true });

  progress({ phase: 'manifest', message: 'writing manifest.json' });
  /** @type {import('./manifest.mjs').ManifestSeries[]} */
  const series = [];
  for (const output of outputs) {
    const { spec, syntax } = output;
    const files = output.instanceNumbers.map((n) => output.file(n));
    let bytes = 0;
    for (const f of files) bytes += (await stat(join(outDir, f))).size;
    const study = catalog.studies.find((s) => s.key === spec.studyKey);
    const color = spec.format.samplesPerPixel === 3;
    series.push({
      key: output.key,
      study: spec.studyKey,
      patientName: study?.patientName ?? '',
      studyInstanceUID: spec.studyInstanceUID,
      seriesInstanceUID: output.seriesInstanceUID,
      modality: spec.modality,
      description: output.description,
      seriesNumber: output.seriesNumber,
      transferSyntaxUID: syntax.uid,
      transferSyntax: syntax.name,
      transferSyntaxKey: syntax.key,
      lossy: syntax.lossy,
      primary: output.primary,
      sourceSeriesKey: output.primary ? null : spec.key,
      rows: spec.format.rows,
      columns: spec.format.columns,
      instances: files.length,
      framesPerInstance: spec.framesPerInstance,
      bitsAllocated: spec.format.bitsAllocated,
      bitsStored: spec.format.bitsStored,
      pixelRepresentation: spec.format.pixelRepresentation,
      samplesPerPixel: spec.format.samplesPerPixel,
      photometric: color ? colorPhotometric(syntax.key) : spec.format.photometric,
      instanceNumbers: output.instanceNumbers,
      sopInstanceUIDs: output.instanceNumbers.map((n) => output.sopInstanceUID(n)),
      files,
      bytes,
      facts: spec.facts,
    });
  }
  /** @type {import('./manifest.mjs').Manifest} */
  const manifest = {
    version,
    config: /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (config)),
    studies: catalog.studies.map((s) => ({
      key: s.key,
      patientName: s.patientName,
      studyInstanceUID: s.studyInstanceUID,
      description: s.description,
    })),
    series,
    notProduced: skipped,
  };
  // Written last and atomically: a manifest on disk means a complete output folder.
  const temporary = join(outDir, `${MANIFEST_NAME}.tmp`);
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, join(outDir, MANIFEST_NAME));
  progress({ phase: 'done', message: `${series.length} series written to ${outDir}` });
  return manifest;
}

/**
 * Photometric Interpretation that each route writes for RGB input.
 * @param {string} syntaxKey
 */
function colorPhotometric(syntaxKey) {
  if (syntaxKey === 'jpeg-baseline' || syntaxKey === 'jpeg-extended') return 'YBR_FULL_422';
  if (syntaxKey === 'htj2k-lossless' || syntaxKey === 'htj2k-rpcl-lossless') return 'YBR_RCT';
  if (syntaxKey === 'htj2k-lossy') return 'YBR_ICT';
  return 'RGB';
}
