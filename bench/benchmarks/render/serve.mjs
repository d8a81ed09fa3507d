// @ts-check
/**
 * The render bench pages (render.html, bricked.html), built for production by Vite from the
 * packages' sources (so they measure the working tree, not a stale dist/), served by Vite's
 * preview server on 127.0.0.1.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, defaultClientConditions, preview } from 'vite';
import { freePort } from '../../../scripts/orthanc/ports.mjs';

const PAGE_DIR = import.meta.dirname;
const CACHE_DIR = resolve(PAGE_DIR, '../../../.cache/bench');

/** @param {string} page */
const outDir = (page) => (page === 'render' ? join(CACHE_DIR, 'render') : join(CACHE_DIR, `render-${page}`));

/**
 * Builds `page`.html into .cache/bench/render (render-`page` for the others), with the files the
 * page fetches beside it (large bodies do not go well through Playwright's request routing).
 * @param {Record<string, Uint8Array | string>} files name → contents
 * @param {string} [page] the page's name: `render` or `bricked`
 */
export async function buildPage(files, page = 'render') {
  const out = outDir(page);
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'error',
    resolve: { conditions: ['@fovea/source', ...defaultClientConditions] },
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { [page]: join(PAGE_DIR, `${page}.html`) } },
    },
    worker: { format: 'es' },
  });
  for (const [name, contents] of Object.entries(files)) await writeFile(join(out, name), contents);
}

/**
 * Serves the built `page`; `close()` stops the server.
 * @param {string} [page]
 */
export async function servePage(page = 'render') {
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root: PAGE_DIR,
    logLevel: 'error',
    build: { outDir: outDir(page) },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return { url: `http://127.0.0.1:${port}/${page}.html`, close: () => server.close() };
}
