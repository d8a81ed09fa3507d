// @ts-check
/**
 * manifest.json: what was generated and the ground truth tests check against, plus the version
 * (a hash of the generator's own sources and configuration) that decides whether a cached output
 * folder is still current.
 */
import { createHash } from 'node:crypto';
import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MANIFEST_NAME = 'manifest.json';
const SOURCE_DIR = fileURLToPath(new URL('.', import.meta.url));

/**
 * @typedef {object} ManifestSeries
 * @property {string} key
 * @property {string} study folder name of the study
 * @property {string} patientName
 * @property {string} studyInstanceUID
 * @property {string} seriesInstanceUID
 * @property {string} modality
 * @property {string} description
 * @property {number} seriesNumber
 * @property {string} transferSyntaxUID
 * @property {string} transferSyntax name
 * @property {string} transferSyntaxKey
 * @property {boolean} lossy
 * @property {boolean} primary
 * @property {string | null} sourceSeriesKey the primary a variant was made from
 * @property {number} rows
 * @property {number} columns
 * @property {number} instances number of files
 * @property {number} framesPerInstance (0028,0008), 1 for single-frame objects
 * @property {number} bitsAllocated
 * @property {number} bitsStored
 * @property {number} pixelRepresentation
 * @property {number} samplesPerPixel
 * @property {string} photometric of the native pixels (YBR_* where the codec changed it)
 * @property {number[]} instanceNumbers
 * @property {string[]} sopInstanceUIDs same order as files
 * @property {string[]} files relative to the output folder
 * @property {number} bytes
 * @property {Record<string, unknown>} facts
 *
 * @typedef {object} Manifest
 * @property {string} version
 * @property {Record<string, unknown>} config
 * @property {Array<{ key: string, patientName: string, studyInstanceUID: string, description: string }>} studies
 * @property {ManifestSeries[]} series
 * @property {import('./plan.mjs').SkippedVariant[]} notProduced pixel formats a syntax cannot hold
 */

/**
 * Hash of every non-test source file of the generator and of the configuration.
 * @param {unknown} config
 * @returns {Promise<string>}
 */
export async function generatorVersion(config) {
  const hash = createHash('sha256');
  const names = (await readdir(SOURCE_DIR))
    .filter((n) => n.endsWith('.mjs') && !n.endsWith('.test.mjs') && n !== 'test-helpers.mjs')
    .sort();
  for (const name of names) {
    hash.update(`${name}\0`);
    hash.update(await readFile(join(SOURCE_DIR, name)));
  }
  hash.update(JSON.stringify(config));
  return hash.digest('hex').slice(0, 20);
}

/**
 * The manifest of an output folder when it is complete and current, else null.
 * @param {string} outDir
 * @param {string} version
 * @returns {Promise<Manifest | null>}
 */
export async function readCurrentManifest(outDir, version) {
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.version !== version) return null;
  try {
    await Promise.all(manifest.series.flatMap((s) => s.files.map((f) => access(join(outDir, f)))));
  } catch {
    return null;
  }
  return manifest;
}

/**
 * Study folders a previous manifest wrote to (so a regeneration removes stale series).
 * @param {string} outDir
 * @returns {Promise<string[]>}
 */
export async function previousStudyFolders(outDir) {
  try {
    /** @type {Manifest} */
    const manifest = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8'));
    return [...new Set(manifest.series.map((s) => s.study))].filter((s) => /^[\w-]+$/.test(s));
  } catch {
    return [];
  }
}
