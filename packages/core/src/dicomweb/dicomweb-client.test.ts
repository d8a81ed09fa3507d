import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DicomWebClient } from './dicomweb-client.js';
import { DicomWebError } from './dicomweb-error.js';
import type { DicomWebProgressEvent, DicomWebRetryEvent } from './dicomweb-events.js';
import { retryDelay } from './retry-policy.js';

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;
const servers: Array<{ close: () => void }> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A local HTTP server whose `handler` sees a running request count. */
async function serve(handler: Handler): Promise<string> {
  let count = 0;
  const server = createServer((request, response) => handler(request, response, ++count));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
}

const fast = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };
const json = (response: ServerResponse, body: unknown) =>
  response.writeHead(200, { 'content-type': 'application/dicom+json' }).end(JSON.stringify(body));

describe('DicomWebClient retries', () => {
  it('retries 5xx with back-off, announcing each retry, then succeeds', async () => {
    const root = await serve((_request, response, count) => {
      if (count < 3) response.writeHead(503).end();
      else json(response, [{ '00100020': { vr: 'LO', Value: ['P1'] } }]);
    });
    const client = new DicomWebClient({ root, retry: fast });
    const retries: DicomWebRetryEvent[] = [];
    client.addEventListener('retry', (event) => retries.push(event as DicomWebRetryEvent));
    expect(await client.getJson(client.url('studies'))).toHaveLength(1);
    expect(retries.map((event) => [event.attempt, event.reason])).toEqual([
      [1, 'DICOMWEB_HTTP 503'],
      [2, 'DICOMWEB_HTTP 503'],
    ]);
  });

  it('does not retry 4xx', async () => {
    let calls = 0;
    const root = await serve((_request, response) => {
      calls++;
      response.writeHead(404).end();
    });
    const error = await new DicomWebClient({ root, retry: fast })
      .getJson(`${root}/studies`)
      .catch((e: unknown) => e);
    expect((error as DicomWebError).status).toBe(404);
    expect(calls).toBe(1);
  });

  it('retries network failures, including a body cut off mid-way, then gives up with a typed error', async () => {
    let calls = 0;
    const root = await serve((_request, response) => {
      calls++;
      // Promise 1000 bytes, send 10, drop the connection.
      response.writeHead(200, { 'content-type': 'application/dicom+json', 'content-length': '1000' });
      response.write('[{"0010002');
      setTimeout(() => response.destroy(), 5);
    });
    const error = await new DicomWebClient({ root, retry: fast })
      .getJson(`${root}/studies`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DicomWebError);
    expect((error as DicomWebError).code).toBe('DICOMWEB_NETWORK');
    expect(calls).toBe(4);
  });

  it('stops waiting to retry as soon as the caller aborts', async () => {
    const root = await serve((_request, response) => response.writeHead(500).end());
    const client = new DicomWebClient({
      root,
      retry: { retries: 5, baseDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    const controller = new AbortController();
    const started = Date.now();
    client.addEventListener('retry', () => controller.abort());
    const error = await client
      .getJson(`${root}/studies`, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as DicomWebError).code).toBe('DICOMWEB_ABORTED');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('doubles the delay each retry, with jitter, up to the maximum', () => {
    const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 500 };
    expect([1, 2, 3, 4].map((attempt) => retryDelay(policy, attempt, () => 0.5))).toEqual([
      100, 200, 400, 500,
    ]);
    expect(retryDelay(policy, 1, () => 0)).toBe(75);
    expect(retryDelay(policy, 1, () => 1)).toBe(125);
  });
});

describe('DicomWebClient limits, progress and auth', () => {
  it('never has more requests in flight than its concurrency limit', async () => {
    let active = 0;
    let peak = 0;
    const root = await serve((_request, response) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        json(response, []);
      }, 20);
    });
    const client = new DicomWebClient({ root, concurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, () => client.getJson(`${root}/studies`)));
    expect(peak).toBe(2);
  });

  it('reports progress of a response body', async () => {
    const payload = JSON.stringify(
      Array.from({ length: 2000 }, (_, i) => ({ '00100020': { vr: 'LO', Value: [`P${i}`] } })),
    );
    const root = await serve((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/dicom+json',
        'content-length': String(payload.length),
      });
      response.end(payload);
    });
    const client = new DicomWebClient({ root });
    const events: DicomWebProgressEvent[] = [];
    client.addEventListener('progress', (event) => events.push(event as DicomWebProgressEvent));
    const seen: number[] = [];
    await client.getJson(`${root}/studies`, { onProgress: (loaded) => seen.push(loaded) });
    expect(events.at(-1)?.loaded).toBe(payload.length);
    expect(events.at(-1)?.total).toBe(payload.length);
    expect(seen.at(-1)).toBe(payload.length);
  });

  it('turns a throwing token provider into a typed error without leaking anything', async () => {
    const root = await serve((_request, response) => json(response, []));
    const client = new DicomWebClient({
      root,
      tokenProvider: async () => {
        throw new Error('vault unavailable');
      },
    });
    const error = (await client
      .getJson(`${root}/studies?access_token=s3cret`)
      .catch((e: unknown) => e)) as DicomWebError;
    expect(error.code).toBe('DICOMWEB_AUTH');
    expect(error.message).not.toContain('s3cret');
  });

  it('sends custom headers and the chosen authorization scheme', async () => {
    const seen: Array<string | undefined> = [];
    const root = await serve((request, response) => {
      seen.push(`${request.headers.authorization}|${request.headers['x-tenant']}`);
      json(response, []);
    });
    const client = new DicomWebClient({
      root,
      headers: { 'x-tenant': 'north' },
      authorizationScheme: 'Basic',
      tokenProvider: async () => 'dXNlcjpwdw==',
    });
    await client.getJson(`${root}/studies`);
    expect(seen).toEqual(['Basic dXNlcjpwdw==|north']);
  });
});

