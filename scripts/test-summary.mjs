// @ts-check
/**
 * Prints one closing line over the Vitest and Playwright JSON reports: "tests: N passed, N failed".
 * A missing report counts as a failure: a runner that crashed before reporting ran no test.
 */
import { readFile } from 'node:fs/promises';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const report = await readFile(file, 'utf8').then(JSON.parse, () => undefined);
  if (!report) {
    console.error(`no test report at ${file}`);
    failed += 1;
  } else if ('numPassedTests' in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else {
    passed += report.stats.expected;
    failed += report.stats.unexpected + report.stats.flaky;
    skipped += report.stats.skipped;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
