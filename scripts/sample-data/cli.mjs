#!/usr/bin/env node
// @ts-check
/**
 * Command line: node scripts/sample-data/cli.mjs [--out DIR] [--force]
 * Exit codes: 0 done (or already current), 1 generation failed (missing tool, tool error),
 * 2 bad arguments.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultOutDir, generateSamples } from './generate.mjs';

const USAGE = `usage: node scripts/sample-data/cli.mjs [--out DIR] [--force]

Generates the Fovea sample studies (CT+PET, oblique MR, DX+CR, MG, US cine) and a variant of
each in every transfer syntax it can hold, plus manifest.json.

  --out DIR   output folder (default: $FOVEA_SAMPLE_DIR or <repo>/.cache/sample-data)
  --force     regenerate even if the folder is current
  --help      show this text`;

/**
 * @param {string[]} argv arguments after the script name
 * @returns {Promise<number>} exit code
 */
export async function main(argv) {
  /** @type {{ out?: string | undefined, force?: boolean | undefined, help?: boolean | undefined }} */
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.out === '') {
    process.stderr.write(`--out needs a folder\n\n${USAGE}\n`);
    return 2;
  }
  const outDir = values.out ?? defaultOutDir();
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  try {
    const manifest = await generateSamples({
      outDir,
      force: values.force ?? false,
      onProgress: (event) => process.stdout.write(`[${seconds()} s] ${event.message}\n`),
    });
    const files = manifest.series.reduce((sum, s) => sum + s.files.length, 0);
    const bytes = manifest.series.reduce((sum, s) => sum + s.bytes, 0);
    process.stdout.write(
      `${manifest.series.length} series (${manifest.series.filter((s) => s.primary).length} primary), ` +
        `${files} files, ${(bytes / 1024 ** 2).toFixed(1)} MiB in ${seconds().trim()} s → ${outDir}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`sample-data: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// Run only when executed, not when imported (tests import main()).
const invoked = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : '';
if (invoked === import.meta.url) process.exitCode = await main(process.argv.slice(2));
