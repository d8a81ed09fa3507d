import { type DecodedFrame, DecodeError, type DecoderPool, type FetchedFrame } from '@fovea/codecs';
import {
  type DicomWebClient,
  DicomWebError,
  FoveaError,
  type FrameRef,
  frameAcceptHeader,
  frameUrl,
  type PixelDescription,
} from '@fovea/core';
import type { PrefetchSource } from './frame-prefetch.js';
import { StoredFrameSource } from './stored-frame-source.js';

/**
 * Frames of a series decoded, ready to show. Where it can, a decoder worker fetches each frame
 * (WADO-RS), parses the multipart answer and decodes it, so the page's main thread only receives
 * decoded pixels: the host page does not stutter while a series streams in behind the image. The
 * client stays on the page: it hands the worker a fresh Authorization header for each request (a
 * token never goes into a URL), and keeps the concurrency limit, retries and typed errors.
 *
 * On the page instead, fetching as stored and decoding in the pool: when the host handed the client
 * its own `fetch` (a function cannot cross to a worker), and once the server refused frame
 * retrieval (5xx), when whole instances are fetched (see {@link StoredFrameSource}).
 */
export class DecodedFrameSource implements PrefetchSource<DecodedFrame> {
  readonly #stored: StoredFrameSource;

  constructor(
    private readonly client: DicomWebClient,
    private readonly pool: () => DecoderPool,
  ) {
    this.#stored = new StoredFrameSource(client);
  }

  /** True while frames are fetched by the decoder workers rather than on the page. */
  get fetchesInWorkers(): boolean {
    return !this.client.usesHostFetch && !this.#stored.usesWholeInstances;
  }

  sizeOf(frame: DecodedFrame): number {
    return frame.pixels.byteLength;
  }

  async frame(ref: FrameRef, signal: AbortSignal, priority: number): Promise<DecodedFrame> {
    const pixel = ref.instance.pixel;
    if (!pixel) throw new FoveaError('NO_PIXELS', 'The instance has no image pixel description');
    if (this.fetchesInWorkers) {
      try {
        return await this.#fetchInWorker(ref, signal, priority);
      } catch (error) {
        if (!(error instanceof DicomWebError) || error.status === undefined || error.status < 500)
          throw error;
        this.#stored.useWholeInstances();
      }
    }
    const stored = await this.#stored.frame(ref, signal);
    // The bytes are this call's own: move them to the worker rather than copy them.
    return this.pool().decode(stored.bytes, pixel, stored.transferSyntaxUid, { signal, priority });
  }

  async #fetchInWorker(ref: FrameRef, signal: AbortSignal, priority: number): Promise<DecodedFrame> {
    const { instance } = ref;
    const studyInstanceUid = instance.study.studyInstanceUid;
    const seriesInstanceUid = instance.series.seriesInstanceUid;
    const sopInstanceUid = instance.sopInstanceUid;
    if (!studyInstanceUid || !seriesInstanceUid || !sopInstanceUid) {
      throw new FoveaError('MISSING_UID', 'The instance lacks a study, series or SOP UID');
    }
    const frameNumber = ref.frameIndex + 1;
    // Absolute: a worker resolves a relative URL against its own script, not against the page.
    const url = new URL(
      frameUrl(this.client, { studyInstanceUid, seriesInstanceUid, sopInstanceUid }, [frameNumber]),
      globalThis.location?.href,
    ).href;
    const pixel = instance.pixel as PixelDescription;
    const fetched = await this.client.relay<FetchedFrame | { undecodable: DecodeError }>(
      { url, accept: frameAcceptHeader() },
      async (headers, relaySignal) => {
        try {
          const answer = await this.pool().fetchAndDecode({ url, headers, frameNumber }, pixel, {
            priority,
            ...(relaySignal ? { signal: relaySignal } : {}),
          });
          return { status: answer.status, value: answer };
        } catch (error) {
          // A frame that arrived but cannot be decoded is no failed exchange: not retried, and it
          // reaches the viewport as the DecodeError it is.
          if (error instanceof DecodeError && error.code !== 'DECODE_ABORTED') {
            return { status: 200, value: { undecodable: error } };
          }
          throw error;
        }
      },
      { signal },
    );
    if ('undecodable' in fetched) throw fetched.undecodable;
    if (!fetched.frame) {
      throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'No frame in the response', { url });
    }
    return fetched.frame;
  }
}
