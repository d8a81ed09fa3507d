/**
 * Fetching many frames (a series, a volume) in priority order through the client's concurrency
 * limit, keeping every frame that arrived even when others fail: a failed batch is retried by
 * asking again for what is missing, never by starting over.
 */
import type { DicomWebClient } from './dicomweb-client.js';
import { DicomWebError } from './dicomweb-error.js';
import {
  type FrameRequestOptions,
  type InstanceReference,
  type RetrievedFrame,
  retrieveFrames,
} from './wado-rs.js';

/** One frame to fetch: its instance and 1-based frame number. */
export interface FrameRequest extends InstanceReference {
  frameNumber: number;
}

/** What a batch brought back, keyed by {@link frameKey}. */
export interface FrameBatchResult {
  /** Frames received. */
  frames: Map<string, RetrievedFrame>;
  /** Frames that failed (after the client's retries), with the typed error of each. */
  errors: Map<string, DicomWebError>;
}

/** `sopInstanceUid/frameNumber`: the key of a frame in a {@link FrameBatchResult}. */
export function frameKey(request: FrameRequest): string {
  return `${request.sopInstanceUid}/${request.frameNumber}`;
}

/**
 * Fetches `requests` in the order given (first = highest priority), one WADO-RS request per frame,
 * as many at once as the client allows. `onFrame` sees each frame as it arrives. Resolves when
 * every request has succeeded or failed; rejects only when `signal` aborts.
 */
export async function retrieveFrameBatch(
  client: DicomWebClient,
  requests: readonly FrameRequest[],
  options: FrameRequestOptions & { onFrame?: (request: FrameRequest, frame: RetrievedFrame) => void } = {},
): Promise<FrameBatchResult> {
  const result: FrameBatchResult = { frames: new Map(), errors: new Map() };
  await Promise.all(
    requests.map(async (request) => {
      try {
        const [frame] = await retrieveFrames(client, request, [request.frameNumber], options);
        if (!frame)
          throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'No frame in the response', { url: client.root });
        result.frames.set(frameKey(request), frame);
        options.onFrame?.(request, frame);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        result.errors.set(
          frameKey(request),
          error instanceof DicomWebError
            ? error
            : new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Frame retrieval failed', {
                url: client.root,
                cause: error,
              }),
        );
      }
    }),
  );
  return result;
}
