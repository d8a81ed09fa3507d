// Build step: copies the four codec .wasm files to dist/wasm/, where the browser default of
// `wasmBaseUrl` (./ beside dist/wasm/wasm-codecs.js) finds them.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';

const require = createRequire(import.meta.url);
const target = new URL('../dist/wasm/', import.meta.url);
await mkdir(target, { recursive: true });
for (const specifier of [
  '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm',
  '@cornerstonejs/codec-charls/decodewasm',
  '@cornerstonejs/codec-openjpeg/decodewasm',
  '@cornerstonejs/codec-openjph/wasm',
]) {
  const source = require.resolve(specifier);
  await copyFile(source, new URL(basename(source), target));
}
