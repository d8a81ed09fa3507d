// @ts-check
/** Orthanc with the generated CT, the bench page built and served, and a browser. */
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../../scripts/browser/chromium.mjs';
import { startCtOrthanc } from '../shared/ct-orthanc.mjs';
import { buildPages, servePages } from '../shared/pages.mjs';

/**
 * Starts everything a run needs; `pageUrl(query)` is the bench page for the CT; `close()` stops it all.
 * @param {{ minify?: boolean }} [options] `minify: false` for profiles (names stay readable)
 */
export async function startMainThreadBench(options = {}) {
  const { orthanc, query } = await startCtOrthanc();
  try {
    const outDir = await buildPages({
      name: 'main-thread',
      root: import.meta.dirname,
      pages: ['viewport'],
      ...(options.minify !== undefined && { minify: options.minify }),
    });
    const server = await servePages(outDir, orthanc.url);
    const browser = await chromium.launch(chromiumLaunchOptions);
    const base = `${server.url}viewport.html${query}`;
    return {
      browser,
      /** @param {string} [query] extra query, e.g. `fetch=page` */
      pageUrl: (query = '') => (query ? `${base}&${query}` : base),
      close: async () => {
        await browser.close();
        await server.close();
        await orthanc.stop();
      },
    };
  } catch (error) {
    await orthanc.stop();
    throw error;
  }
}
