// @ts-check
/**
 * Serves folders as plain static files, byte for byte, with fixed headers: how a host without a
 * bundler serves Fovea's ready-made bundle. Vite transforms the HTML it serves (it injects its
 * client script), which would hide what a strict Content-Security-Policy really allows.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of what the examples and the bundle hold; `application/wasm` lets browsers stream-compile. */
const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json'],
  ['.map', 'application/json'],
  ['.svg', 'image/svg+xml'],
  ['.wasm', 'application/wasm'],
]);

/**
 * @typedef {object} Mount
 * @property {string} prefix URL path prefix, starting and ending with `/`
 * @property {string} dir folder served under it
 */

/**
 * A Connect middleware serving `mounts` (the longest matching prefix wins; a path ending in `/`
 * serves its `index.html`) with `headers` on every response, 404 for anything missing. Requests
 * outside every prefix go to `next`.
 * @param {Mount[]} mounts
 * @param {Record<string, string>} headers
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void}
 */
export function staticFiles(mounts, headers) {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  return (req, res, next) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    const mount = sorted.find((m) => path.startsWith(m.prefix) || `${path}/` === m.prefix);
    if (!mount || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (`${path}/` === mount.prefix) {
      res.writeHead(301, { Location: mount.prefix }).end();
      return;
    }
    const relative = path.slice(mount.prefix.length) || 'index.html';
    const file = normalize(join(mount.dir, relative.endsWith('/') ? `${relative}index.html` : relative));
    // Nothing outside the mounted folder, whatever the path says.
    if (!file.startsWith(mount.dir + sep)) {
      res.writeHead(404, headers).end();
      return;
    }
    serve(file, req.method === 'HEAD', headers, res).catch(() => {
      if (!res.headersSent) res.writeHead(404, headers);
      res.end();
    });
  };
}

/**
 * @param {string} file
 * @param {boolean} headOnly
 * @param {Record<string, string>} headers
 * @param {import('node:http').ServerResponse} res
 */
async function serve(file, headOnly, headers, res) {
  if (!(await stat(file)).isFile()) throw new Error('not a file');
  const body = await readFile(file);
  res.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES.get(extname(file)) ?? 'application/octet-stream',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-cache',
  });
  res.end(headOnly ? undefined : body);
}
