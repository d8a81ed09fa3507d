import { DicomWebError } from './dicomweb-error.js';

/**
 * Yields a response body's chunks as they arrive, calling `onProgress` with the bytes received so
 * far. A body that fails mid-way (connection reset, server gone) throws DICOMWEB_NETWORK, an abort
 * DICOMWEB_ABORTED. Stopping early cancels the body.
 */
export async function* readChunks(
  response: Response,
  url: string,
  signal: AbortSignal | undefined,
  onProgress: (loaded: number) => void,
): AsyncGenerator<Uint8Array> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  let loaded = 0;
  let done = false;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (cause) {
        if (signal?.aborted) throw new DicomWebError('DICOMWEB_ABORTED', 'Request aborted', { url, cause });
        throw new DicomWebError('DICOMWEB_NETWORK', 'Response body failed before its end', { url, cause });
      }
      if (result.done) {
        done = true;
        return;
      }
      loaded += result.value.length;
      onProgress(loaded);
      yield result.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
