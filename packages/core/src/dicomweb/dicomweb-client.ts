import { ConcurrencyLimiter } from './concurrency-limiter.js';
import { DicomWebError } from './dicomweb-error.js';
import { DicomWebProgressEvent, DicomWebRetryEvent } from './dicomweb-events.js';
import { readChunks } from './response-body.js';
import { DEFAULT_RETRY_POLICY, isRetryable, type RetryPolicy, retryDelay, sleep } from './retry-policy.js';

/**
 * Supplies a bearer token for each request. Called before every request, and once more with
 * `refresh: true` after a 401, so a host can renew an expired token. Return `undefined` for none.
 */
export type TokenProvider = (context: { url: string; refresh: boolean }) => Promise<string | undefined>;

/** How to reach a DICOMweb service. */
export interface DicomWebClientOptions {
  /** Base URL of the service, e.g. `https://pacs.example/dicom-web` or `/dicom-web` in a page. */
  root: string;
  /** Base URL of WADO-URI (PS3.18 9), e.g. `https://pacs.example/wado`; needed only for WADO-URI. */
  wadoUriRoot?: string;
  /** A fetch to use instead of the global one (a host's instrumented or proxied fetch). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Tokens, sent in the Authorization header (never in the URL). */
  tokenProvider?: TokenProvider;
  /**
   * Authorization scheme put before the token: `Bearer` (default, OAuth) or `Basic` (the token is
   * then base64 `user:password`, as Orthanc's RegisteredUsers expect).
   */
  authorizationScheme?: 'Bearer' | 'Basic';
  /** Requests in flight at once, bodies included (default 6, a browser's per-host limit). */
  concurrency?: number;
  /** Retries on network errors and 5xx; never on 4xx or aborts. Partial policies fill in defaults. */
  retry?: Partial<RetryPolicy>;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the call: queued, in flight, reading the body or waiting to retry. */
  signal?: AbortSignal;
  /** Bytes of the response body received so far, and Content-Length if known. */
  onProgress?: (loaded: number, total: number | undefined) => void;
}

/** One HTTP exchange the client performs. */
export interface DicomWebRequest {
  url: string;
  /** GET unless a body is sent. */
  method?: 'GET' | 'POST';
  /** Accept header value. */
  accept: string;
  /** Request body (STOW-RS). */
  body?: Uint8Array;
  /** Content-Type of the body. */
  contentType?: string;
  /** Non-2xx statuses to hand to the consumer instead of throwing (STOW-RS 409 carries reasons). */
  acceptStatuses?: readonly number[];
}

/** What the `send` of {@link DicomWebClient.relay} answers: the HTTP status and, when 2xx, a value. */
export interface RelayedResponse<T> {
  /** HTTP status of the answer. */
  status: number;
  /** What the exchange produced; read only for a 2xx status (or one of `acceptStatuses`). */
  value?: T;
}

/** A query parameter value: arrays are joined with commas, `undefined` is left out. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/**
 * A fetch-based DICOMweb client (PS3.18) for pages, workers and Node: URL building, the auth hook
 * (token per request, renewed after a 401, custom headers), a concurrency limit, retries with
 * exponential back-off on network errors and 5xx, progress and retry events, and typed errors.
 * QIDO-RS, WADO-RS, WADO-URI and STOW-RS are functions taking a client (see the package index).
 *
 * Events: `progress` ({@link DicomWebProgressEvent}), `retry` ({@link DicomWebRetryEvent}).
 */
export class DicomWebClient extends EventTarget {
  readonly root: string;
  readonly wadoUriRoot: string | undefined;
  readonly retryPolicy: RetryPolicy;
  readonly #fetch: typeof fetch;
  readonly #hostFetch: boolean;
  readonly #headers: Record<string, string>;
  readonly #tokenProvider: TokenProvider | undefined;
  readonly #scheme: string;
  readonly #limiter: ConcurrencyLimiter;

  constructor(options: DicomWebClientOptions) {
    super();
    this.root = options.root.replace(/\/+$/, '');
    this.wadoUriRoot = options.wadoUriRoot?.replace(/\/+$/, '');
    // Bound so that a global fetch is not called with the client as `this` (illegal invocation).
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#hostFetch = options.fetch !== undefined;
    this.#headers = { ...options.headers };
    this.#tokenProvider = options.tokenProvider;
    this.#scheme = options.authorizationScheme ?? 'Bearer';
    this.#limiter = new ConcurrencyLimiter(options.concurrency ?? 6);
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** Builds the URL of `path` under the root with the given query parameters (arrays joined by commas). */
  url(path: string, query: Record<string, QueryValue> = {}, root = this.root): string {
    const params: string[] = [];
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      params.push(
        `${encodeQuery(name)}=${encodeQuery(Array.isArray(value) ? value.join(',') : String(value))}`,
      );
    }
    const search = params.join('&');
    const relative = path.replace(/^\/+/, '');
    const base = /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : relative ? `${root}/${relative}` : root;
    return `${base}${search ? `${base.includes('?') ? '&' : '?'}${search}` : ''}`;
  }

