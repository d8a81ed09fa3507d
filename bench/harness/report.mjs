// @ts-check
/** Markdown for benchmark results, and the README section that embeds it. */

/** @param {number} ms */
function formatMs(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/**
 * One table over every result: a row per case, with median, spread and ratio to the baseline.
 * @param {import('./runner.mjs').BenchResult[]} results
 */
export function markdownTable(results) {
  const lines = [
    "| benchmark | case | median (ms) | spread (IQR/median) | ratio to its group's first case | runs |",
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const result of results) {
    for (const c of result.cases) {
      lines.push(
        `| ${result.name} (${result.unit}) | ${c.name} | ${formatMs(c.median)} | ${(c.spread * 100).toFixed(0)} % | ${c.ratio.toFixed(2)} | ${c.runs} |`,
      );
    }
  }
  const machines = [...new Set(results.map((r) => `Node ${r.machine.node}, ${r.machine.cpus} CPUs`))];
  const dates = results.map((r) => r.date.slice(0, 10)).sort();
  lines.push(
    '',
    `Measured on ${machines.join('; ')}, ${dates[0]}${dates.length > 1 ? ` to ${dates.at(-1)}` : ''}.`,
  );
  return lines.join('\n');
}

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/**
 * Replaces the text between the bench markers of a README with `table`.
 * @param {string} readme
 * @param {string} table
 */
export function embedInReadme(readme, table) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README has no ${README_START} … ${README_END} section`);
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}
