import { unzipSync } from 'fflate';
import { FoveaError } from '../errors/fovea-error.js';
import { entryFromBytes, type LocalEntry } from './local-entry.js';

/** A zip archive that cannot be read. */
export class ZipArchiveError extends FoveaError {
  declare readonly code: 'ZIP_INVALID';
  /** Path of the archive. */
  readonly path: string;

  constructor(path: string, cause: unknown) {
    super('ZIP_INVALID', `Cannot read zip archive ${path}`, { cause });
    this.path = path;
  }
}

/** True when `bytes` start with a zip local file header (`PK\x03\x04`) or an empty archive's end record. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    (bytes[3] === 0x04 || bytes[3] === 0x06)
  );
}

/**
 * The files of a zip archive as entries named `archive/inner/path`. Folders and macOS resource
 * forks (`__MACOSX/`) are left out. Throws {@link ZipArchiveError} for a corrupt archive.
 */
export function unzipEntries(path: string, bytes: Uint8Array): LocalEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => !file.name.endsWith('/') && !file.name.startsWith('__MACOSX/'),
    });
  } catch (cause) {
    throw new ZipArchiveError(path, cause);
  }
  return Object.entries(files).map(([name, content]) => entryFromBytes(`${path}/${name}`, content));
}
