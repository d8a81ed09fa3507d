import type { PixelDescription } from '@fovea/core';
import type { DecodedFrame } from '../decoded-frame.js';
import { DecodeError, type DecodeErrorCode, UnsupportedTransferSyntaxError } from '../errors/decode-error.js';

/** What the pool sends a worker for one frame. */
export interface WorkerDecodeRequest {
  bytes: Uint8Array;
  pixel: PixelDescription;
  transferSyntaxUid: string;
  pixelDataVr?: 'OB' | 'OW';
  resolutionLevel?: number;
  partial?: boolean;
}

/** An error as it crosses the worker boundary (comlink would keep only name and message). */
export interface SerializedError {
  name: string;
  code: string;
  message: string;
  transferSyntaxUid: string;
  reason: string;
}

/** A worker's answer: the frame, or the error it threw. */
export type WorkerDecodeResult = { ok: true; frame: DecodedFrame } | { ok: false; error: SerializedError };

/** Turns anything thrown in a worker into data that survives `postMessage`. */
export function serializeError(error: unknown, transferSyntaxUid: string): SerializedError {
  if (error instanceof DecodeError) {
    return {
      name: error.name,
      code: error.code,
      message: error.message,
      transferSyntaxUid,
      reason: error.reason,
    };
  }
  if (error instanceof UnsupportedTransferSyntaxError) {
    return {
      name: error.name,
      code: error.code,
      message: error.message,
      transferSyntaxUid,
      reason: error.message,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: 'DecodeError',
    code: 'DECODE_CODEC_FAILED',
    message,
    transferSyntaxUid,
    reason: `unexpected ${error instanceof Error ? error.name : typeof error}: ${message}`,
  };
}

/** Rebuilds the typed error a worker reported. */
export function deserializeError(error: SerializedError): DecodeError | UnsupportedTransferSyntaxError {
  if (error.name === 'UnsupportedTransferSyntaxError')
    return new UnsupportedTransferSyntaxError(error.transferSyntaxUid);
  return new DecodeError(error.code as DecodeErrorCode, error.transferSyntaxUid, error.reason);
}

/**
 * What the pool sends a worker to fetch one frame (WADO-RS, `multipart/related`) and decode it. The
 * headers carry the Authorization the page's token provider gave for this one request: never put
 * in a URL, never logged.
 */
export interface WorkerFetchRequest {
  /** Names the request for `cancel`. */
  id: number;
  url: string;
  headers: Record<string, string>;
  /** 1-based frame number asked for in `url`. */
  frameNumber: number;
  pixel: PixelDescription;
  pixelDataVr?: 'OB' | 'OW';
}

/** A DICOMweb failure as it crosses the worker boundary. */
export interface SerializedFetchError {
  code: 'DICOMWEB_NETWORK' | 'DICOMWEB_BAD_RESPONSE' | 'DICOMWEB_ABORTED';
  /** What went wrong, without the URL (the page adds it, redacted). */
  detail: string;
}

/**
 * A worker's answer to a fetch: the HTTP status with, for a 2xx answer, the decoded frame and the
 * transfer syntax it came in (or the decode error); or the failure of the exchange itself.
 */
export type WorkerFetchResult =
  | {
      ok: true;
      status: number;
      frame?: DecodedFrame;
      transferSyntaxUid?: string;
      decodeError?: SerializedError;
    }
  | { ok: false; error: SerializedFetchError };
