/**
 * Reading what a user drops or picks: loose files, folders, zip archives (also zips inside zips,
 * one level), and DICOMDIR media, into parsed instances. Files that are not DICOM (readme files,
 * viewer programs) are reported, not fatal.
 */
import { DicomParseError } from '../errors/dicom-parse-error.js';
import { FoveaError } from '../errors/fovea-error.js';
import type { Part10Instance } from '../parse/part10-instance.js';
import { readPart10 } from '../parse/read-part10.js';
import { dicomdirFileRecords, isDicomdir } from './dicomdir.js';
import type { LocalEntry } from './local-entry.js';
import { isZip, unzipEntries } from './zip-archive.js';

/** One DICOM file read from local input. */
export interface LocalInstance {
  path: string;
  part10: Part10Instance;
}

/** Why a local file was not loaded. */
export interface LocalFailure {
  path: string;
  /** A typed error: `DicomParseError` (not DICOM, malformed), `ZipArchiveError`, or `LOCAL_MISSING` for DICOMDIR references to absent files. */
  error: FoveaError;
}

/** The result of {@link loadLocalFiles}. */
export interface LocalLoadResult {
  instances: LocalInstance[];
  /** Files that were not DICOM or not readable, and DICOMDIR references without a file. */
  failures: LocalFailure[];
  /** DICOMDIR files found (their records decide which files of their folder were read). */
  dicomdirs: string[];
}

/**
 * Reads local entries. Zip archives are expanded. When a folder holds a DICOMDIR, only the files
 * it references are read from that folder (matched case-insensitively, as ISO 9660 media name
 * files in upper case); other folders are read file by file. `signal` stops between files.
 */
export async function loadLocalFiles(
  entries: Iterable<LocalEntry> | AsyncIterable<LocalEntry>,
  options: { signal?: AbortSignal } = {},
): Promise<LocalLoadResult> {
  const result: LocalLoadResult = { instances: [], failures: [], dicomdirs: [] };
  const files: Array<{ path: string; bytes: Uint8Array }> = [];
  const expand = async (entry: LocalEntry, depth: number) => {
    const bytes = await entry.bytes();
    if (!isZip(bytes)) {
      files.push({ path: entry.path, bytes });
      return;
    }
    try {
      for (const inner of unzipEntries(entry.path, bytes)) {
        if (depth < 1) await expand(inner, depth + 1);
        else files.push({ path: inner.path, bytes: await inner.bytes() });
      }
    } catch (error) {
      result.failures.push({ path: entry.path, error: error as FoveaError });
    }
  };
  for await (const entry of entries) {
    throwIfAborted(options.signal);
    await expand(entry, 0);
  }

  // DICOMDIRs first: they decide which files of their folder are read.
  const claimed = new Map<string, string>();
  const covered: string[] = [];
  for (const file of files) {
    if (!/(^|\/)DICOMDIR$/i.test(file.path)) continue;
    let dicomdir: Part10Instance;
    try {
      dicomdir = readPart10(file.bytes);
    } catch (error) {
      result.failures.push({ path: file.path, error: asFoveaError(error) });
      continue;
    }
    if (!isDicomdir(dicomdir.fileMeta)) continue;
    result.dicomdirs.push(file.path);
    const folder = file.path.slice(0, file.path.length - 'DICOMDIR'.length);
    covered.push(folder.toLowerCase());
    for (const record of dicomdirFileRecords(dicomdir.dataset)) {
      claimed.set(`${folder}${record.path}`.toLowerCase(), `${folder}${record.path}`);
    }
  }
  const byPath = new Map(files.map((file) => [file.path.toLowerCase(), file]));
  for (const [key, path] of claimed) {
    if (!byPath.has(key)) {
      result.failures.push({
        path,
        error: new FoveaError('LOCAL_MISSING', `DICOMDIR references a missing file: ${path}`),
      });
    }
  }
  for (const file of files) {
    throwIfAborted(options.signal);
    const key = file.path.toLowerCase();
    if (result.dicomdirs.includes(file.path)) continue;
    const inCoveredFolder = covered.some((folder) => key.startsWith(folder));
    if (inCoveredFolder && !claimed.has(key)) continue;
    try {
      result.instances.push({ path: file.path, part10: readPart10(file.bytes) });
    } catch (error) {
      result.failures.push({ path: file.path, error: asFoveaError(error) });
    }
  }
  return result;
}

function asFoveaError(error: unknown): FoveaError {
  if (error instanceof FoveaError) return error;
  return new DicomParseError('DICOM_MALFORMED', 'Unreadable file', { cause: error });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new FoveaError('LOCAL_ABORTED', 'Loading local files was aborted');
}
