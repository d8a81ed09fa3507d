// @ts-check
/**
 * One load of a bench page in a fresh browser context with the HTTP cache disabled: the page's
 * milestones (ms from navigation start), its longest main-thread task, and the JavaScript it
 * fetched (page and workers) before its first image.
 */
import { gzipSync } from 'node:zlib';
import { loadBenchPage } from '../shared/load-page.mjs';

/**
 * @typedef {object} LoadMeasurement
 * @property {number} firstImageMs
 * @property {number} volumeReadyMs
 * @property {number} longestTaskMs longest main-thread task from navigation until the volume was ready
 * @property {number} frames frames the page reported in its volume
 * @property {{ url: string, bytes: number, gzipBytes: number }[]} scriptsBeforeFirstImage
 * @property {string[]} dicomwebBeforeFirstImage DICOMweb requests (path after /dicom-web, query
 *   included) made before the first image, in the order they were sent
 * @property {number[]} viewportCss CSS size of the image's viewport, where the page reports it
 */

/**
 * @param {import('playwright').Browser} browser
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<LoadMeasurement>}
 */
export async function measureLoad(browser, url, options = {}) {
  /** @type {{ url: string, requestedAt: number, body: Promise<Buffer | undefined> }[]} */
  const scripts = [];
  /** @type {{ path: string, requestedAt: number }[]} */
  const dicomweb = [];
  return loadBenchPage(browser, url, {
    milestones: ['volumeReady'],
    timeoutMs: options.timeoutMs ?? 120_000,
    pollingMs: 50,
    beforeLoad: (page) => {
      // Epoch ms of each request (page and workers), comparable with the page's timeOrigin.
      /** @type {WeakMap<import('playwright').Request, number>} */
      const requestedAt = new WeakMap();
      page.on('request', (request) => {
        requestedAt.set(request, Date.now());
        const { pathname, search } = new URL(request.url());
        if (pathname.startsWith('/dicom-web/')) {
          dicomweb.push({ path: pathname.slice('/dicom-web'.length) + search, requestedAt: Date.now() });
        }
      });
      page.on('response', (response) => {
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('javascript')) return;
        scripts.push({
          url: new URL(response.url()).pathname,
          requestedAt: requestedAt.get(response.request()) ?? Date.now(),
          body: response.body().catch(() => undefined),
        });
      });
    },
    afterLoad: async (result, page) => {
      const timeOrigin = await page.evaluate(() => performance.timeOrigin);
      const firstImageAt = timeOrigin + result.firstImage;
      const scriptsBeforeFirstImage = [];
      for (const script of scripts.filter((s) => s.requestedAt <= firstImageAt)) {
        const body = await script.body;
        if (!body) continue;
        scriptsBeforeFirstImage.push({
          url: script.url,
          bytes: body.length,
          gzipBytes: gzipSync(body, { level: 9 }).length,
        });
      }
      return {
        firstImageMs: result.firstImage,
        volumeReadyMs: result.volumeReady,
        longestTaskMs: result.longestTaskMs,
        frames: result.volumeReadyDetail,
        scriptsBeforeFirstImage,
        dicomwebBeforeFirstImage: dicomweb.filter((r) => r.requestedAt <= firstImageAt).map((r) => r.path),
        viewportCss: result.viewportCss ?? [],
      };
    },
  });
}
