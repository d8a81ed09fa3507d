import { DicomWebError } from './dicomweb-error.js';

/**
 * Supplies a bearer token for each request. Called before every request, and once more with
 * `refresh: true` after a 401, so a host can renew an expired token. Return `undefined` for none.
 */
export type TokenProvider = (context: { url: string; refresh: boolean }) => Promise<string | undefined>;

/** How to reach a DICOMweb service. */
export interface DicomWebClientOptions {
  /** Base URL of the service, e.g. `https://pacs.example/dicom-web` or `/dicom-web` in a page. */
  root: string;
  /** A fetch to use instead of the global one (a host's instrumented or proxied fetch). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Bearer tokens, sent in the Authorization header (never in the URL). */
  tokenProvider?: TokenProvider;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
}

type QueryValue = string | number | readonly string[] | undefined;

/**
 * A fetch-based DICOMweb client (PS3.18) for pages, workers and Node. This first cut carries the
 * request plumbing (auth hook, typed errors) and QIDO-RS; WADO-RS and STOW-RS build on `request`.
 */
export class DicomWebClient {
  readonly root: string;
  readonly #fetch: typeof fetch;
  readonly #headers: Record<string, string>;
  readonly #tokenProvider: TokenProvider | undefined;

  constructor(options: DicomWebClientOptions) {
    this.root = options.root.replace(/\/+$/, '');
    // Bound so that a global fetch is not called with the client as `this` (illegal invocation).
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#headers = { ...options.headers };
    this.#tokenProvider = options.tokenProvider;
  }

  /** Builds the URL of `path` under the root with the given query parameters (arrays joined by commas). */
  url(path: string, query: Record<string, QueryValue> = {}): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      params.append(name, Array.isArray(value) ? value.join(',') : String(value));
    }
    const search = params.toString();
    return `${this.root}/${path.replace(/^\/+/, '')}${search ? `?${search}` : ''}`;
  }

  /**
   * Sends a GET with the auth hook applied and returns the response, or throws a `DicomWebError`
   * for HTTP errors, network failures and aborts.
   */
  async request(url: string, accept: string, options: RequestOptions = {}): Promise<Response> {
    let response = await this.#send(url, accept, false, options.signal);
    if (response.status === 401 && this.#tokenProvider) {
      await response.body?.cancel();
      response = await this.#send(url, accept, true, options.signal);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DicomWebError('DICOMWEB_HTTP', 'DICOMweb request failed', { url, status: response.status });
    }
    return response;
  }

  /** GETs a DICOM JSON array (QIDO-RS results, WADO-RS metadata); 204 No Content gives `[]`. */
  async getJson<T>(url: string, options: RequestOptions = {}): Promise<T[]> {
    const response = await this.request(url, 'application/dicom+json', options);
    if (response.status === 204) return [];
    const type = response.headers.get('content-type') ?? '';
    if (!/json/i.test(type)) {
      await response.body?.cancel();
      throw new DicomWebError('DICOMWEB_BAD_RESPONSE', `Expected DICOM JSON, got "${type}"`, { url });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Response is not valid JSON', { url, cause });
    }
    if (!Array.isArray(body)) {
      throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Expected a JSON array of datasets', { url });
    }
    return body as T[];
  }

  async #send(url: string, accept: string, refresh: boolean, signal?: AbortSignal): Promise<Response> {
    const headers = new Headers(this.#headers);
    headers.set('accept', accept);
    const token = await this.#tokenProvider?.({ url, refresh });
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return await this.#fetch(url, signal ? { headers, signal } : { headers });
    } catch (cause) {
      if (signal?.aborted) throw new DicomWebError('DICOMWEB_ABORTED', 'Request aborted', { url, cause });
      throw new DicomWebError('DICOMWEB_NETWORK', 'DICOMweb server unreachable', { url, cause });
    }
  }
}
