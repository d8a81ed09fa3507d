import { defineConfig } from 'vite';

/**
 * Library build of @fovea/render: `dist/index.js` (ESM, dependencies external) and
 * `dist/render.worker.js` (the render worker, self-contained, loaded by URL beside index.js).
 * Shader sources are inlined from their `.wgsl`/`.glsl` files (`?raw`). Declarations come from
 * `tsc -p tsconfig.build.json`.
 */
export default defineConfig({
  // The worker URL is resolved relative to index.js, wherever the package is served from.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    minify: false,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    rolldownOptions: {
      external: ['comlink', 'webgpu-utils', /^@fovea\//],
    },
  },
  worker: {
    format: 'es',
    rolldownOptions: {
      output: { entryFileNames: '[name].js' },
    },
  },
});
