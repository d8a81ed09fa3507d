import { DicomWebError } from './dicomweb-error.js';

/**
 * At most `limit` tasks at a time; the rest wait in order. One limiter per client, so two viewers
 * with two clients never wait on each other.
 */
export class ConcurrencyLimiter {
  readonly limit: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** Runs `task` when a slot is free; a wait abandoned through `signal` rejects with DICOMWEB_ABORTED. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal, url = ''): Promise<T> {
    await this.#acquire(signal, url);
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  #acquire(signal: AbortSignal | undefined, url: string): Promise<void> {
    if (signal?.aborted)
      return Promise.reject(new DicomWebError('DICOMWEB_ABORTED', 'Request aborted', { url }));
    if (this.#active < this.limit) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#active++;
        resolve();
      };
      const onAbort = () => {
        const index = this.#waiting.indexOf(grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(new DicomWebError('DICOMWEB_ABORTED', 'Request aborted while queued', { url }));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(grant);
    });
  }

  #release(): void {
    this.#active--;
    this.#waiting.shift()?.();
  }
}
