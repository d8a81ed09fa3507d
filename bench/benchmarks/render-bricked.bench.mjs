// @ts-check
/**
 * What bricking costs @fovea/render: milliseconds per frame of the same views of one volume stored
 * whole and stored as a brick atlas, side by side in one run, WebGPU and WebGL2, in headless Debian
 * Chromium on the software adapter (SwiftShader; flags of scripts/browser/chromium.mjs). The volume
 * is 256 × 256 × 600 int16 (the CT phantom, halved in-plane, each slice twice); the bricked device
 * has `maxVolumeTextureSize: 512`, so it is cut into two bricks of 256 × 256 × 300 in one
 * 512 × 256 × 300 atlas. Frames: an oblique MPR plane and a 20 mm MIP slab (256²), shaded DVR
 * (bone) and a ray-cast MIP (128²). One run = one draw plus the read-back, timed in the page.
 * Each group is one view on one backend, whole first: a case's ratio is bricked over whole.
 * Software rasterisation on 2 shared cores: compare the ratios, not absolute times.
 */
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium.mjs';
import { loadPhantom } from './render/phantom.mjs';
import { buildPage, servePage } from './render/serve.mjs';

const BACKENDS = /** @type {const} */ ([
  { key: 'webgpu', label: 'WebGPU' },
  { key: 'webgl2', label: 'WebGL2' },
]);

const FRAMES = /** @type {const} */ ([
  { kind: 'mpr', label: 'MPR (oblique plane, trilinear, 256²)' },
  { kind: 'mip-slab', label: 'MIP slab (oblique, 20 mm, 256²)' },
  { kind: 'dvr', label: 'volume rendering (DVR, bone, shaded, 128²)' },
  { kind: 'volume-mip', label: 'volume rendering (ray-cast MIP, 128²)' },
]);

const SIDES = /** @type {const} */ (['whole', 'bricked']);

/** @type {import('playwright').Browser | undefined} */
let browser;
/** @type {Awaited<ReturnType<typeof servePage>> | undefined} */
let server;

/** @type {import('../harness/runner.mjs').Benchmark & { description: string }} */
const benchmark = {
  name: 'render-bricked',
  description: '',
  unit: 'ms per frame',
  async setup() {
    const phantom = await loadPhantom();
    await buildPage(
      { 'phantom.bin': phantom.bytes, 'phantom.json': JSON.stringify({ geometry: phantom.geometry }) },
      'bricked',
    );
    server = await servePage('bricked');
    browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    await page.goto(server.url);
    await page.waitForFunction(() => 'bench' in window);
    const { info, dimensions } = await page.evaluate(() => /** @type {any} */ (window).bench.init());
    const adapters = BACKENDS.map((b) => `${b.label} on ${info[b.key].adapter}`).join(', ');
    benchmark.description = `Draw + read back one frame of a ${dimensions.join('×')} int16 CT stored whole and bricked (maxVolumeTextureSize 512: a 512×256×300 atlas of 2 bricks), render worker, headless Chromium: ${adapters}; ratio = bricked / whole`;
    console.log(`  ${adapters}`);

    /** @type {import('../harness/runner.mjs').BenchCase[]} */
    const cases = [];
    for (const frame of FRAMES) {
      for (const backend of BACKENDS) {
        for (const side of SIDES) {
          cases.push({
            name: `${frame.label}, ${backend.label}, ${side}`,
            group: `${frame.label}, ${backend.label}`,
            run: async () => ({
              ms: await page.evaluate(
                (a) => /** @type {any} */ (window).bench.frame(...a),
                [backend.key, side, frame.kind],
              ),
            }),
          });
        }
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
