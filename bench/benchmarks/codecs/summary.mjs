// @ts-check
/**
 * `node bench/benchmarks/codecs/summary.mjs`: per codec, frames/s and MB/s (decoded) of each case of
 * bench/results/codecs.json, our pool against Cornerstone, and the pool's scaling from 1 to 2 workers,
 * as a markdown table. The harness gives ratios to the benchmark's first case only; these are per codec.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const RESULT = new URL('../../results/codecs.json', import.meta.url);
const NAME = /^(.*) \[(\d+) frames, ([\d.]+) MB decoded, ([\d.]+) MB encoded\] (.*)$/;

/**
 * @param {import('../../harness/runner.mjs').BenchResult} result
 * @returns {string}
 */
export function codecSummary(result) {
  /** @type {Map<string, { frames: number, mb: number, sides: Map<string, number> }>} */
  const codecs = new Map();
  for (const c of result.cases) {
    const m = NAME.exec(c.name);
    if (!m) continue;
    const [, codec = '', frames = '0', mb = '0', , side = ''] = m;
    const entry = codecs.get(codec) ?? { frames: Number(frames), mb: Number(mb), sides: new Map() };
    entry.sides.set(side.replace(' (PIXELS DIFFER)', ''), c.median);
    codecs.set(codec, entry);
  }
  const lines = [
    '| codec | cornerstone 1 worker: frames/s, MB/s | fovea 1 worker: frames/s, MB/s | fovea 2 workers: frames/s, MB/s | fovea 1w ÷ cornerstone (throughput) | fovea 2w ÷ 1w |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  /** @param {number} frames @param {number} mb @param {number | undefined} ms */
  const rate = (frames, mb, ms) =>
    ms === undefined
      ? '–'
      : `${((frames * 1000) / ms).toFixed(0)} f/s, ${((mb * 1000) / ms).toFixed(0)} MB/s`;
  for (const [codec, { frames, mb, sides }] of codecs) {
    const cs = sides.get('cornerstone, 1 worker');
    const one = sides.get('fovea pool, 1 worker');
    const two = sides.get('fovea pool, 2 workers');
    const ratio = (/** @type {number | undefined} */ a, /** @type {number | undefined} */ b) =>
      a === undefined || b === undefined ? '–' : `×${(a / b).toFixed(2)}`;
    lines.push(
      `| ${codec} (${frames} frames, ${mb} MB) | ${rate(frames, mb, cs)} | ${rate(frames, mb, one)} | ${rate(frames, mb, two)} | ${ratio(cs, one)} | ${ratio(one, two)} |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = JSON.parse(await readFile(RESULT, 'utf8'));
  console.log(`${result.date}, Node ${result.machine.node}, ${result.machine.cpus} CPUs\n`);
  console.log(codecSummary(result));
}
