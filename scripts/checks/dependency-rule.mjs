// @ts-check
/**
 * Enforces the dependency direction of DESIGN.md: core ← codecs, core ← render,
 * {core, codecs, render} ← elements ← {examples, stories, bench}. A workspace may only depend on
 * (package.json) and import (source) the @fovea packages listed for it, and source never reaches
 * into another workspace by relative path: everything goes through the package's `exports` map.
 * Test files and benchmarks may also import the repository's test harness under scripts/.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** Which @fovea packages each workspace folder may use. */
export const ALLOWED = /** @type {const} */ ({
  'packages/core': [],
  'packages/codecs': ['@fovea/core'],
  'packages/render': ['@fovea/core'],
  'packages/elements': ['@fovea/core', '@fovea/codecs', '@fovea/render'],
  examples: ['@fovea/elements', '@fovea/core'],
  stories: ['@fovea/elements', '@fovea/core'],
  bench: ['@fovea/elements', '@fovea/core', '@fovea/codecs', '@fovea/render'],
});

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'generated', 'storybook-static', 'results']);
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>}
 */
async function* sourceFiles(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* sourceFiles(join(dir, entry.name));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield join(dir, entry.name);
    }
  }
}

/** @param {string} specifier */
function foveaPackage(specifier) {
  const match = /^(@fovea\/[^/]+)/.exec(specifier);
  return match?.[1];
}

/**
 * Lists every violation in the tree at `root`, as readable lines.
 * @param {string} root repository root
 * @returns {Promise<string[]>}
 */
export async function findViolations(root) {
  /** @type {string[]} */
  const violations = [];
  for (const [workspace, allowed] of Object.entries(ALLOWED)) {
    const base = resolve(root, workspace);
    // A package may name itself (self-reference through its own exports map).
    const self = workspace.startsWith('packages/') ? `@fovea/${workspace.slice('packages/'.length)}` : '';
    /** @type {readonly string[]} */
    const permitted = [...allowed, self];
    for await (const file of sourceFiles(base)) {
      const rel = relative(root, file);
      const text = await readFile(file, 'utf8');
      const isTest = /\.test\.(ts|mjs|js)$/.test(file) || rel.includes(`${sep}e2e${sep}`);
      for (const [, specifier = ''] of text.matchAll(IMPORT)) {
        const pkg = foveaPackage(specifier);
        if (pkg && !permitted.includes(pkg))
          violations.push(`${rel}: imports ${specifier}, not allowed in ${workspace}`);
        if (pkg && specifier.includes('/src/'))
          violations.push(`${rel}: imports ${specifier} by path; use its exports`);
        if (!specifier.startsWith('.')) continue;
        const target = resolve(file, '..', specifier);
        if (target.startsWith(base + sep)) continue;
        // Tests and benchmarks may use the harness in scripts/ (Orthanc, corpus, sample studies).
        if ((isTest || workspace === 'bench') && target.startsWith(resolve(root, 'scripts') + sep)) continue;
        violations.push(`${rel}: imports ${specifier}, outside ${workspace}; go through a package's exports`);
      }
    }
    for await (const manifest of packageManifests(base)) {
      const json = JSON.parse(await readFile(manifest, 'utf8'));
      const deps = { ...json.dependencies, ...json.devDependencies, ...json.peerDependencies };
      for (const name of Object.keys(deps)) {
        if (name.startsWith('@fovea/') && name !== json.name && !permitted.includes(name)) {
          violations.push(`${relative(root, manifest)}: depends on ${name}, not allowed in ${workspace}`);
        }
      }
    }
  }
  return violations;
}

/**
 * package.json of the workspace folder itself and of its direct children (examples/*).
 * @param {string} base
 * @returns {AsyncGenerator<string>}
 */
async function* packageManifests(base) {
  const entries = await readdir(base, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && entry.name === 'package.json') yield join(base, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) {
      const children = await readdir(join(base, entry.name)).catch(() => /** @type {string[]} */ ([]));
      if (children.includes('package.json')) yield join(base, entry.name, 'package.json');
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = await findViolations(resolve(import.meta.dirname, '../..'));
  if (violations.length > 0) {
    console.error(
      `Dependency direction violated (see DESIGN.md):\n${violations.map((v) => `  ${v}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log('dependency direction: ok');
}
