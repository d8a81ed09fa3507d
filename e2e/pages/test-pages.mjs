// @ts-check
/**
 * Pages only the end-to-end tests open, for what a whole example cannot show (one bare
 * `<fovea-viewport>`, owning its own workers): e2e/pages/ served as plain files under `/e2e/` on the
 * demo server, with the ready-made bundle under `/e2e/fovea/`. Not linked from the examples index.
 */
import { resolve } from 'node:path';
import { staticFiles } from '../../scripts/demo/static-files.mjs';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Where the pages live on the demo server. */
export const TEST_PAGES_PATH = '/e2e/';

/** A Vite plugin adding the test pages to the demo server. */
export function testPages() {
  const middleware = staticFiles(
    [
      { prefix: TEST_PAGES_PATH, dir: resolve(REPO_ROOT, 'e2e/pages') },
      { prefix: `${TEST_PAGES_PATH}fovea/`, dir: resolve(REPO_ROOT, 'packages/elements/dist/bundle') },
    ],
    { 'X-Content-Type-Options': 'nosniff' },
  );
  return {
    name: 'fovea-e2e-test-pages',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
