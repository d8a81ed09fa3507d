// @ts-check
/**
 * Checks (default) or updates (`--update`) the committed API report of every package that has an
 * api-extractor.json. A public API change then shows up in review as a diff of packages/NAME/api/.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const update = process.argv.includes('--update');
const packagesDir = resolve(import.meta.dirname, '../packages');
let failed = false;
for (const name of (await readdir(packagesDir)).sort()) {
  const configPath = join(packagesDir, name, 'api-extractor.json');
  if (!existsSync(configPath)) continue;
  const config = ExtractorConfig.loadFileAndPrepare(configPath);
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (result.apiReportChanged && !update) {
    console.error(
      `@fovea/${name}: public API changed; review and run \`node scripts/api-report.mjs --update\``,
    );
    failed = true;
  } else if (!result.succeeded) {
    console.error(`@fovea/${name}: api-extractor failed (${result.errorCount} errors)`);
    failed = true;
  } else {
    console.log(`@fovea/${name}: API report ${update && result.apiReportChanged ? 'updated' : 'up to date'}`);
  }
}
process.exit(failed ? 1 : 0);
