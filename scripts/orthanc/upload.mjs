// @ts-check
/** Loads Part 10 files into an Orthanc through its REST API, a few at a time. */
import { readFile } from 'node:fs/promises';

/**
 * @typedef {{ file: string, status: 'stored' | 'rejected', httpStatus: number, orthancId?: string }} UploadResult
 */

/**
 * Uploads files with `POST /instances`. A rejected file is reported, not thrown, so a corpus with
 * deliberately broken files still loads the rest; network failures do throw.
 * @param {{ url: string, ensureRunning?: () => Promise<void> }} orthanc
 * @param {string[]} files
 * @param {{ concurrency?: number, onProgress?: (done: number, total: number) => void }} [options]
 * @returns {Promise<UploadResult[]>}
 */
export async function uploadFiles(orthanc, files, options = {}) {
  const concurrency = options.concurrency ?? 4;
  /** @type {UploadResult[]} */
  const results = new Array(files.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < files.length) {
      const index = next++;
      const file = /** @type {string} */ (files[index]);
      results[index] = await uploadOne(orthanc, file);
      done += 1;
      options.onProgress?.(done, files.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return results;
}

/**
 * @param {{ url: string, ensureRunning?: () => Promise<void> }} orthanc
 * @param {string} file
 * @returns {Promise<UploadResult>}
 */
async function uploadOne(orthanc, file) {
  const body = await readFile(file);
  await orthanc.ensureRunning?.();
  const response = await fetch(`${orthanc.url}/instances`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/dicom' },
  });
  const text = await response.text();
  if (!response.ok) return { file, status: 'rejected', httpStatus: response.status };
  const parsed = JSON.parse(text);
  return { file, status: 'stored', httpStatus: response.status, orthancId: parsed.ID };
}
