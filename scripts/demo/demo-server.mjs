// @ts-check
/**
 * The demo (and the end-to-end tests' server): sample studies generated (cached), a private Orthanc
 * loaded with them, and the examples served by Vite on the same origin, with /dicom-web and /wado
 * proxied to Orthanc, as a real deployment fronts its PACS with a reverse proxy.
 */
import { join, resolve } from 'node:path';
import { createServer, defaultClientConditions } from 'vite';
import { testPages } from '../../e2e/pages/test-pages.mjs';
import { startOrthanc } from '../orthanc/orthanc.mjs';
import { assertPortFree } from '../orthanc/ports.mjs';
import { uploadFiles } from '../orthanc/upload.mjs';
import { generateSamples, sampleDataDir } from '../sample-data/generate.mjs';
import { strictCspPages } from './strict-csp.mjs';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * @typedef {object} DemoOptions
 * @property {number} [port] HTTP port of the page server; 0 picks a free one
 * @property {'primary' | 'all'} [samples] load the primary series only (default), or every transcoded variant too
 * @property {(line: string) => void} [log]
 */

/**
 * Starts the demo. Resolves once the page server answers and Orthanc holds the samples.
 * @param {DemoOptions} [options]
 */
export async function startDemo(options = {}) {
  const log = options.log ?? (() => {});
  const port = options.port ?? 5173;
  if (port !== 0) await assertPortFree(port, (message) => new Error(`Demo server: ${message}`));

  log('generating sample studies (cached after the first run)');
  const outDir = sampleDataDir();
  const manifest = await generateSamples({
    outDir,
    onProgress: (event) => log(`  ${event.message}`),
  });
  const series = manifest.series.filter((s) => options.samples === 'all' || s.primary);
  const files = series.flatMap((s) => s.files.map((file) => join(outDir, file)));

  const orthanc = await startOrthanc({ log });
  try {
    log(`loading ${files.length} files of ${series.length} series into Orthanc at ${orthanc.url}`);
    let lastReport = 0;
    const results = await uploadFiles(orthanc, files, {
      onProgress: (done, total) => {
        if (done === total || Date.now() - lastReport > 2000) {
          lastReport = Date.now();
          log(`  ${done}/${total}`);
        }
      },
    });
    const rejected = results.filter((r) => r.status === 'rejected');
    if (rejected.length > 0)
      throw new Error(`Orthanc rejected ${rejected.length} sample files, e.g. ${rejected[0]?.file}`);

    const vite = await createServer({
      configFile: false,
      root: join(REPO_ROOT, 'examples'),
      logLevel: 'warn',
      // The examples use the built packages, as a host application would (run `pnpm run build`
      // first): the codecs' WASM and the workers are served from each package's dist/.
      resolve: { conditions: [...defaultClientConditions] },
      // examples/strict-csp/ is served as plain files with the ready-made bundle, under a strict CSP.
      // e2e/pages/ (under /e2e/, with the bundle): pages only the end-to-end tests open.
      plugins: [strictCspPages(), testPages()],
      // Every example's dependencies are found up front: one discovered on a first visit (React)
      // would make Vite re-optimise and reload the page under test. strict-csp/ is not Vite's.
      optimizeDeps: { entries: ['*/index.html', '!strict-csp/**'] },
      server: {
        host: '127.0.0.1',
        port,
        strictPort: true,
        // It serves built packages: no hot reload, so a rebuild never reloads a page under test.
        hmr: false,
        watch: null,
        proxy: { '/dicom-web': orthanc.url, '/wado': orthanc.url },
      },
    });
    await vite.listen();
    const address = vite.httpServer?.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    return {
      url: `http://127.0.0.1:${actualPort}/`,
      orthanc,
      manifest,
      async close() {
        await vite.close();
        await orthanc.stop();
      },
    };
  } catch (error) {
    await orthanc.stop();
    throw error;
  }
}
