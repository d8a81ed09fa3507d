import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { sampleDataDir } from '../scripts/sample-data/generate.mjs';
import { demoUrl } from './example-page.js';

/** The generated US cine, as the sample generator describes it (scripts/sample-data/us-cine.mjs). */
interface UsSeries {
  studyInstanceUID: string;
  seriesInstanceUID: string;
  rows: number;
  columns: number;
  facts: { cmPerPixel: number; frames: number; frameTimeMs: number };
}
const manifest = JSON.parse(readFileSync(join(sampleDataDir(), 'manifest.json'), 'utf8')) as {
  series: Array<UsSeries & { key: string; primary: boolean }>;
};
const us = manifest.series.find((s) => s.primary && s.key === 'us') as UsSeries;
/** mm per image pixel: (0018,602C/602E) Physical Delta of the 2D tissue region, cm × 10. */
const SPACING_MM = us.facts.cmPerPixel * 10;

/** The EHR example with the US study open: its (first) `<fovea-viewport>` shows the cine. */
async function openUltrasound(page: Page): Promise<Locator> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(demoUrl('ehr-embed/'));
  const loaded = page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        document.addEventListener('fovea-load', (e) => resolve(e.frameCount), { once: true });
        document.addEventListener('fovea-error', (e) => reject(new Error(String(e.error))), { once: true });
      }),
  );
  await page.getByRole('button', { name: /^Open study of Phantom, US/ }).click();
  expect(await loaded).toBe(us.facts.frames);
  expect(errors).toEqual([]);
  const viewport = page.locator('fovea-viewport').first();
  expect(await viewport.evaluate((v) => (v as HTMLElementTagNameMap['fovea-viewport']).seriesUid)).toBe(
    us.seriesInstanceUID,
  );
  return viewport;
}

/** The scale bar as drawn: its mm, CSS width and label, and the image's CSS pixels per pixel. */
function measureBar(viewport: Locator) {
  return viewport.evaluate(
    async (v, image) => {
      const { width, height } = await (v as HTMLElementTagNameMap['fovea-viewport']).readPixels();
      const bar = v.shadowRoot?.querySelector<HTMLElement>('[part="scale-bar"]');
      const view = (v as HTMLElementTagNameMap['fovea-viewport']).viewGeometry;
      const dpr = window.devicePixelRatio || 1;
      return {
        mm: Number(bar?.dataset.mm),
        px: bar?.getBoundingClientRect().width ?? 0,
        cssZoom: (Math.min(width / image[0], height / image[1]) * view.scale) / dpr,
      };
    },
    [us.columns, us.rows] as const,
  );
}

test('US: the scale bar comes from the 2D tissue region and is as long as its mm at the zoom', async ({
  page,
}) => {
  const viewport = await openUltrasound(page);
  const bar = viewport.locator('[part="scale-bar"]');
  await expect(bar).toHaveAttribute('data-source', 'ultrasound-region');
  await expect(bar).toHaveAttribute('data-calibrated', 'true');
  const fitted = await measureBar(viewport);
  // A round length (1, 2 or 5 × 10ⁿ mm), drawn as many CSS px as that many mm make at this zoom.
  expect(String(fitted.mm)).toMatch(/^[125]0*$/);
  expect(fitted.px).toBeCloseTo((fitted.mm / SPACING_MM) * fitted.cssZoom, 1);
  await expect(viewport.locator('[part="scale-bar-label"]')).toHaveText(`${fitted.mm} mm (US region)`);

  // Zoomed in four times: the same room holds a quarter of the mm, so the bar shortens in mm. The
  // language is switched too (read when the overlay is next drawn).
  await viewport.evaluate((v) => {
    const element = v as HTMLElementTagNameMap['fovea-viewport'];
    element.setAttribute('lang', 'es');
    element.viewGeometry = { ...element.viewGeometry, scale: 4 };
  });
  await expect(bar).not.toHaveAttribute('data-mm', String(fitted.mm));
  const zoomed = await measureBar(viewport);
  expect(zoomed.cssZoom).toBeCloseTo(fitted.cssZoom * 4, 6);
  expect(zoomed.mm).toBeLessThan(fitted.mm);
  expect(zoomed.px).toBeCloseTo((zoomed.mm / SPACING_MM) * zoomed.cssZoom, 1);
  await expect(viewport.locator('[part="scale-bar-label"]')).toHaveText(`${zoomed.mm} mm (región US)`);
});

