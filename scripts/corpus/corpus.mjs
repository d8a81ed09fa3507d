// @ts-check
/**
 * Locates the public conformance corpus (shared/corpus beside the repository, or FOVEA_CORPUS_DIR)
 * and lists it. Tests run over all of it, so a missing corpus is an error, never a silent skip.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

export class CorpusMissingError extends Error {
  /** @param {string} dir */
  constructor(dir) {
    super(
      `The DICOM conformance corpus was not found at ${dir}. ` +
        'It lives in shared/corpus beside the repository (../shared/corpus); set FOVEA_CORPUS_DIR to point elsewhere.',
    );
    this.name = 'CorpusMissingError';
    this.code = 'CORPUS_MISSING';
  }
}

/**
 * The corpus folder, checked to hold manifest.json.
 * @param {string} [dir] overrides the default location (for tests)
 * @returns {Promise<string>}
 */
export async function corpusDir(
  dir = process.env.FOVEA_CORPUS_DIR ?? resolve(REPO_ROOT, '../shared/corpus'),
) {
  try {
    await access(join(dir, 'manifest.json'));
  } catch {
    throw new CorpusMissingError(dir);
  }
  return dir;
}

/**
 * One entry of manifest.json (see shared/corpus/README.md for every field); `file` is made absolute.
 * @typedef {{ file: string, repo: string, path: string, transferSyntax: string, lossy: boolean, frame1?: { sha256: string } | null, edgeCases?: string[] } & Record<string, unknown>} CorpusEntry
 */

/**
 * The parsed manifest, one entry per DICOM file.
 * @param {string} [dir]
 * @returns {Promise<CorpusEntry[]>}
 */
export async function corpusManifest(dir) {
  const root = await corpusDir(dir);
  const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  return manifest.files.map((/** @type {CorpusEntry} */ entry) => ({
    ...entry,
    file: join(root, entry.file),
  }));
}

/**
 * Every DICOM file of the corpus, absolute paths, sorted.
 * @param {string} [dir]
 * @returns {Promise<string[]>}
 */
export async function corpusFiles(dir) {
  const root = join(await corpusDir(dir), 'files');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
