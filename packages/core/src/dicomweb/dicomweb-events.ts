/**
 * Events a {@link DicomWebClient} dispatches (it is an `EventTarget`): transfer progress and
 * retries, for loading indicators and diagnostics. URLs are redacted; no tokens, no patient data.
 */

/** `progress`: bytes of a response body received so far. */
export class DicomWebProgressEvent extends Event {
  /** Request URL without credentials. */
  readonly url: string;
  /** Bytes received so far. */
  readonly loaded: number;
  /** Content-Length when the server sent one, else `undefined`. */
  readonly total: number | undefined;

  constructor(init: { url: string; loaded: number; total: number | undefined }) {
    super('progress');
    this.url = init.url;
    this.loaded = init.loaded;
    this.total = init.total;
  }
}

/** `retry`: a request failed with a retryable error and will be sent again after `delayMs`. */
export class DicomWebRetryEvent extends Event {
  /** Request URL without credentials. */
  readonly url: string;
  /** Retry number, 1-based. */
  readonly attempt: number;
  /** Back-off before this retry, ms. */
  readonly delayMs: number;
  /** What failed: the error's code and HTTP status, if any. */
  readonly reason: string;

  constructor(init: { url: string; attempt: number; delayMs: number; reason: string }) {
    super('retry');
    this.url = init.url;
    this.attempt = init.attempt;
    this.delayMs = init.delayMs;
    this.reason = init.reason;
  }
}
