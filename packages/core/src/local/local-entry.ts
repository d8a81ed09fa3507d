/**
 * Local input without DOM or Node APIs: anything with a path and a way to read its bytes. A
 * browser `File` (from an input or a drop, `webkitRelativePath` for folders) and a Node file read
 * with `fs` both fit through {@link entryFromBlob} or a two-line adapter.
 */

/** One local file: its path inside what the user gave (folder-relative, `/`-separated) and its bytes. */
export interface LocalEntry {
  /** e.g. `study/DICOMDIR`, `series1/IM0001`, `scan.zip/1.dcm` for a file inside a zip. */
  path: string;
  /** Reads the whole file. */
  bytes(): Promise<Uint8Array>;
}

/** Something blob-like: a browser File or Blob, or Node's `File`/`Blob`. */
export interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>;
  name?: string;
  /** Set by directory inputs and drops in browsers: the path within the chosen folder. */
  webkitRelativePath?: string;
}

/** Wraps a File/Blob; its path is `webkitRelativePath`, else its name, else `fallbackName`. */
export function entryFromBlob(blob: BlobLike, fallbackName = 'file'): LocalEntry {
  const path = blob.webkitRelativePath || blob.name || fallbackName;
  return { path, bytes: async () => new Uint8Array(await blob.arrayBuffer()) };
}

/** Wraps bytes already in memory. */
export function entryFromBytes(path: string, bytes: Uint8Array): LocalEntry {
  return { path, bytes: async () => bytes };
}
