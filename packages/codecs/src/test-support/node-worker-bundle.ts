import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = resolve(here, '../..');

/**
 * Bundles `src/pool/decoder.worker.ts` (with @fovea/core from source) into one ESM file Node's
 * worker_threads can run, so pool tests need no prior `pnpm build`. The bundle is written under the
 * package's node_modules so the WASM codec packages and comlink, left external, resolve from it.
 * Test support only; `dispose()` removes the bundle.
 */
export async function buildNodeWorkerBundle(): Promise<{ url: URL; dispose(): Promise<void> }> {
  const { build } = await import('vite');
  const parent = join(packageRoot, 'node_modules', '.fovea-test');
  await mkdir(parent, { recursive: true });
  const outDir = await mkdtemp(join(parent, 'worker-'));
  await build({
    configFile: false,
    logLevel: 'error',
    resolve: { conditions: ['@fovea/source', 'node', 'import', 'default'] },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      ssr: join(packageRoot, 'src/pool/decoder.worker.ts'),
      rollupOptions: {
        external: [/^@cornerstonejs\//, /^comlink/, /^node:/],
        output: { entryFileNames: 'decoder.worker.mjs', format: 'es' },
      },
    },
    ssr: {
      noExternal: ['@fovea/core'],
      resolve: { conditions: ['@fovea/source', 'node', 'import', 'default'] },
    },
  });
  return {
    url: pathToFileURL(join(outDir, 'decoder.worker.mjs')),
    dispose: () => rm(outDir, { recursive: true, force: true }),
  };
}
