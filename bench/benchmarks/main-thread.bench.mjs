// @ts-check
/**
 * What a <fovea-viewport> costs the host page's main thread while it opens the 300-slice CT, the
 * reader pages through 100 slices (each on screen before the next, as e2e/viewer.spec.ts does) and
 * the rest of the series is prefetched behind the image: long tasks (PerformanceObserver
 * `longtask`) and total blocking time. Side by side, load by load: frames fetched, parsed and
 * decoded in the decoder workers (the default), and frames fetched and parsed on the page (what a
 * client with a host `fetch` does, and what every client did before). The page is built for
 * production; a fresh browser context per load with the HTTP cache disabled. For what takes the
 * time, run `node bench/benchmarks/main-thread/profile.mjs [fetch=page]`.
 */
import { measureRun } from './main-thread/measure.mjs';
import { startMainThreadBench } from './main-thread/setup.mjs';

const VARIANTS = /** @type {const} */ ([
  { key: 'page', query: 'fetch=page', label: 'frames fetched and parsed on the page (host fetch)' },
  { key: 'worker', query: '', label: 'frames fetched and parsed in the decoder workers' },
]);

const METRICS = /** @type {const} */ ([
  {
    group: 'long tasks while scrolling',
    name: 'long tasks (count) while scrolling 100 slices',
    value: (/** @type {import('./main-thread/measure.mjs').MainThreadRun} */ run) => run.scroll.count,
  },
  {
    group: 'blocking time',
    name: 'total blocking time (ms) from navigation until all 300 slices are fetched',
    value: (/** @type {import('./main-thread/measure.mjs').MainThreadRun} */ run) => run.whole.blockingMs,
  },
  {
    group: 'longest task',
    name: 'longest main-thread task (ms) over the same span',
    value: (/** @type {import('./main-thread/measure.mjs').MainThreadRun} */ run) => run.whole.longestMs,
  },
  {
    group: 'scroll time',
    name: 'ms to page through 100 slices',
    value: (/** @type {import('./main-thread/measure.mjs').MainThreadRun} */ run) => run.scrollMs,
  },
]);

/** @type {Awaited<ReturnType<typeof startMainThreadBench>> | undefined} */
let bench;

/** @type {import('../harness/runner.mjs').Benchmark} */
export default {
  name: 'main-thread',
  description:
    "<fovea-viewport> opening the CT 512×512×300 from Orthanc, paging through 100 slices while the series is prefetched: the host page's main-thread long tasks and blocking time",
  unit: 'count or ms, as each case says',
  async setup() {
    bench = await startMainThreadBench();
    const started = bench;
    // One load gives every metric; each metric's case takes its value from the variant's next
    // load, made when the case finds none waiting. The harness rotates the case order, so the two
    // variants alternate load by load.
    /** @type {Record<string, { run: import('./main-thread/measure.mjs').MainThreadRun, taken: boolean[] }[]>} */
    const pending = { page: [], worker: [] };
    /** @param {(typeof VARIANTS)[number]} variant @param {number} metric */
    const next = async (variant, metric) => {
      const queue =
        /** @type {{ run: import('./main-thread/measure.mjs').MainThreadRun, taken: boolean[] }[]} */ (
          pending[variant.key]
        );
      let entry = queue.find((e) => !e.taken[metric]);
      if (!entry) {
        const run = await measureRun(started.browser, started.pageUrl(variant.query));
        entry = { run, taken: METRICS.map(() => false) };
        queue.push(entry);
      }
      entry.taken[metric] = true;
      if (entry.taken.every(Boolean)) queue.splice(queue.indexOf(entry), 1);
      return entry.run;
    };
    return METRICS.flatMap((metric, m) =>
      VARIANTS.map((variant) => ({
        name: `${variant.label}: ${metric.name}`,
        group: metric.group,
        run: async () => ({ ms: metric.value(await next(variant, m)) }),
      })),
    );
  },
  async teardown() {
    await bench?.close();
  },
};
