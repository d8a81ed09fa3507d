// @ts-check
/**
 * One run of the bench page in a fresh browser context with the HTTP cache disabled: the
 * main-thread long tasks (PerformanceObserver `longtask`) while the CT loads, while the reader
 * scrolls 100 slices, and until the whole series is prefetched; optionally a CPU profile of the
 * page's main thread (CDP `Profiler`), summed by function.
 */
import { loadBenchPage } from '../shared/load-page.mjs';

/**
 * @typedef {object} PhaseTasks
 * @property {number} count long tasks (over 50 ms) that started in the phase
 * @property {number} blockingMs total blocking time: the sum of each long task's time past 50 ms
 * @property {number} longestMs
 *
 * @typedef {object} MainThreadRun
 * @property {number} firstImageMs from navigation start
 * @property {number} scrollMs the 100 steps, first to last
 * @property {number} prefetchedMs from navigation start until every slice was fetched
 * @property {PhaseTasks} scroll long tasks while scrolling
 * @property {PhaseTasks} whole long tasks from navigation until the series is prefetched and scrolled
 * @property {{ fn: string, selfMs: number }[] | undefined} profile top functions by self time
 */

/**
 * @param {import('playwright').Browser} browser
 * @param {string} url
 * @param {{ profile?: boolean, timeoutMs?: number }} [options]
 * @returns {Promise<MainThreadRun>}
 */
export async function measureRun(browser, url, options = {}) {
  return loadBenchPage(browser, url, {
    milestones: ['scrolled', 'prefetched'],
    timeoutMs: options.timeoutMs ?? 180_000,
    pollingMs: 100,
    beforeLoad: async (_page, cdp) => {
      if (!options.profile) return;
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    },
    afterLoad: async (result, _page, cdp) => {
      /** @type {{ fn: string, selfMs: number }[] | undefined} */
      let profile;
      if (options.profile) {
        const { profile: cpu } = await cdp.send('Profiler.stop');
        profile = topFunctions(cpu, 25);
      }
      /** @type {{ start: number, duration: number }[]} */
      const tasks = result.longTasks;
      const end = Math.max(result.scrolled, result.prefetched);
      return {
        firstImageMs: result.firstImage,
        scrollMs: result.scrolled - result.firstImage,
        prefetchedMs: result.prefetched,
        scroll: phase(tasks.filter((t) => t.start >= result.firstImage && t.start < result.scrolled)),
        whole: phase(tasks.filter((t) => t.start < end)),
        profile,
      };
    },
  });
}

/** @param {{ duration: number }[]} tasks @returns {PhaseTasks} */
function phase(tasks) {
  return {
    count: tasks.length,
    blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    longestMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}

/**
 * Self time per function of a CDP CPU profile, largest first ("(program)", "(garbage collector)"
 * and "(idle)" included: they say how much was not script).
 * @param {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number } }[], samples?: number[], timeDeltas?: number[] }} cpu
 * @param {number} count
 */
function topFunctions(cpu, count) {
  /** @type {Map<number, string>} */
  const names = new Map();
  for (const node of cpu.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url ? url.slice(url.lastIndexOf('/') + 1) : '';
    names.set(
      node.id,
      `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`,
    );
  }
  /** @type {Map<string, number>} */
  const self = new Map();
  const samples = cpu.samples ?? [];
  const deltas = cpu.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const name = names.get(/** @type {number} */ (samples[i])) ?? '?';
    // A sample's time is the delta to the next one.
    const us = deltas[i + 1] ?? 0;
    self.set(name, (self.get(name) ?? 0) + us / 1000);
  }
  return [...self.entries()]
    .map(([fn, selfMs]) => ({ fn, selfMs: Math.round(selfMs) }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, count);
}
