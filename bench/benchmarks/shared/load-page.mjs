// @ts-check
/**
 * One load of a bench page in a fresh browser context (800 × 600) with the HTTP cache disabled,
 * until the page's `window.benchResult` (written by public/probe.js and the page's script) holds
 * every milestone the bench waits for, or an error.
 */

/**
 * @template T
 * @param {import('playwright').Browser} browser
 * @param {string} url
 * @param {{
 *   milestones: string[],
 *   timeoutMs: number,
 *   pollingMs: number,
 *   beforeLoad?: (page: import('playwright').Page, cdp: import('playwright').CDPSession) => Promise<void> | void,
 *   afterLoad: (result: any, page: import('playwright').Page, cdp: import('playwright').CDPSession) => Promise<T>,
 * }} steps `milestones`: the `benchMark` names that end the load; `beforeLoad` may listen to
 *   the page or start a profiler before it navigates; `afterLoad` reads what it needs from the
 *   page's result while the page is still open.
 * @returns {Promise<T>}
 */
export async function loadBenchPage(browser, url, steps) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await steps.beforeLoad?.(page, cdp);
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    const handle = await page.waitForFunction(
      (milestones) => {
        const r = /** @type {any} */ (window).benchResult;
        return r && (r.error || milestones.every((name) => r[name] !== undefined)) ? r : undefined;
      },
      steps.milestones,
      { timeout: steps.timeoutMs, polling: steps.pollingMs },
    );
    const result = await handle.jsonValue();
    if (result.error) throw new Error(`${url}: ${result.error}`);
    if (errors.length > 0) throw new Error(`${url}: uncaught ${errors.join('; ')}`);
    return await steps.afterLoad(result, page, cdp);
  } finally {
    await context.close();
  }
}
