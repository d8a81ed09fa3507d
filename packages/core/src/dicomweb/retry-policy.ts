import { DicomWebError } from './dicomweb-error.js';

/** When and how often to retry a failed request. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 3); 0 disables retrying. */
  retries: number;
  /** Delay before the first retry, ms (default 250); doubled each time, with ±25 % jitter. */
  baseDelayMs: number;
  /** Upper bound of one delay, ms (default 4000). */
  maxDelayMs: number;
}

/** The default: 3 retries, 250 ms doubling to at most 4 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 4000 };

/**
 * True for failures worth another try: no answer at all (network) and server errors (5xx).
 * Client errors (4xx) will fail the same way again, and aborts are the caller's wish.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof DicomWebError)) return false;
  if (error.code === 'DICOMWEB_NETWORK') return true;
  return error.code === 'DICOMWEB_HTTP' && error.status !== undefined && error.status >= 500;
}

/** Delay before retry number `attempt` (1-based), ms. */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

/** Waits `ms`, or rejects with DICOMWEB_ABORTED as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DicomWebError('DICOMWEB_ABORTED', 'Request aborted', { url }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DicomWebError('DICOMWEB_ABORTED', 'Request aborted during retry back-off', { url }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
