import { DicomWebClient, type TokenProvider } from '@fovea/core';

/** Where a viewer's client comes from: the host's own, or the attributes to make one from. */
export interface ClientSource {
  client: DicomWebClient | undefined;
  dicomwebRoot: string;
  tokenProvider: TokenProvider | undefined;
  fetch: typeof globalThis.fetch | undefined;
}

/**
 * The DICOMweb client a viewer and its parts use: the host's, or one made from `dicomweb-root`,
 * `tokenProvider` and `fetch`, made again only when one of those changes (a new client each render
 * would have every view load again).
 */
export class ViewerClient {
  #made: { key: readonly unknown[]; client: DicomWebClient } | undefined;

  /** The client for `source`; `undefined` without a client or a `dicomweb-root`. */
  of(source: ClientSource): DicomWebClient | undefined {
    if (source.client) return source.client;
    if (!source.dicomwebRoot) return undefined;
    const key = [source.dicomwebRoot, source.tokenProvider, source.fetch] as const;
    if (this.#made?.key.every((value, i) => value === key[i])) return this.#made.client;
    const client = new DicomWebClient({
      root: source.dicomwebRoot,
      ...(source.tokenProvider && { tokenProvider: source.tokenProvider }),
      ...(source.fetch && { fetch: source.fetch }),
    });
    this.#made = { key, client };
    return client;
  }
}
