// @ts-check
/**
 * Time to first image and to a complete 300-slice CT volume, Fovea beside Cornerstone3D 5.14:
 * the same study from the same Orthanc, every page built by the same Vite for production, one
 * decoder worker each, a fresh browser context per load with the HTTP cache disabled, the pages
 * alternating load by load. Also the longest main-thread task during each load and the gzip size
 * of the JavaScript fetched before the first image. Fovea is measured twice: as a host embeds it,
 * the whole `<fovea-viewer>` (header, toolbar, series browser and its thumbnail, one viewport),
 * and the bare `<fovea-viewport>`, the same shape as the minimal Cornerstone page. See
 * first-image/ for the pages.
 */
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium.mjs';
import { measureLoad } from './first-image/measure.mjs';
import { startCtOrthanc } from './shared/ct-orthanc.mjs';
import { buildPages, servePages } from './shared/pages.mjs';

const VIEWERS = /** @type {const} */ ([
  { key: 'cornerstone', label: 'Cornerstone3D 5.14 (minimal stack viewport page)' },
  { key: 'fovea', label: 'Fovea `<fovea-viewer>` (whole viewer)' },
  { key: 'fovea-viewport', label: 'Fovea `<fovea-viewport>` alone' },
]);

/** @type {Awaited<ReturnType<typeof startCtOrthanc>>['orthanc'] | undefined} */
let orthanc;
/** @type {Awaited<ReturnType<typeof servePages>> | undefined} */
let server;
/** @type {import('playwright').Browser | undefined} */
let browser;

/** @type {import('../harness/runner.mjs').Benchmark} */
export default {
  name: 'first-image',
  description:
    'CT 512×512×300 (explicit VR little endian) over WADO-RS from Orthanc, one decoder worker each: first image, all 300 slices decoded into a volume, longest main-thread task',
  unit: 'ms from navigation start',
  async setup() {
    const started = await startCtOrthanc();
    orthanc = started.orthanc;
    const { ct, query } = started;
    const outDir = await buildPages({
      name: 'first-image',
      root: join(import.meta.dirname, 'first-image'),
      pages: VIEWERS.map((v) => v.key),
    });
    server = await servePages(outDir, orthanc.url);
    browser = await chromium.launch(chromiumLaunchOptions);

    // One load measures every metric; each metric's case takes its value from the viewer's next
    // load, which runs when the case finds no value waiting. The harness rotates the case order,
    // so the two viewers alternate load by load.
    /** @type {Record<string, import('./first-image/measure.mjs').LoadMeasurement[]>} */
    const pending = Object.fromEntries(VIEWERS.map((v) => [v.key, []]));
    /** @type {Record<string, string>} */
    const sizes = {};
    /**
     * @param {(typeof VIEWERS)[number]['key']} key
     * @param {number} metric index of the metric among the three cases of a load
     */
    const next = async (key, metric) => {
      const queue = /** @type {any[]} */ (pending[key]);
      let entry = queue.find((e) => !e.taken[metric]);
      if (!entry) {
        const measured = await measureLoad(
          /** @type {import('playwright').Browser} */ (browser),
          `${server?.url}${key}.html${query}`,
        );
        if (measured.frames !== ct.instances) {
          throw new Error(
            `${key} reported ${measured.frames} slices in its volume, expected ${ct.instances}`,
          );
        }
        if (sizes[key] === undefined) {
          sizes[key] = describeScripts(measured.scriptsBeforeFirstImage);
          // What the page asked the PACS for before its first image (once per page, for the record).
          console.log(
            `  ${key}: viewport ${measured.viewportCss.join('×') || '512×512'} CSS px; DICOMweb before the first image: ${describeRequests(measured.dicomwebBeforeFirstImage)}`,
          );
        }
        entry = { measured, taken: [false, false, false] };
        queue.push(entry);
      }
      entry.taken[metric] = true;
      if (entry.taken.every(Boolean)) queue.splice(queue.indexOf(entry), 1);
      return entry.measured;
    };

    return [
      ...VIEWERS.map((v) => ({
        // The JS size is known after the viewer's first load; the runner reads names at the end.
        get name() {
          return `${v.label}: first image${sizes[v.key] ? ` [${sizes[v.key]}]` : ''}`;
        },
        group: 'first image',
        run: async () => ({ ms: (await next(v.key, 0)).firstImageMs }),
      })),
      ...VIEWERS.map((v) => ({
        name: `${v.label}: all 300 slices decoded into a volume`,
        group: 'volume ready',
        run: async () => ({ ms: (await next(v.key, 1)).volumeReadyMs }),
      })),
      ...VIEWERS.map((v) => ({
        name: `${v.label}: longest main-thread task until the volume is ready`,
        group: 'longest task',
        run: async () => ({ ms: (await next(v.key, 2)).longestTaskMs }),
      })),
    ];
  },
  async teardown() {
    await browser?.close();
    await server?.close();
    await orthanc?.stop();
  },
};

/**
 * "3 × /studies/{uid}/series/{uid}/instances/{uid}/frames/1, 1 × …": request paths with UIDs
 * folded, counted, in the order first seen.
 * @param {string[]} paths
 */
function describeRequests(paths) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const path of paths) {
    const shape = path.replace(/\d+(\.\d+)+/g, '{uid}');
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return [...counts].map(([shape, n]) => `${n} × ${shape}`).join(', ') || 'none';
}

/**
 * "JS before first image: 240 kB gzip (812 kB) in 6 files"
 * @param {{ bytes: number, gzipBytes: number }[]} scripts
 */
function describeScripts(scripts) {
  const gzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const raw = scripts.reduce((sum, s) => sum + s.bytes, 0);
  return `JS before first image: ${(gzip / 1000).toFixed(0)} kB gzip, ${(raw / 1000).toFixed(0)} kB raw, ${scripts.length} files`;
}
