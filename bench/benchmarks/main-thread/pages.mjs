// @ts-check
/**
 * The bench page, built for production by Vite (minified, ES module workers) and served with
 * /dicom-web proxied to Orthanc on the page's origin, as the demo does.
 */
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { freePort } from '../../../scripts/orthanc/ports.mjs';

const PAGES_DIR = import.meta.dirname;
const OUT_DIR = resolve(PAGES_DIR, '../../../.cache/bench/main-thread');

/**
 * Builds viewport.html into .cache/bench/main-thread; unminified for profiles (names stay readable).
 * @param {{ minify?: boolean }} [options]
 */
export async function buildPage(options = {}) {
  await build({
    configFile: false,
    root: PAGES_DIR,
    base: './',
    logLevel: 'error',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'es2022',
      minify: options.minify ?? true,
      rolldownOptions: { input: { viewport: join(PAGES_DIR, 'viewport.html') } },
    },
    worker: { format: 'es' },
  });
  return OUT_DIR;
}

/**
 * Serves the built page; `close()` stops the server.
 * @param {string} orthancUrl
 */
export async function servePage(orthancUrl) {
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root: PAGES_DIR,
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port, strictPort: true, proxy: { '/dicom-web': orthancUrl } },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
