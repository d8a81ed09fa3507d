// @ts-check
/** Orthanc with the generated CT, the bench page built and served, and a browser. */
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../../scripts/browser/chromium.mjs';
import { startOrthanc } from '../../../scripts/orthanc/orthanc.mjs';
import { uploadFiles } from '../../../scripts/orthanc/upload.mjs';
import { generateSamples, sampleDataDir } from '../../../scripts/sample-data/generate.mjs';
import { buildPage, servePage } from './pages.mjs';

/**
 * @param {{ minify?: boolean }} [options]
 * Starts everything a run needs; `pageUrl(query)` is the bench page for the CT; `close()` stops it all.
 */
export async function startMainThreadBench(options = {}) {
  const outDir = sampleDataDir();
  const manifest = await generateSamples({ outDir });
  const ct = manifest.series.find((s) => s.primary && s.key === 'ct');
  if (!ct) throw new Error('No primary CT in the sample manifest');
  const orthanc = await startOrthanc();
  try {
    const uploaded = await uploadFiles(
      orthanc,
      ct.files.map((file) => join(outDir, file)),
    );
    if (uploaded.some((r) => r.status === 'rejected')) throw new Error('Orthanc rejected CT files');
    await buildPage(options);
    const server = await servePage(orthanc.url);
    const browser = await chromium.launch(chromiumLaunchOptions);
    const base = `${server.url}viewport.html?study=${ct.studyInstanceUID}&series=${ct.seriesInstanceUID}`;
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
