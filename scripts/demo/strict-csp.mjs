// @ts-check
/**
 * The strict-CSP example: examples/strict-csp/ served as plain files (no Vite transform) with the
 * ready-made bundle mounted beside it, every response carrying a Content-Security-Policy that allows
 * nothing but same-origin files plus WebAssembly compilation.
 */
import { resolve } from 'node:path';
import { staticFiles } from './static-files.mjs';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/**
 * The policy: same-origin scripts, workers, styles, images and fetches only; no inline script or
 * style, no eval. `'wasm-unsafe-eval'` is the one addition Fovea needs (the codecs are WebAssembly).
 */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** Where the page lives on the demo server; the bundle is served under `${STRICT_CSP_PATH}fovea/`. */
export const STRICT_CSP_PATH = '/strict-csp/';

/** A Vite plugin adding the strict-CSP page to the demo server. */
export function strictCspPages() {
  const middleware = staticFiles(
    [
      { prefix: STRICT_CSP_PATH, dir: resolve(REPO_ROOT, 'examples/strict-csp') },
      { prefix: `${STRICT_CSP_PATH}fovea/`, dir: resolve(REPO_ROOT, 'packages/elements/dist/bundle') },
    ],
    { 'Content-Security-Policy': STRICT_CSP, 'X-Content-Type-Options': 'nosniff' },
  );
  return {
    name: 'fovea-strict-csp',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      // Added before Vite's own middlewares: these files are served untouched.
      server.middlewares.use(middleware);
    },
  };
}
