import { transfer } from 'comlink';
import { decodeFrame } from '../decode-frame.js';
import { WasmCodecs, type WasmLocation } from '../wasm/wasm-codecs.js';
import { serializeError, type WorkerDecodeRequest, type WorkerDecodeResult } from './worker-protocol.js';

/** The API a decoder worker exposes through comlink. */
export interface DecoderWorkerApi {
  /** Sets where the WASM codecs are loaded from; call before the first decode. */
  configure(location: WasmLocation): void;
  /** Decodes one frame; the input buffer is owned by the worker, the output buffer is transferred back. */
  decode(request: WorkerDecodeRequest): Promise<WorkerDecodeResult>;
}

/**
 * The worker-side implementation: one `WasmCodecs` set per worker, created on `configure` (or on
 * first decode with default locations), each codec instantiated on first use.
 */
export function createDecoderWorkerApi(): DecoderWorkerApi {
  let codecs: WasmCodecs | undefined;
  return {
    configure(location) {
      codecs = new WasmCodecs(location);
    },
    async decode(request) {
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
    },
  };
}
