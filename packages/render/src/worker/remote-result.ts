import { FoveaError } from '@fovea/core';
import { type BackendAttempt, GpuUnavailableError } from '../errors/gpu-unavailable-error.js';
import { RenderError, type RenderErrorCode } from '../errors/render-error.js';
import { RenderInputError, type RenderInputErrorCode } from '../errors/render-input-error.js';

/** An error as it crosses the worker boundary (structured clone keeps no classes). */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  attempts?: readonly BackendAttempt[];
}

/** What every render worker call answers: its value, or the error it threw. */
export type RemoteResult<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

/** Runs `task`, catching what it throws into a serializable result. */
export async function settle<T>(task: () => T | Promise<T>): Promise<RemoteResult<T>> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

/** The serializable form of any thrown value. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof GpuUnavailableError) {
    return { name: error.name, message: error.message, code: error.code, attempts: error.attempts };
  }
  if (error instanceof FoveaError) return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Re-creates the typed error on the page side. */
export function reviveError(error: SerializedError): Error {
  switch (error.name) {
    case 'GpuUnavailableError':
      return new GpuUnavailableError(error.attempts ?? []);
    case 'RenderInputError':
      return new RenderInputError(error.code as RenderInputErrorCode, error.message);
    case 'RenderError':
      return new RenderError(error.code as RenderErrorCode, error.message);
    default: {
      const revived = new Error(`Render worker: ${error.message}`);
      revived.name = error.name;
      return revived;
    }
  }
}

/** The value of a result, or its revived error thrown. */
export function unwrap<T>(result: RemoteResult<T>): T {
  if (result.ok) return result.value;
  throw reviveError(result.error);
}
