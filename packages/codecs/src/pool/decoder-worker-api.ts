import { DicomWebError, readFramesResponse } from '@fovea/core';
import { transfer } from 'comlink';
import { decodeFrame } from '../decode-frame.js';
import { WasmCodecs, type WasmLocation } from '../wasm/wasm-codecs.js';
import {
  type SerializedFetchError,
  serializeError,
  type WorkerDecodeRequest,
  type WorkerDecodeResult,
  type WorkerFetchRequest,
  type WorkerFetchResult,
} from './worker-protocol.js';

/** The API a decoder worker exposes through comlink. */
export interface DecoderWorkerApi {
  /** Sets where the WASM codecs are loaded from; call before the first decode. */
  configure(location: WasmLocation): void;
  /** Decodes one frame; the input buffer is owned by the worker, the output buffer is transferred back. */
  decode(request: WorkerDecodeRequest): Promise<WorkerDecodeResult>;
  /**
   * Fetches one frame (WADO-RS), parses the multipart body and decodes the frame, so none of that
   * runs on the page's main thread; the decoded buffer is transferred back.
   */
  fetchFrame(request: WorkerFetchRequest): Promise<WorkerFetchResult>;
  /** Aborts the fetch of request `id`, if it is still running. */
  cancel(id: number): void;
}

/**
 * The worker-side implementation: one `WasmCodecs` set per worker, created on `configure` (or on
 * first decode with default locations), each codec instantiated on first use.
 */
export function createDecoderWorkerApi(): DecoderWorkerApi {
  let codecs: WasmCodecs | undefined;
  const fetches = new Map<number, AbortController>();

  async function decode(request: WorkerDecodeRequest): Promise<WorkerDecodeResult> {
    codecs ??= new WasmCodecs();
    try {
      const frame = await decodeFrame(request.bytes, request.pixel, request.transferSyntaxUid, {
        codecs,
        allowInPlace: true,
        ...(request.pixelDataVr ? { pixelDataVr: request.pixelDataVr } : {}),
        ...(request.resolutionLevel ? { resolutionLevel: request.resolutionLevel } : {}),
        ...(request.partial ? { partial: true } : {}),
      });
      const result: WorkerDecodeResult = { ok: true, frame };
      return transfer(result, [frame.pixels.buffer as ArrayBuffer]);
    } catch (error) {
      return { ok: false, error: serializeError(error, request.transferSyntaxUid) };
    }
  }

  return {
    configure(location) {
      codecs = new WasmCodecs(location);
    },
    decode,
    async fetchFrame(request) {
      const abort = new AbortController();
      fetches.set(request.id, abort);
      try {
        let response: Response;
        try {
          response = await fetch(request.url, { headers: request.headers, signal: abort.signal });
        } catch (error) {
          return fetchFailure(abort.signal.aborted ? 'DICOMWEB_ABORTED' : 'DICOMWEB_NETWORK', error);
        }
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          return { ok: true, status: response.status };
        }
        let stored: { bytes: Uint8Array; transferSyntaxUid: string };
        try {
          const [frame] = await readFramesResponse(
            response,
            request.url,
            [request.frameNumber],
            abort.signal,
          );
          stored = frame as { bytes: Uint8Array; transferSyntaxUid: string };
        } catch (error) {
          const code = error instanceof DicomWebError ? error.code : 'DICOMWEB_BAD_RESPONSE';
          return fetchFailure(
            code === 'DICOMWEB_HTTP' || code === 'DICOMWEB_AUTH' ? 'DICOMWEB_BAD_RESPONSE' : code,
            error,
          );
        }
        const decoded = await decode({
          bytes: stored.bytes,
          pixel: request.pixel,
          transferSyntaxUid: stored.transferSyntaxUid,
          ...(request.pixelDataVr ? { pixelDataVr: request.pixelDataVr } : {}),
        });
        const { transferSyntaxUid } = stored;
        if (!decoded.ok)
          return { ok: true, status: response.status, transferSyntaxUid, decodeError: decoded.error };
        const result: WorkerFetchResult = {
          ok: true,
          status: response.status,
          transferSyntaxUid,
          frame: decoded.frame,
        };
        return transfer(result, [decoded.frame.pixels.buffer as ArrayBuffer]);
      } finally {
        fetches.delete(request.id);
      }
    },
    cancel(id) {
      fetches.get(id)?.abort();
    },
  };
}

function fetchFailure(code: SerializedFetchError['code'], error: unknown): WorkerFetchResult {
  // The page rebuilds the error with the request's URL (redacted); the detail names no URL.
  const detail =
    error instanceof DicomWebError
      ? error.message.slice(0, Math.max(0, error.message.lastIndexOf(': ')) || undefined)
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
  return { ok: false, error: { code, detail } };
}
