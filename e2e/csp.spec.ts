import { expect, test } from '@playwright/test';
import { STRICT_CSP } from '../scripts/demo/strict-csp.mjs';
import {
  collectErrors,
  demoUrl,
  type ImagePoint,
  linearLevel,
  nextLoad,
  primarySeries,
  sampleViewport,
} from './example-page.js';

/**
 * The ready-made bundle under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'`, served as
 * plain files (examples/strict-csp/): images render exactly, nothing is refused, nothing throws.
 */

declare global {
  interface Window {
    cspViolations: string[];
  }
}

test.beforeEach(async ({ page }) => {
  // Injected by the browser tooling, outside the page's policy: records every violation report.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
});

/**
 * Control, run last: the policy is in force and its violations are seen. An inline script added by
 * the page is refused and reported.
 */
async function expectInlineScriptRefused(page: import('@playwright/test').Page): Promise<void> {
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => page.evaluate(() => window.cspViolations)).toEqual(['script-src-elem inline']);
}

async function openStrictPage(page: import('@playwright/test').Page): Promise<string[]> {
  const errors = collectErrors(page);
  const response = await page.goto(demoUrl('strict-csp/'));
  expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
  // No COOP/COEP: the page is not cross-origin isolated, and needs not be.
  expect(response?.headers()['cross-origin-opener-policy']).toBeUndefined();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  return errors;
}

test('strict CSP: the bundle shows the CT lesion slice with exact grey levels', async ({ page }) => {
  const errors = await openStrictPage(page);
  const ct = primarySeries('ct');
  const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
  const loaded = nextLoad(page);
  await page.getByRole('button', { name: /^Open study of Phantom, CT/ }).click();
  expect(await loaded).toBe(300);
  const viewport = page.locator('fovea-viewport');
  await expect(viewport.locator('[part="overlay"]')).toContainText('Image 151 of 300');
  // The volume opens at its middle slice, 1 mm from the lesion's centre: still inside its 6 mm radius.
  const [atLesion, outside] = await sampleViewport(
    viewport,
    [ct.columns, ct.rows],
    [
      [lesion.voxel.column, lesion.voxel.row],
      [2, 256],
    ],
  );
  expect(atLesion?.slice(0, 3)).toEqual(Array(3).fill(linearLevel(lesion.hu, 40, 400)));
  expect(outside?.slice(0, 3)).toEqual([0, 0, 0]);
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
  await expectInlineScriptRefused(page);
});

test('strict CSP: JPEG frames decode with the WebAssembly codec in the worker', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const errors = await openStrictPage(page);
  const us = primarySeries('us');
  const loaded = nextLoad(page);
  await page.getByRole('button', { name: /^Open study of Phantom, US/ }).click();
  expect(await loaded).toBe(30);
  const viewport = page.locator('fovea-viewport');
  const overlay = viewport.locator('[part="overlay"]');
  await expect(overlay).toContainText('Image 1 of 30');
  await viewport.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(overlay).toContainText('Image 6 of 30');
  // Frame 5: the Doppler blob is centred at (280, 300), flow towards the probe (red) ahead of the
  // centre, away (blue) behind it. Only libjpeg-turbo (WASM) decodes these frames.
  const points: ImagePoint[] = [
    [286, 300],
    [274, 300],
  ];
  const [ahead, behind] = await sampleViewport(viewport, [us.columns, us.rows], points);
  const [r1, g1, b1] = ahead as [number, number, number];
  const [r2, g2, b2] = behind as [number, number, number];
  expect(r1).toBeGreaterThan(g1 + 50);
  expect(r1).toBeGreaterThan(b1 + 50);
  expect(b2).toBeGreaterThan(r2 + 50);
  expect(b2).toBeGreaterThan(g2 + 30);
  // The worker and the codec's .wasm came from beside the bundle, same origin.
  expect(requested).toEqual(
    expect.arrayContaining([
      '/strict-csp/fovea/fovea-decoder.worker.js',
      '/strict-csp/fovea/libjpegturbowasm_decode.wasm',
    ]),
  );
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  await expectInlineScriptRefused(page);
});