test('US: the scale bar agrees with the depth ticks the machine burned into the image', async ({ page }) => {
  const viewport = await openUltrasound(page);
  const { mm, px } = await measureBar(viewport);
  // Ticks every 1 cm (50 px) at x 600–607 right of the sector, grey 220 on black: find their
  // centres on the canvas, down the column that shows image x = 604.
  const ticks = await viewport.evaluate(
    async (v, image) => {
      const { width, height, data } = await (v as HTMLElementTagNameMap['fovea-viewport']).readPixels();
      const zoom = Math.min(width / image[0], height / image[1]);
      const x = Math.floor(width / 2 + (604.5 - image[0] / 2) * zoom);
      const centres: number[] = [];
      let start = -1;
      for (let y = 0; y <= height; y++) {
        const bright = y < height && (data[(y * width + x) * 4] as number) > 150;
        if (bright && start < 0) start = y;
        if (!bright && start >= 0) {
          centres.push((start + y - 1) / 2);
          start = -1;
        }
      }
      return { centres, dpr: window.devicePixelRatio || 1 };
    },
    [us.columns, us.rows] as const,
  );
  // 1 cm ticks from 1 cm to 8 cm below the apex (rows 80 … 430).
  expect(ticks.centres).toHaveLength(8);
  const first = ticks.centres[0] as number;
  const last = ticks.centres[7] as number;
  const sevenCmOnScreen = (last - first) / ticks.dpr;
  // 70 mm on the bar's scale, within a pixel and a half (tick rows are whole pixels).
  expect(Math.abs(sevenCmOnScreen - (70 * px) / mm)).toBeLessThan(1.5);
});

test('US: the annotation gives each cine frame its time from the first frame', async ({ page }) => {
  const viewport = await openUltrasound(page);
  const corner = viewport.locator('[part~="annotations-bottom-left"]');
  await expect(corner).toContainText('Image 1 of 30');
  await expect(corner).toContainText('Time 0 s');
  await viewport.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(corner).toContainText('Image 6 of 30');
  // Frame Time (0018,1063) 33.33 ms × 5.
  await expect(corner).toContainText(`Time ${Number(((5 * us.facts.frameTimeMs) / 1000).toFixed(3))} s`);
  await page.keyboard.press('End');
  await expect(corner).toContainText('Image 30 of 30');
  await expect(corner).toContainText('Time 0.967 s');
});

test('US: no scale bar while the view shows none of the 2D region, back when it does', async ({ page }) => {
  const viewport = await openUltrasound(page);
  const bar = viewport.locator('[part="scale-bar"]');
  await expect(bar).toHaveCount(1);
  /** Zoom 4× with the viewport's left edge on image column `column` (rows stay centred). */
  const showFromColumn = (column: number) =>
    viewport.evaluate(
      (v, { column, image }) => {
        const element = v as HTMLElementTagNameMap['fovea-viewport'];
        const { width, height } = v.getBoundingClientRect();
        const zoom = Math.min(width / image[0], height / image[1]) * 4;
        // Screen x of column c: width / 2 + (c − columns / 2) × zoom + pan.
        const pan: [number, number] = [-(column - image[0] / 2) * zoom - width / 2, 0];
        element.viewGeometry = { ...element.viewGeometry, scale: 4, pan };
      },
      { column, image: [us.columns, us.rows] as const },
    );
  // The sector's 2D region ends at column 573; right of it only the depth ticks and black.
  await showFromColumn(590);
  await expect(bar).toHaveCount(0);
  await showFromColumn(560);
  await expect(bar).toHaveCount(1);
  await expect(bar).toHaveAttribute('data-source', 'ultrasound-region');
});
