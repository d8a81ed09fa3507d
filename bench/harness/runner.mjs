// @ts-check
/**
 * Runs a named benchmark: its cases are measured side by side, interleaved run by run and in a
 * rotating order, so that a slow spell of a shared machine hits every case alike. Results are
 * reported as medians with spread, and as ratios to the baseline: the first case of the same
 * group (cases without a group form one group).
 */
import { summarize } from './stats.mjs';

/**
 * @typedef {object} BenchCase
 * @property {string} name
 * @property {() => Promise<unknown> | unknown} run one measured run; it may resolve to `{ ms }` to
 *   report a duration it measured itself (e.g. in a browser page, from navigation start) instead
 *   of the wall time of the call
 * @property {string} [group] cases compared with each other, e.g. one codec; the first is the baseline
 *
 * @typedef {object} Benchmark
 * @property {string} name file-safe name, e.g. "qido-search"
 * @property {string} description what is measured, and in which unit per run
 * @property {string} [unit] what one run is, e.g. "ms per search" (default "ms per run")
 * @property {() => Promise<BenchCase[]>} setup prepares the cases (the first is the baseline)
 * @property {() => Promise<void>} [teardown]
 *
 * @typedef {object} CaseResult
 * @property {string} name
 * @property {number} runs
 * @property {number} median ms
 * @property {number} min ms
 * @property {number} max ms
 * @property {number} spread interquartile range over median
 * @property {number} ratio median over the median of the first case of its group
 * @property {string} [group]
 *
 * @typedef {object} BenchResult
 * @property {string} name
 * @property {string} description
 * @property {string} unit
 * @property {string} date ISO time of the run
 * @property {{ node: string, cpus: number, platform: string }} machine
 * @property {CaseResult[]} cases
 */

/**
 * @param {Benchmark} benchmark
 * @param {{ iterations?: number, warmup?: number, now?: () => number, machine?: BenchResult['machine'] }} [options]
 * @returns {Promise<BenchResult>}
 */
export async function runBenchmark(benchmark, options = {}) {
  const iterations = options.iterations ?? 10;
  const warmup = options.warmup ?? 2;
  const now = options.now ?? (() => performance.now());
  const cases = await benchmark.setup();
  if (cases.length === 0) throw new Error(`benchmark ${benchmark.name} has no cases`);
  try {
    /** @type {number[][]} */
    const samples = cases.map(() => []);
    for (let iteration = 0; iteration < warmup + iterations; iteration++) {
      for (let k = 0; k < cases.length; k++) {
        const index = (iteration + k) % cases.length;
        const start = now();
        const outcome = await /** @type {BenchCase} */ (cases[index]).run();
        const elapsed = measuredMs(outcome) ?? now() - start;
        if (iteration >= warmup) /** @type {number[]} */ (samples[index]).push(elapsed);
      }
    }
    const summaries = samples.map((s) => summarize(s));
    /** @param {number} i */
    const baselineOf = (i) => {
      const first = cases.findIndex((c) => c.group === cases[i]?.group);
      return /** @type {{ median: number }} */ (summaries[first]).median;
    };
    return {
      name: benchmark.name,
      description: benchmark.description,
      unit: benchmark.unit ?? 'ms per run',
      date: new Date().toISOString(),
      machine: options.machine ?? {
        node: process.version,
        cpus: (await import('node:os')).cpus().length,
        platform: process.platform,
      },
      cases: cases.map((c, i) => ({
        name: c.name,
        ...(c.group === undefined ? {} : { group: c.group }),
        .../** @type {ReturnType<typeof summarize>} */ (summaries[i]),
        ratio:
          baselineOf(i) === 0 ? 1 : /** @type {{ median: number }} */ (summaries[i]).median / baselineOf(i),
      })),
    };
  } finally {
    await benchmark.teardown?.();
  }
}

/**
 * The duration a run reported itself (`{ ms: number }`), if it did.
 * @param {unknown} outcome
 * @returns {number | undefined}
 */
function measuredMs(outcome) {
  const ms = /** @type {{ ms?: unknown } | null | undefined} */ (outcome)?.ms;
  return typeof ms === 'number' && Number.isFinite(ms) ? ms : undefined;
}
