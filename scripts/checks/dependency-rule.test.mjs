// @ts-check
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findViolations } from './dependency-rule.mjs';

/** @type {string[]} */
const temps = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** @param {Record<string, string>} files */
async function tree(files) {
  const root = await mkdtemp(join(tmpdir(), 'fovea-deps-'));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('dependency rule', () => {
  it('finds no violation in this repository', async () => {
    expect(await findViolations(resolve(import.meta.dirname, '../..'))).toEqual([]);
  });

  it('rejects core importing a sibling, and a package.json dependency against the direction', async () => {
    const root = await tree({
      'packages/core/src/a.ts': "import { x } from '@fovea/render';\n",
      'packages/codecs/package.json': JSON.stringify({
        name: '@fovea/codecs',
        dependencies: { '@fovea/elements': '*' },
      }),
    });
    const violations = await findViolations(root);
    expect(violations).toContain(
      'packages/core/src/a.ts: imports @fovea/render, not allowed in packages/core',
    );
    expect(violations).toContain(
      'packages/codecs/package.json: depends on @fovea/elements, not allowed in packages/codecs',
    );
  });

  it("rejects reaching into another package's src by relative path or by subpath", async () => {
    const root = await tree({
      'packages/elements/src/b.ts': "import '../../core/src/index.js';\nimport '@fovea/core/src/x.js';\n",
    });
    const violations = await findViolations(root);
    expect(violations).toHaveLength(2);
    expect(violations[0]).toContain("outside packages/elements; go through a package's exports");
    expect(violations[1]).toContain('by path');
  });

  it('lets tests, and only tests, use the shared helpers in scripts/', async () => {
    const root = await tree({
      'packages/core/src/c.test.ts': "import '../../../scripts/orthanc/orthanc.mjs';\n",
      'packages/core/src/c.ts': "import '../../../scripts/orthanc/orthanc.mjs';\n",
    });
    expect(await findViolations(root)).toEqual([
      "packages/core/src/c.ts: imports ../../../scripts/orthanc/orthanc.mjs, outside packages/core; go through a package's exports",
    ]);
  });
});
