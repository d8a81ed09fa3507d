// @ts-check
import { describe, expect, it } from 'vitest';
import { embedInReadme, markdownTable, README_END, README_START } from './report.mjs';
import { runBenchmark } from './runner.mjs';
import { quantile, summarize } from './stats.mjs';

describe('bench statistics', () => {
  it('interpolates quantiles and reports spread as IQR over median', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10], 0.9)).toBe(10);
    expect(summarize([1, 2, 3, 4, 100])).toEqual({ runs: 5, median: 3, min: 1, max: 100, spread: 2 / 3 });
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });
});

describe('bench runner', () => {
  it('interleaves cases, discards warm-up runs and gives ratios to the first case', async () => {
    /** @type {string[]} */
    const order = [];
    let clock = 0;
    const result = await runBenchmark(
      {
        name: 'synthetic',
        description: 'fixed costs on a fake clock',
        setup: async () => [
          {
            name: 'a',
            run: () => {
              order.push('a');
              clock += 2;
            },
          },
          {
            name: 'b',
            run: () => {
              order.push('b');
              clock += 6;
            },
          },
        ],
      },
      { iterations: 3, warmup: 1, now: () => clock, machine: { node: 'v20', cpus: 2, platform: 'linux' } },
    );
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
    expect(result.cases.map((c) => [c.name, c.runs, c.median, c.ratio])).toEqual([
      ['a', 3, 2, 1],
      ['b', 3, 6, 3],
    ]);
  });

  it('gives each group of cases its own baseline', async () => {
    let clock = 0;
    /** @param {number} cost */
    const costs = (cost) => () => {
      clock += cost;
    };
    const result = await runBenchmark(
      {
        name: 'grouped',
        description: 'two comparisons in one run',
        setup: async () => [
          { name: 'a1', group: 'a', run: costs(2) },
          { name: 'a2', group: 'a', run: costs(4) },
          { name: 'b1', group: 'b', run: costs(10) },
          { name: 'b2', group: 'b', run: costs(5) },
        ],
      },
      { iterations: 2, warmup: 0, now: () => clock, machine: { node: 'v20', cpus: 2, platform: 'linux' } },
    );
    expect(result.cases.map((c) => [c.name, c.group, c.ratio])).toEqual([
      ['a1', 'a', 1],
      ['a2', 'a', 2],
      ['b1', 'b', 1],
      ['b2', 'b', 0.5],
    ]);
  });

  it('takes the duration a run reports as { ms } instead of the wall time of the call', async () => {
    let clock = 0;
    const reported = [7, 9, 8];
    const result = await runBenchmark(
      {
        name: 'self-timed',
        description: 'runs that time themselves',
        setup: async () => [
          {
            name: 'page',
            run: () => {
              clock += 1000;
              return { ms: reported.shift() };
            },
          },
        ],
      },
      { iterations: 3, warmup: 0, now: () => clock, machine: { node: 'v20', cpus: 2, platform: 'linux' } },
    );
    expect(result.cases.map((c) => [c.runs, c.median, c.min, c.max])).toEqual([[3, 8, 7, 9]]);
  });

  it('writes a markdown table and embeds it between the README markers', () => {
    const table = markdownTable([
      {
        name: 'x',
        description: 'd',
        unit: 'ms per run',
        date: '2026-11-22T00:00:00Z',
        machine: { node: 'v20', cpus: 2, platform: 'linux' },
        cases: [{ name: 'base', runs: 3, median: 12.345, min: 1, max: 20, spread: 0.1, ratio: 1 }],
      },
    ]);
    expect(table).toContain('| x (ms per run) | base | 12.3 | 10 % | 1.00 | 3 |');
    const readme = `intro\n${README_START}\nold\n${README_END}\nrest`;
    expect(embedInReadme(readme, table)).toBe(`intro\n${README_START}\n${table}\n${README_END}\nrest`);
    expect(() => embedInReadme('no markers', table)).toThrow(/bench:start/);
  });
});
