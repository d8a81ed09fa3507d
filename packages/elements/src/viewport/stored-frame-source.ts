import {
  type DicomWebClient,
  DicomWebError,
  FoveaError,
  type FrameRef,
  type Part10Instance,
  readPart10,
  retrieveFrames,
  retrieveInstance,
} from '@fovea/core';
import type { PrefetchSource } from './frame-prefetch.js';

/** A frame's stored bytes and the transfer syntax they are in. */
export interface StoredFrame {
  bytes: Uint8Array;
  transferSyntaxUid: string;
}

/**
 * Fetches the frames of one series as stored (`transfer-syntax=*`), so the client decodes them
 * exactly. Some servers cannot serve a syntax frame by frame (Orthanc 1.10 answers 500 for HTJ2K,
 * big endian and deflated): after the first such answer the source fetches whole instances for
 * the rest of the series, and keeps the last one parsed, so the frames of a multi-frame instance
 * cost one download, not one each.
 */
export class StoredFrameSource implements PrefetchSource<StoredFrame> {
  #framesUnavailable = false;
  #lastInstance: { sopInstanceUid: string; file: Part10Instance } | undefined;

  constructor(private readonly client: DicomWebClient) {}

  /** True once the server has refused frame retrieval and whole instances are used instead. */
  get usesWholeInstances(): boolean {
    return this.#framesUnavailable;
  }

  /** Fetches whole instances from now on (another path found the server refusing frames). */
  useWholeInstances(): void {
    this.#framesUnavailable = true;
  }

  sizeOf(frame: StoredFrame): number {
    return frame.bytes.byteLength;
  }

  async frame(ref: FrameRef, signal: AbortSignal): Promise<StoredFrame> {
    const { instance } = ref;
    const studyInstanceUid = instance.study.studyInstanceUid;
    const seriesInstanceUid = instance.series.seriesInstanceUid;
    const sopInstanceUid = instance.sopInstanceUid;
    if (!studyInstanceUid || !seriesInstanceUid || !sopInstanceUid) {
      throw new FoveaError('MISSING_UID', 'The instance lacks a study, series or SOP UID');
    }
    const reference = { studyInstanceUid, seriesInstanceUid, sopInstanceUid };
    if (!this.#framesUnavailable) {
      try {
        const [frame] = await retrieveFrames(this.client, reference, [ref.frameIndex + 1], { signal });
        if (!frame)
          throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'No frame in the response', {
            url: this.client.root,
          });
        return { bytes: frame.bytes, transferSyntaxUid: frame.transferSyntaxUid };
      } catch (error) {
        if (!(error instanceof DicomWebError) || error.status === undefined || error.status < 500)
          throw error;
        this.#framesUnavailable = true;
      }
    }
    if (this.#lastInstance?.sopInstanceUid !== sopInstanceUid) {
      const { bytes } = await retrieveInstance(this.client, reference, { signal });
      this.#lastInstance = { sopInstanceUid, file: readPart10(bytes) };
    }
    const { file } = this.#lastInstance;
    return { bytes: file.frame(ref.frameIndex), transferSyntaxUid: file.transferSyntaxUid };
  }
}
