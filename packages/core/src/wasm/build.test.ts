/**
 * The committed WASM artifacts are what wasm/build.sh produces from wasm/src: rebuilt into a
 * temporary folder and compared byte for byte. Never skipped: without emcc this fails and says how
 * to install it (scripts/setup installs Debian's emscripten).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const GENERATED = fileURLToPath(new URL('./generated/', import.meta.url));

describe('wasm/build.sh', () => {
  it('rebuilds the committed fovea-volume.mjs and .wasm byte for byte', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fovea-wasm-'));
    try {
      try {
        await promisify(execFile)('bash', [join(REPO, 'wasm/build.sh'), out], { cwd: REPO });
      } catch (error) {
        const { stderr, code } = error as { stderr?: string; code?: number };
        throw new Error(
          `wasm/build.sh failed (exit ${code}); is emscripten installed (bash scripts/setup)?\n${stderr ?? ''}`,
        );
      }
      for (const name of ['fovea-volume.mjs', 'fovea-volume.wasm']) {
        const [built, committed] = await Promise.all([
          readFile(join(out, name)),
          readFile(join(GENERATED, name)),
        ]);
        expect(
          built.equals(committed),
          `${name} differs from the committed artifact: run bash wasm/build.sh`,
        ).toBe(true);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
