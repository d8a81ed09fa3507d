// @ts-check
/**
 * Volume fill side by side in Debian's headless Chromium: Fovea's WASM `Volume` against
 * Cornerstone3D 5.14's streaming image volume loader, both fed the same 300 decoded 512 × 512
 * int16 frames (rescale to HU applied by each), one page, alternating run by run. The figure is
 * ms from creating the volume to the last frame in it. See volume/fill.js for how Cornerstone is
 * fed (its own `createImage` through a registered image loader, one decoder worker). Both volumes
 * are compared voxel by voxel before anything is timed.
 */
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium.mjs';
import { freePort } from '../../scripts/orthanc/ports.mjs';

const PAGE_DIR = resolve(import.meta.dirname, 'volume');
const OUT_DIR = resolve(import.meta.dirname, '../../.cache/bench/volume-fill');

/** @type {import('playwright').Browser | undefined} */
let browser;
/** @type {{ close(): Promise<void> } | undefined} */
let server;

/** @type {import('../harness/runner.mjs').Benchmark} */
export default {
  name: 'volume-fill',
  description:
    'Filling a 512×512×300 int16 CT volume from decoded frames in Chromium: Cornerstone3D 5.14 streaming image volume (its createImage, 1 worker) vs Fovea WASM Volume',
  unit: 'ms from volume creation to the last frame written',
  async setup() {
    await build({
      configFile: false,
      root: PAGE_DIR,
      base: './',
      logLevel: 'error',
      build: {
        outDir: OUT_DIR,
        emptyOutDir: true,
        target: 'es2022',
        rolldownOptions: { input: { index: join(PAGE_DIR, 'index.html') } },
      },
      worker: { format: 'es' },
    });
    const port = await freePort();
    const preview_ = await preview({
      configFile: false,
      root: PAGE_DIR,
      logLevel: 'error',
      build: { outDir: OUT_DIR },
      preview: { host: '127.0.0.1', port, strictPort: true },
    });
    server = { close: () => preview_.close() };
    browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`volume-fill page: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.title !== 'loading', undefined, { timeout: 240_000 });
    const title = await page.title();
    if (title !== 'ready') throw new Error(`volume-fill page: ${title}`);
    await page.evaluate(() => /** @type {any} */ (window).bench.cornerstone());
    await page.evaluate(() => /** @type {any} */ (window).bench.fovea());
    const checked = await page.evaluate(() => /** @type {any} */ (window).bench.compare());
    console.log(`  volume-fill: ${checked} voxels equal in both volumes`);
    return [
      {
        name: 'Cornerstone3D 5.14: streaming volume, 512×512×300',
        group: 'fill',
        run: async () => ({ ms: await page.evaluate(() => /** @type {any} */ (window).bench.cornerstone()) }),
      },
      {
        name: 'Fovea WASM Volume: writeSlice, 512×512×300',
        group: 'fill',
        run: async () => ({ ms: await page.evaluate(() => /** @type {any} */ (window).bench.fovea()) }),
      },
    ];
  },
  async teardown() {
    await browser?.close();
    await server?.close();
  },
};
