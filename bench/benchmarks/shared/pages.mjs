// @ts-check
/**
 * The bench pages of one benchmark, built for production by Vite (minified, ES module workers)
 * and served with /dicom-web proxied to Orthanc on the page's origin, as the demo does. Every page
 * loads the shared probe (public/probe.js) first.
 */
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { freePort } from '../../../scripts/orthanc/ports.mjs';

const PUBLIC_DIR = join(import.meta.dirname, 'public');
const CACHE_DIR = resolve(import.meta.dirname, '../../../.cache/bench');

/**
 * Builds the benchmark's pages into .cache/bench/{name}; `minify: false` keeps names readable for
 * profiles.
 * @param {{ name: string, root: string, pages: string[], minify?: boolean }} options `root`: the
 *   folder of the pages; `pages`: their names, without `.html`
 * @returns {Promise<string>} the folder built
 */
export async function buildPages({ name, root, pages, minify = true }) {
  const outDir = join(CACHE_DIR, name);
  await build({
    configFile: false,
    root,
    base: './',
    publicDir: PUBLIC_DIR,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      rolldownOptions: { input: Object.fromEntries(pages.map((page) => [page, join(root, `${page}.html`)])) },
    },
    worker: { format: 'es' },
  });
  return outDir;
}

/**
 * Serves pages built by `buildPages` on a free 127.0.0.1 port; `close()` stops the server.
 * @param {string} outDir what `buildPages` returned
 * @param {string} orthancUrl
 */
export async function servePages(outDir, orthancUrl) {
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root: outDir,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, proxy: { '/dicom-web': orthancUrl } },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
