// @ts-check
/**
 * `npm run bench [-- NAME… --iterations N]`: runs the benchmarks in bench/benchmarks/, writes
 * bench/results/NAME.json, and rebuilds the table in bench/results/README.md and the root README.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { embedInReadme, markdownTable } from './harness/report.mjs';
import { runBenchmark } from './harness/runner.mjs';

const BENCH_DIR = import.meta.dirname;
const RESULTS = join(BENCH_DIR, 'results');

const args = process.argv.slice(2);
const iterationsFlag = args.indexOf('--iterations');
const iterations = iterationsFlag >= 0 ? Number(args[iterationsFlag + 1]) : 10;
// Without --iterations, iterationsFlag + 1 is 0: the first name must not be taken for its value.
const names = args.filter(
  (arg, i) => !arg.startsWith('--') && !(iterationsFlag >= 0 && i === iterationsFlag + 1),
);
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error('usage: npm run bench -- [NAME…] [--iterations N]');
  process.exit(2);
}

const available = (await readdir(join(BENCH_DIR, 'benchmarks')))
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
const selected = names.length === 0 ? available : names.map((name) => `${name}.bench.mjs`);
const unknown = selected.filter((file) => !available.includes(file));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

for (const file of selected) {
  /** @type {{ default: import('./harness/runner.mjs').Benchmark }} */
  const module = await import(pathToFileURL(join(BENCH_DIR, 'benchmarks', file)).href);
  console.log(`running ${module.default.name}: ${module.default.description}`);
  const result = await runBenchmark(module.default, { iterations });
  await writeFile(join(RESULTS, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  for (const c of result.cases) {
    console.log(
      `  ${c.name}: median ${c.median.toFixed(2)} ms, spread ${(c.spread * 100).toFixed(0)} %, ×${c.ratio.toFixed(2)}`,
    );
  }
}

const all = [];
for (const file of (await readdir(RESULTS)).filter((f) => f.endsWith('.json')).sort()) {
  all.push(JSON.parse(await readFile(join(RESULTS, file), 'utf8')));
}
const table = markdownTable(all);
await writeFile(
  join(RESULTS, 'README.md'),
  `# Benchmark results\n\nWritten by \`npm run bench\`.\n\n${table}\n`,
);
const readmePath = resolve(BENCH_DIR, '../README.md');
await writeFile(readmePath, embedInReadme(await readFile(readmePath, 'utf8'), table));
console.log(`wrote ${all.length} result(s) to bench/results and the README table`);
