// @ts-check
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, 'cli.mjs');

/**
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function cli(args, env = process.env) {
  return new Promise((resolve) => {
    // process.execPath, so an empty PATH still finds node.
    execFile(process.execPath, [CLI, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('sample-data CLI', () => {
  it('prints usage and exits 2 on an unknown option', async () => {
    const { code, stderr } = await cli(['--bogus']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--bogus'");
    expect(stderr).toContain('usage: node scripts/sample-data/cli.mjs [--out DIR] [--force]');
  });

  it('exits 2 on a positional argument or a missing --out value', async () => {
    expect((await cli(['somewhere'])).code).toBe(2);
    expect((await cli(['--out'])).code).toBe(2);
  });

  it('exits 1 naming the missing tool and the setup step when the tools are not on PATH', async () => {
    const out = join(tmpdir(), `fovea-cli-no-tools-${process.pid}`);
    const { code, stderr, stdout } = await cli(['--out', out], { ...process.env, PATH: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /"dcmconv".*not found on PATH \(PATH is empty\): run scripts\/setup \(apt package dcmtk/,
    );
    expect(stdout).toBe('');
  });

  it('prints usage and exits 0 on --help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--force');
  });
});
