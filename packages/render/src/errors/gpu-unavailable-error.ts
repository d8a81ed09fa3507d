import { FoveaError } from '@fovea/core';

/** Why one backend could not be started, as collected while trying the backends in order. */
export interface BackendAttempt {
  /** The backend that was tried. */
  backend: 'webgpu' | 'webgl2';
  /** What went wrong, for a person: missing API, no adapter, context creation failed. */
  reason: string;
}

/**
 * No GPU backend could be started in the render worker: neither WebGPU nor WebGL2 (or only the
 * ones the host allowed). `attempts` says why each one failed, in the order they were tried.
 */
export class GpuUnavailableError extends FoveaError {
  declare readonly code: 'GPU_UNAVAILABLE';
  /** One entry per backend tried, in order. */
  readonly attempts: readonly BackendAttempt[];

  constructor(attempts: readonly BackendAttempt[], options?: ErrorOptions) {
    const detail = attempts.map((attempt) => `${attempt.backend}: ${attempt.reason}`).join('; ');
    super('GPU_UNAVAILABLE', `No GPU backend is available (${detail || 'no backend allowed'})`, options);
    this.attempts = attempts;
  }
}
