import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/**
 * The ready-made bundle for hosts without a bundler (`pnpm run build` makes it after the package
 * build): `dist/bundle/fovea.js` with lit, core, codecs and render inside, minified; beside it the
 * decoder and render module workers, their chunks and the four codec `.wasm` files. Every file is
 * fetched by a URL relative to the file that needs it (`new URL(…, import.meta.url)`), so the
 * folder works wherever it is served from, with no COOP/COEP and no eval.
 */
export default defineConfig({
  // Relative URLs: the bundle must not assume where the host serves it.
  base: './',
  // Built from the workspace packages' sources in one pass (shaders and workers included).
  resolve: { conditions: ['@fovea/source', ...defaultClientConditions] },
  build: {
    outDir: 'dist/bundle',
    emptyOutDir: true,
    // Workers and chunks beside fovea.js, not in assets/: the decoder worker looks for the codecs'
    // .wasm files beside itself.
    assetsDir: '',
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: { entry: 'src/bundle-entry.ts', formats: ['es'], fileName: () => 'fovea.js' },
    rolldownOptions: {
      // Library mode keeps whitespace for downstream bundlers; this file goes to browsers as is.
      output: { minify: true, chunkFileNames: 'fovea-[name]-[hash].js' },
    },
  },
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: 'fovea-[name].js',
        chunkFileNames: 'fovea-[name]-[hash].js',
      },
    },
  },
  plugins: [codecWasmBesideWorker()],
});

/** Emits the four codec `.wasm` files under their published names, where the decoder worker looks. */
function codecWasmBesideWorker(): Plugin {
  const require = createRequire(new URL('../codecs/package.json', import.meta.url));
  const specifiers = [
    '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm',
    '@cornerstonejs/codec-charls/decodewasm',
    '@cornerstonejs/codec-openjpeg/decodewasm',
    '@cornerstonejs/codec-openjph/wasm',
  ];
  return {
    name: 'fovea-codec-wasm',
    apply: 'build',
    async generateBundle() {
      for (const specifier of specifiers) {
        const path = require.resolve(specifier);
        this.emitFile({ type: 'asset', fileName: basename(path), source: await readFile(path) });
      }
    },
  };
}
