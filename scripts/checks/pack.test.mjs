// @ts-check
/**
 * What a user installs: each package packed as npm would publish it, installed together into a fresh
 * project, then used through its public entry points only (no workspace links, no sources).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../..');
const PACKAGES = ['core', 'codecs', 'render', 'elements'];

/** @type {string} */
let project;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'fovea-pack-'));
  const tarballs = [];
  for (const name of PACKAGES) {
    // pnpm pack rewrites workspace:* to real versions, as publishing does.
    const { stdout } = await run('pnpm', ['pack', '--pack-destination', project], {
      cwd: join(REPO, 'packages', name),
    });
    const tarball = stdout.trim().split('\n').at(-1) ?? '';
    tarballs.push(tarball.startsWith('/') ? tarball : join(project, tarball));
  }
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'fresh-host', private: true, type: 'module' }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], {
    cwd: project,
    env: { ...process.env, npm_config_workspaces: 'false' },
  });
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('packed packages in a fresh project', () => {
  it('ship only dist, README and package.json, with declarations beside the code', async () => {
    for (const name of PACKAGES) {
      const root = join(project, 'node_modules', '@fovea', name);
      const entries = (await readdir(root)).sort();
      expect(
        entries.filter((e) => !['dist', 'README.md', 'package.json', 'LICENSE'].includes(e)),
        name,
      ).toEqual([]);
      const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
      expect(JSON.stringify(manifest.dependencies ?? {}), name).not.toContain('workspace:');
      for (const [subpath, target] of Object.entries(manifest.exports)) {
        const conditions = /** @type {Record<string, string>} */ (target);
        expect(conditions.import, `${name} ${subpath}`).toBeDefined();
        await readFile(join(root, conditions.import ?? ''));
        // Module entry points carry declarations; worker scripts are loaded by URL and need none.
        if (!subpath.includes('worker')) await readFile(join(root, conditions.types ?? ''));
      }
    }
  });

  it('lets Node import @fovea/core and @fovea/codecs by name and use them', async () => {
    const script = [
      "import { DicomWebClient } from '@fovea/core';",
      "import * as codecs from '@fovea/codecs';",
      "const client = new DicomWebClient({ root: 'http://127.0.0.1:1/dicom-web/' });",
      "console.log(JSON.stringify({ url: client.url('studies', { limit: 1 }), codecs: Object.keys(codecs).length }));",
    ].join('\n');
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { cwd: project });
    const result = JSON.parse(stdout);
    expect(result.url).toBe('http://127.0.0.1:1/dicom-web/studies?limit=1');
    expect(result.codecs).toBeGreaterThan(0);
  });
});
