// @ts-check
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFiles } from './static-files.mjs';

/** @type {string} */
let dir;
/** @type {import('node:http').Server} */
let server;
let port = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fovea-static-'));
  await mkdir(join(dir, 'site', 'lib'), { recursive: true });
  await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><p>home</p>');
  await writeFile(join(dir, 'site', 'lib', 'codec.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(dir, 'secret.txt'), 'not for the web');
  const files = staticFiles([{ prefix: '/app/', dir: join(dir, 'site') }], { 'X-Test': 'yes' });
  server = createServer((req, res) => files(req, res, () => res.writeHead(418).end('next')));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/**
 * A raw GET, so that paths reach the server exactly as written (fetch would normalise `..`).
 * @param {string} path
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }>}
 */
function get(path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('staticFiles', () => {
  it('serves index.html for the folder and files byte for byte, with the fixed headers', async () => {
    const home = await get('/app/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['x-test']).toBe('yes');
    expect(home.body.toString()).toBe('<!doctype html><p>home</p>');
    const wasm = await get('/app/lib/codec.wasm');
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect([...wasm.body]).toEqual([0, 97, 115, 109]);
  });

  it('redirects the folder without its slash, so relative URLs in the page resolve inside it', async () => {
    const response = await get('/app');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/app/');
  });

  it('answers 404 for missing files and never serves a file above the folder', async () => {
    expect((await get('/app/missing.js')).status).toBe(404);
    expect((await get('/app/lib')).status).toBe(404);
    // Dot segments, plain or escaped, resolve before matching: the file above is never served.
    for (const path of [
      '/app/../secret.txt',
      '/app/%2e%2e/secret.txt',
      '/app/lib/%2E%2E/%2E%2E/secret.txt',
    ]) {
      const climbed = await get(path);
      expect(climbed.status).not.toBe(200);
      expect(climbed.body.toString()).not.toContain('not for the web');
    }
  });

  it('leaves requests outside its prefixes to the next handler', async () => {
    const response = await get('/other/index.html');
    expect(response.status).toBe(418);
  });
});
