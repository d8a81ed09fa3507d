// @ts-check
/**
 * The render bench page, built for production by Vite from the packages' sources (so it measures
 * the working tree, not a stale dist/), served by Vite's preview server on 127.0.0.1.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, defaultClientConditions, preview } from 'vite';
import { freePort } from '../../../scripts/orthanc/ports.mjs';

const PAGE_DIR = import.meta.dirname;
const OUT_DIR = resolve(PAGE_DIR, '../../../.cache/bench/render');

/**
 * Builds render.html into .cache/bench/render, with the files the page fetches beside it (large
 * bodies do not go well through Playwright's request routing).
 * @param {Record<string, Uint8Array | string>} files name → contents
 */
export async function buildPage(files) {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'error',
    resolve: { conditions: ['@fovea/source', ...defaultClientConditions] },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { render: join(PAGE_DIR, 'render.html') } },
    },
    worker: { format: 'es' },
  });
  for (const [name, contents] of Object.entries(files)) await writeFile(join(OUT_DIR, name), contents);
}

/** Serves the built page; `close()` stops the server. */
export async function servePage() {
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root: PAGE_DIR,
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return { url: `http://127.0.0.1:${port}/render.html`, close: () => server.close() };
}
