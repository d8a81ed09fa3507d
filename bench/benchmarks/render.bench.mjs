// @ts-check
/**
 * Milliseconds per frame of @fovea/render at 512 × 512 output, WebGPU beside WebGL2 in one run,
 * in headless Debian Chromium on the software adapter (SwiftShader; flags of
 * scripts/browser/chromium.mjs): one render worker per backend, each with one viewport showing
 * the generated CT phantom (512 × 512 × 300 int16, 0.7 × 0.7 × 1 mm) as
 * - slice: its middle slice as a stack image;
 * - MPR: an oblique plane;
 * - MIP slab: the same plane as a 20 mm maximum-intensity slab;
 * - volume rendering: DVR (bone preset, gradient shading) from an oblique camera, at full quality
 *   and while interacting (3× longer ray steps), and a ray-cast MIP of the volume.
 * Each kind has its own viewport, its state set once; one run = one draw of it plus the read-back of
 * the 512² frame, timed in the page (the read-back makes the time include the GPU finishing).
 * Main-thread ms per frame: the page's own share of one state change and its frame (posting to
 * the worker, handling the answer; slice window changes and DVR orbit steps); the drawing is all
 * in the worker.
 * Software rasterisation on 2 shared cores: compare the two backends, not absolute times.
 */
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium.mjs';
import { loadPhantom } from './render/phantom.mjs';
import { buildPage, servePage } from './render/serve.mjs';

const BACKENDS = /** @type {const} */ ([
  { key: 'webgpu', label: 'WebGPU' },
  { key: 'webgl2', label: 'WebGL2' },
]);

/** What is drawn, by the page's kind of frame. */
const FRAMES = /** @type {const} */ ([
  { kind: 'slice', label: 'slice (512² int16 stack image)' },
  { kind: 'mpr', label: 'MPR (oblique plane, trilinear)' },
  { kind: 'mip-slab', label: 'MIP slab (oblique, 20 mm)' },
  { kind: 'dvr', label: 'volume rendering (DVR, bone, shaded), still' },
  { kind: 'dvr-interacting', label: 'volume rendering (DVR, bone, shaded), interacting' },
  { kind: 'volume-mip', label: 'volume rendering (ray-cast MIP)' },
]);

/** Frames whose main-thread share is measured. */
const MAIN_THREAD = /** @type {const} */ ([
  { kind: 'slice', label: 'main thread per frame: slice window change' },
  { kind: 'dvr-interacting', label: 'main thread per frame: volume rendering orbit' },
]);

/** @type {import('playwright').Browser | undefined} */
let browser;
/** @type {Awaited<ReturnType<typeof servePage>> | undefined} */
let server;

/** @type {import('../harness/runner.mjs').Benchmark & { description: string }} */
const benchmark = {
  name: 'render',
  description: '',
  unit: 'ms per frame',
  async setup() {
    const phantom = await loadPhantom();
    await buildPage({
      'phantom.bin': phantom.bytes,
      'phantom.json': JSON.stringify({ geometry: phantom.geometry }),
    });
    server = await servePage();
    browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    await page.goto(server.url);
    await page.waitForFunction(() => 'bench' in window);
    const info = await page.evaluate(() => /** @type {any} */ (window).bench.init());
    const adapters = BACKENDS.map((b) => `${b.label} on ${info[b.key].adapter}`).join(', ');
    benchmark.description = `Draw + read back one 512×512 frame of the CT phantom (512×512×300 int16), render worker, headless Chromium: ${adapters}; main-thread ms per frame is the page's share of a state change and its frame`;
    console.log(`  ${adapters}`);

    /** @type {import('../harness/runner.mjs').BenchCase[]} */
    const cases = [];
    for (const frame of FRAMES) {
      for (const backend of BACKENDS) {
        cases.push({
          name: `${frame.label}, ${backend.label}`,
          group: frame.label,
          run: async () => ({
            ms: await page.evaluate(
              (a) => /** @type {any} */ (window).bench.frame(...a),
              [backend.key, frame.kind],
            ),
          }),
        });
      }
    }
    for (const frame of MAIN_THREAD) {
      for (const backend of BACKENDS) {
        let i = 1000;
        cases.push({
          name: `${frame.label}, ${backend.label}`,
          group: frame.label,
          run: async () => ({
            ms: await page.evaluate(
              (a) => /** @type {any} */ (window).bench.mainThread(...a),
              [backend.key, frame.kind, i++],
            ),
          }),
        });
      }
    }
    return cases;
  },
  async teardown() {
    await browser?.close();
    await server?.close();
  },
};

export default benchmark;
