import { DicomWebClient } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { type ClientSource, ViewerClient } from './viewer-client.js';

const source = (overrides: Partial<ClientSource> = {}): ClientSource => ({
  client: undefined,
  dicomwebRoot: '/dicom-web',
  tokenProvider: undefined,
  fetch: undefined,
  ...overrides,
});

describe('ViewerClient', () => {
  it('makes no client without a host client or a dicomweb-root', () => {
    expect(new ViewerClient().of(source({ dicomwebRoot: '' }))).toBeUndefined();
  });

  it('uses the host’s client as it is, whatever the attributes say', () => {
    const host = new DicomWebClient({ root: '/other' });
    expect(new ViewerClient().of(source({ client: host }))).toBe(host);
  });

  it('keeps the client it made while root, token provider and fetch stay the same', () => {
    const clients = new ViewerClient();
    const fetch = globalThis.fetch;
    const first = clients.of(source({ fetch }));
    expect(first).toBeInstanceOf(DicomWebClient);
    expect(clients.of(source({ fetch }))).toBe(first);
  });

  it('makes a new client when the root, the token provider or the fetch changes', () => {
    const clients = new ViewerClient();
    const first = clients.of(source());
    const rooted = clients.of(source({ dicomwebRoot: '/pacs' }));
    expect(rooted).not.toBe(first);
    const withToken = clients.of(source({ dicomwebRoot: '/pacs', tokenProvider: async () => 'token' }));
    expect(withToken).not.toBe(rooted);
    const withFetch = clients.of(source({ dicomwebRoot: '/pacs', fetch: async () => new Response() }));
    expect(withFetch).not.toBe(withToken);
  });
});