  /**
   * Sends a GET with the auth hook applied and returns the response once its headers arrive, or
   * throws a `DicomWebError` for HTTP errors, network failures and aborts (after retries). The
   * caller reads the body; the concurrency slot is released when the headers arrive.
   */
  async request(url: string, accept: string, options: RequestOptions = {}): Promise<Response> {
    return this.exchange({ url, accept }, async (response) => response, options);
  }

  /**
   * Performs `request` and hands the response to `consume` while holding a concurrency slot.
   * Network errors and 5xx, including failures while `consume` reads the body, are retried per
   * the retry policy, so `consume` must not have side effects that a retry would repeat.
   */
  async exchange<T>(
    request: DicomWebRequest,
    consume: (response: Response) => Promise<T>,
    options: RequestOptions = {},
  ): Promise<T> {
    return this.#withRetries(request.url, options.signal, async () =>
      consume(await this.#send(request, options.signal)),
    );
  }

  /**
   * Performs `request` through `send` instead of this client's fetch: for an exchange that happens
   * elsewhere, e.g. a worker that fetches, parses and decodes a frame so the page does not. `send`
   * gets the request's headers (custom headers, Accept and a fresh Authorization from the token
   * provider) and answers with the HTTP status and, for a 2xx status, its value. The concurrency
   * limit, the token renewal after a 401, the retries and the typed errors are the same as for
   * {@link DicomWebClient.exchange}; `send` throws a `DicomWebError` for a failure it can name
   * (`DICOMWEB_NETWORK` is retried) and anything else counts as a network failure.
   *
   * Only for clients without a host `fetch` (see {@link DicomWebClient.usesHostFetch}): a function
   * cannot cross to a worker, so such a client's requests must stay on its own fetch.
   */
  async relay<T>(
    request: DicomWebRequest,
    send: (headers: Record<string, string>, signal: AbortSignal | undefined) => Promise<RelayedResponse<T>>,
    options: RequestOptions = {},
  ): Promise<T> {
    const { signal } = options;
    const once = async (refresh: boolean): Promise<RelayedResponse<T>> => {
      const headers = await this.#requestHeaders(request, refresh);
      try {
        return await send(Object.fromEntries(headers), signal);
      } catch (cause) {
        if (cause instanceof DicomWebError) throw cause;
        if (signal?.aborted)
          throw new DicomWebError('DICOMWEB_ABORTED', 'Request aborted', { url: request.url, cause });
        throw new DicomWebError('DICOMWEB_NETWORK', 'DICOMweb server unreachable', {
          url: request.url,
          cause,
        });
      }
    };
    return this.#withRetries(request.url, signal, async () => {
      let reply = await once(false);
      if (reply.status === 401 && this.#tokenProvider) reply = await once(true);
      if ((reply.status < 200 || reply.status > 299) && !request.acceptStatuses?.includes(reply.status)) {
        throw new DicomWebError('DICOMWEB_HTTP', 'DICOMweb request failed', {
          url: request.url,
          status: reply.status,
        });
      }
      return reply.value as T;
    });
  }

  /** True when the host handed in its own `fetch`: requests must then go through it, on the page. */
  get usesHostFetch(): boolean {
    return this.#hostFetch;
  }

  /** Runs `attempt` under a concurrency slot, retrying per the retry policy. */
  async #withRetries<T>(url: string, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T> {
    return this.#limiter.run(
      async () => {
        for (let tries = 0; ; tries++) {
          try {
            return await attempt();
          } catch (error) {
            const failure = this.#asDicomWebError(error, url, signal);
            if (tries >= this.retryPolicy.retries || !isRetryable(failure)) throw failure;
            const delayMs = retryDelay(this.retryPolicy, tries + 1);
            const reason = `${failure.code}${failure.status === undefined ? '' : ` ${failure.status}`}`;
            this.dispatchEvent(
              new DicomWebRetryEvent({ url: failure.url, attempt: tries + 1, delayMs, reason }),
            );
            await sleep(delayMs, signal, url);
          }
        }
      },
      signal,
      url,
    );
  }

  /**
   * Holds a concurrency slot until the returned release function is called: for streaming reads
   * whose body outlives one `exchange` call.
   */
  async acquire(signal?: AbortSignal, url = ''): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const ready = new Promise<void>((resolve) => {
      started = resolve;
    });
    const run = this.#limiter.run(
      async () => {
        started();
        await held;
      },
      signal,
      url,
    );
    await Promise.race([ready, run]);
    return release;
  }

  /**
   * Reads a response body completely, reporting progress (to `onProgress` and as `progress`
   * events) and turning stream failures into `DicomWebError`s.
   */
  async readBody(response: Response, url: string, options: RequestOptions = {}): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of this.chunks(response, url, options)) {
      chunks.push(chunk);
      length += chunk.length;
    }
    if (chunks.length === 1) return chunks[0] as Uint8Array;
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /** The body's chunks as they arrive, with progress reporting and typed stream errors. */
  chunks(response: Response, url: string, options: RequestOptions = {}): AsyncGenerator<Uint8Array> {
    const header = response.headers.get('content-length');
    const total = header === null ? undefined : Number(header);
    return readChunks(response, url, options.signal, (loaded) => {
      options.onProgress?.(loaded, total);
      this.dispatchEvent(new DicomWebProgressEvent({ url, loaded, total }));
    });
  }

  /** GETs a DICOM JSON array (QIDO-RS results, WADO-RS metadata); 204 No Content gives `[]`. */
  async getJson<T>(url: string, options: RequestOptions = {}): Promise<T[]> {
    return this.exchange(
      { url, accept: 'application/dicom+json' },
      async (response) => {
        if (response.status === 204) return [];
        const type = response.headers.get('content-type') ?? '';
        if (!/json/i.test(type)) {
          await response.body?.cancel();
          throw new DicomWebError('DICOMWEB_BAD_RESPONSE', `Expected DICOM JSON, got "${type}"`, { url });
        }
        const bytes = await this.readBody(response, url, options);
        let body: unknown;
        try {
          body = JSON.parse(new TextDecoder().decode(bytes));
        } catch (cause) {
          throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Response is not valid JSON', { url, cause });
        }
        if (!Array.isArray(body)) {
          throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Expected a JSON array of datasets', { url });
        }
        return body as T[];
      },
      options,
    );
  }

  async #send(request: DicomWebRequest, signal: AbortSignal | undefined): Promise<Response> {
    let response = await this.#attempt(request, false, signal);
    if (response.status === 401 && this.#tokenProvider) {
      await response.body?.cancel();
      response = await this.#attempt(request, true, signal);
    }
    if (!response.ok && !request.acceptStatuses?.includes(response.status)) {
      await response.body?.cancel().catch(() => {});
      throw new DicomWebError('DICOMWEB_HTTP', 'DICOMweb request failed', {
        url: request.url,
        status: response.status,
      });
    }
    return response;
  }

  async #attempt(
    request: DicomWebRequest,
    refresh: boolean,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const { url } = request;
    const headers = await this.#requestHeaders(request, refresh);
    const init: RequestInit = { method: request.method ?? (request.body ? 'POST' : 'GET'), headers };
    if (request.body) init.body = request.body as BodyInit;
    if (signal) init.signal = signal;
    try {
      return await this.#fetch(url, init);
    } catch (cause) {
      if (signal?.aborted) throw new DicomWebError('DICOMWEB_ABORTED', 'Request aborted', { url, cause });
      throw new DicomWebError('DICOMWEB_NETWORK', 'DICOMweb server unreachable', { url, cause });
    }
  }

  /** The headers of `request`: the custom ones, Accept, Content-Type and a token from the provider. */
  async #requestHeaders(request: DicomWebRequest, refresh: boolean): Promise<Headers> {
    const { url } = request;
    const headers = new Headers(this.#headers);
    headers.set('accept', request.accept);
    if (request.contentType) headers.set('content-type', request.contentType);
    let token: string | undefined;
    try {
      token = await this.#tokenProvider?.({ url, refresh });
    } catch (cause) {
      throw new DicomWebError('DICOMWEB_AUTH', 'The token provider failed', { url, cause });
    }
    if (token) headers.set('authorization', `${this.#scheme} ${token}`);
    return headers;
  }

  #asDicomWebError(error: unknown, url: string, signal: AbortSignal | undefined): DicomWebError {
    if (error instanceof DicomWebError) return error;
    if (signal?.aborted)
      return new DicomWebError('DICOMWEB_ABORTED', 'Request aborted', { url, cause: error });
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      // A typed Fovea error from `consume` (e.g. a parse error): not retryable, keep it as the cause.
      return new DicomWebError('DICOMWEB_BAD_RESPONSE', error.message, { url, cause: error });
    }
    return new DicomWebError('DICOMWEB_NETWORK', 'DICOMweb response failed', { url, cause: error });
  }
}

/**
 * Percent-encodes a query name or value, leaving `,` `/` `:` as they are: they are legal in a
 * query (RFC 3986 3.4), DICOMweb uses them as separators (`includefield=a,b`, `window=c,w,linear`,
 * `contentType=image/jpeg`), and Orthanc 1.10 does not decode `%2C` or `%2F` there.
 */
function encodeQuery(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}
