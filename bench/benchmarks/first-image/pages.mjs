// @ts-check
/**
 * The bench pages (Cornerstone3D; Fovea's viewer; Fovea's bare viewport), built for production by
 * the same Vite (minified, ES module workers) and served with /dicom-web proxied to Orthanc on the page's origin, as the demo does.
 */
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { freePort } from '../../../scripts/orthanc/ports.mjs';

const PAGES_DIR = import.meta.dirname;
const OUT_DIR = resolve(PAGES_DIR, '../../../.cache/bench/first-image');

/** Builds cornerstone.html, fovea.html and fovea-viewport.html into .cache/bench/first-image. */
export async function buildPages() {
  await build({
    configFile: false,
    root: PAGES_DIR,
    base: './',
    logLevel: 'error',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        input: {
          fovea: join(PAGES_DIR, 'fovea.html'),
          'fovea-viewport': join(PAGES_DIR, 'fovea-viewport.html'),
          cornerstone: join(PAGES_DIR, 'cornerstone.html'),
        },
      },
    },
    worker: { format: 'es' },
  });
  return OUT_DIR;
}

/**
 * Serves the built pages; `close()` stops the server.
 * @param {string} orthancUrl
 */
export async function servePages(orthancUrl) {
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root: PAGES_DIR,
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      proxy: { '/dicom-web': orthancUrl },
    },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => server.close(),
  };
}
