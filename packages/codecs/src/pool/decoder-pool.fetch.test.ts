/**
 * `DecoderPool.fetchAndDecode` against a local HTTP server: the worker sends the headers it is
 * given, and an abort reaches the worker's fetch (the server sees the connection close).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodeError } from '../errors/decode-error.js';
import { buildNodeWorkerBundle } from '../test-support/node-worker-bundle.js';
import { describePixels } from '../test-support/pixel-descriptions.js';
import { DecoderPool } from './decoder-pool.js';

let bundle: Awaited<ReturnType<typeof buildNodeWorkerBundle>>;
let pool: DecoderPool;
let root: string;
let handler: (request: IncomingMessage, response: ServerResponse) => void = () => {};
const server = createServer((request, response) => handler(request, response));

beforeAll(async () => {
  bundle = await buildNodeWorkerBundle();
  pool = new DecoderPool({ size: 1, workerUrl: bundle.url });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  pool?.dispose();
  server.closeAllConnections();
  server.close();
  await bundle?.dispose();
});

/** One native 2×3 frame of 16-bit samples as a WADO-RS multipart answer. */
function multipartFrame(response: ServerResponse): void {
  const pixels = Buffer.from(new Uint16Array([1, 2, 3, 4, 5, 6]).buffer);
  const head = Buffer.from(
    '--b\r\nContent-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\n',
  );
  response.writeHead(200, {
    'content-type': 'multipart/related; type="application/octet-stream"; boundary=b',
  });
  response.end(Buffer.concat([head, pixels, Buffer.from('\r\n--b--\r\n')]));
}

describe('DecoderPool.fetchAndDecode (Node worker_threads)', () => {
  it('sends the headers it is given and decodes the frame in the worker', async () => {
    let seen: string | undefined;
    handler = (request, response) => {
      seen = `${request.headers.authorization}|${request.headers.accept}`;
      multipartFrame(response);
    };
    const fetched = await pool.fetchAndDecode(
      {
        url: `${root}/frames/1`,
        headers: { authorization: 'Bearer t1', accept: 'multipart/related' },
        frameNumber: 1,
      },
      describePixels({ rows: 2, columns: 3 }),
    );
    expect(seen).toBe('Bearer t1|multipart/related');
    expect([fetched.status, fetched.transferSyntaxUid]).toEqual([200, '1.2.840.10008.1.2.1']);
    expect(Array.from(fetched.frame?.pixels ?? [])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('aborts the fetch in the worker when the caller aborts', async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    // Never answers: only an abort in the worker ends the request.
    handler = (request) => {
      request.socket.on('close', closed);
      arrived();
    };
    const controller = new AbortController();
    const pending = pool.fetchAndDecode(
      { url: `${root}/frames/1`, headers: {}, frameNumber: 1 },
      describePixels({ rows: 2, columns: 3 }),
      { signal: controller.signal },
    );
    await requestArrived;
    controller.abort();
    expect(((await pending.catch((e: unknown) => e)) as DecodeError).code).toBe('DECODE_ABORTED');
    await connectionClosed;
    // The worker is free again.
    handler = (_request, response) => multipartFrame(response);
    const next = await pool.fetchAndDecode(
      { url: `${root}/frames/1`, headers: {}, frameNumber: 1 },
      describePixels({ rows: 2, columns: 3 }),
    );
    expect(next.status).toBe(200);
  });
});