describe('DicomWebClient.relay (an exchange performed elsewhere, e.g. in a worker)', () => {
  /** A `send` that fetches with the headers it is given, as a worker does, and returns the body text. */
  const relayed = async (url: string, headers: Record<string, string>, signal: AbortSignal | undefined) => {
    const response = await fetch(url, { headers, ...(signal ? { signal } : {}) });
    return { status: response.status, value: await response.text() };
  };

  it('hands out fresh headers per attempt, renews the token after a 401 and retries 5xx', async () => {
    const seen: string[] = [];
    const root = await serve((request, response, count) => {
      seen.push(`${request.headers.authorization}|${request.headers.accept}|${request.headers['x-tenant']}`);
      if (count === 1) response.writeHead(401).end();
      else if (count === 2) response.writeHead(503).end();
      else response.writeHead(200).end('frame');
    });
    let tokens = 0;
    const refreshes: boolean[] = [];
    const client = new DicomWebClient({
      root,
      retry: fast,
      headers: { 'x-tenant': 'north' },
      tokenProvider: async ({ refresh }) => {
        refreshes.push(refresh);
        return `t${++tokens}`;
      },
    });
    const retries: DicomWebRetryEvent[] = [];
    client.addEventListener('retry', (event) => retries.push(event as DicomWebRetryEvent));
    const url = client.url('studies/1/series/2/instances/3/frames/1');
    const value = await client.relay({ url, accept: 'multipart/related' }, (headers, signal) =>
      relayed(url, headers, signal),
    );
    expect(value).toBe('frame');
    expect(seen).toEqual([
      'Bearer t1|multipart/related|north',
      'Bearer t2|multipart/related|north',
      'Bearer t3|multipart/related|north',
    ]);
    expect(refreshes).toEqual([false, true, false]);
    expect(retries.map((event) => event.reason)).toEqual(['DICOMWEB_HTTP 503']);
  });

  it('fails 4xx at once with a typed error, and counts an untyped throw as a network failure', async () => {
    let calls = 0;
    const root = await serve((_request, response) => {
      calls++;
      response.writeHead(404).end();
    });
    const client = new DicomWebClient({ root, retry: fast });
    const url = `${root}/studies/1/series/2/instances/3/frames/1`;
    const notFound = (await client
      .relay({ url, accept: '*/*' }, (headers, signal) => relayed(url, headers, signal))
      .catch((e: unknown) => e)) as DicomWebError;
    expect([notFound.code, notFound.status, calls]).toEqual(['DICOMWEB_HTTP', 404, 1]);

    let attempts = 0;
    const unreachable = (await client
      .relay({ url, accept: '*/*' }, async () => {
        attempts++;
        throw new TypeError('worker fetch failed');
      })
      .catch((e: unknown) => e)) as DicomWebError;
    expect([unreachable.code, attempts]).toEqual(['DICOMWEB_NETWORK', 4]);
  });

  it('keeps a typed error from send as it is, and reports an abort as DICOMWEB_ABORTED', async () => {
    const client = new DicomWebClient({ root: 'http://127.0.0.1:9/dicom-web', retry: fast });
    const url = client.url('studies/1');
    const bad = new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Not multipart', { url });
    await expect(
      client.relay({ url, accept: '*/*' }, async () => {
        throw bad;
      }),
    ).rejects.toBe(bad);
    const controller = new AbortController();
    const aborted = (await client
      .relay(
        { url, accept: '*/*' },
        async () => {
          controller.abort();
          throw new Error('stopped');
        },
        { signal: controller.signal },
      )
      .catch((e: unknown) => e)) as DicomWebError;
    expect(aborted.code).toBe('DICOMWEB_ABORTED');
  });

  it('says whether the host handed in its own fetch (which cannot cross to a worker)', () => {
    expect(new DicomWebClient({ root: '/dicom-web' }).usesHostFetch).toBe(false);
    expect(new DicomWebClient({ root: '/dicom-web', fetch: (i, init) => fetch(i, init) }).usesHostFetch).toBe(
      true,
    );
  });
});
