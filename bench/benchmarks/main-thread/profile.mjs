// @ts-check
/**
 * `node bench/benchmarks/main-thread/profile.mjs [fetch=page]`: one profiled run of the bench
 * page; prints the main thread's long tasks and its top functions by self time. For finding what
 * holds the page's main thread, not for figures (profiling slows the page).
 */
import { measureRun } from './measure.mjs';
import { startMainThreadBench } from './setup.mjs';

const bench = await startMainThreadBench({ minify: false });
try {
  const run = await measureRun(bench.browser, bench.pageUrl(process.argv[2] ?? ''), { profile: true });
  const { profile, ...figures } = run;
  console.log(JSON.stringify(figures, null, 2));
  for (const { fn, selfMs } of profile ?? []) console.log(`${String(selfMs).padStart(7)} ms  ${fn}`);
} finally {
  await bench.close();
}
