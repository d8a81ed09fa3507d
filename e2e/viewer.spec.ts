import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { sampleDataDir } from '../scripts/sample-data/generate.mjs';

/** Ground truth written by the sample generator beside the files it made. */
interface SeriesFacts {
  key: string;
  primary: boolean;
  rows: number;
  columns: number;
  facts: Record<string, unknown>;
}
const manifest = JSON.parse(readFileSync(join(sampleDataDir(), 'manifest.json'), 'utf8')) as {
  series: SeriesFacts[];
};
const primary = (key: string) => manifest.series.find((s) => s.primary && s.key === key) as SeriesFacts;

function demoUrl(path: string): string {
  const base = process.env.FOVEA_DEMO_URL;
  if (!base) throw new Error('FOVEA_DEMO_URL is not set: run through playwright.config.ts (global setup)');
  return new URL(path, base).toString();
}

/** DICOM LINEAR VOI (PS3.3 C.11.2.1.2.1) to an 8-bit level. */
function linearLevel(value: number, center: number, width: number): number {
  const y = (value - (center - 0.5)) / (width - 1) + 0.5;
  return Math.floor(255 * Math.min(1, Math.max(0, y)));
}

type ImagePoint = readonly [column: number, row: number];

/**
 * RGBA of the canvas pixels that show the given image pixels, the image (columns × rows) being
 * fitted and centred as the viewport does. Sampled in the page: only the points travel back.
 */
async function sampleViewport(
  page: Page,
  image: ImagePoint,
  points: readonly ImagePoint[],
): Promise<number[][]> {
  return page.locator('fovea-viewport').evaluate(
    async (element, { image, points }) => {
      const { width, height, data } = await (element as HTMLElementTagNameMap['fovea-viewport']).readPixels();
      const zoom = Math.min(width / image[0], height / image[1]);
      return points.map(([column, row]) => {
        const x = Math.floor(width / 2 + (column + 0.5 - image[0] / 2) * zoom);
        const y = Math.floor(height / 2 + (row + 0.5 - image[1] / 2) * zoom);
        return Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
      });
    },
    { image, points },
  );
}

async function openStudy(page: Page, patient: RegExp): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(demoUrl('ehr-embed/'));
  const loaded = page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        document.addEventListener('fovea-load', (e) => resolve(e.frameCount), { once: true });
        document.addEventListener(
          'fovea-error',
          (e) => reject(new Error(String((e.error as Error).message))),
          {
            once: true,
          },
        );
      }),
  );
  await page.getByRole('button', { name: patient }).click();
  await loaded;
  expect(errors).toEqual([]);
}

test('CT: opens in the middle of the volume, scrolls to the lesion, shows exact grey levels', async ({
  page,
}) => {
  const ct = primary('ct');
  const lesion = ct.facts.lesion as {
    hu: number;
    voxel: { column: number; row: number; instanceNumber: number };
  };
  await openStudy(page, /^Open study of Phantom, CT/);
  const overlay = page.locator('fovea-viewport').locator('[part="overlay"]');
  await expect(overlay).toContainText('Image 151 of 300');
  await expect(overlay).toContainText('W 400 L 40');

  // Slices run feet to head along the normal; instance 151 (z = 0, the lesion's centre) is one step back.
  await page.locator('fovea-viewport').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(overlay).toContainText('Image 150 of 300');

  const image: ImagePoint = [ct.columns, ct.rows];
  const [atLesion, outside] = await sampleViewport(page, image, [
    [lesion.voxel.column, lesion.voxel.row],
    [2, 256],
  ]);
  expect(atLesion?.slice(0, 3)).toEqual(Array(3).fill(linearLevel(lesion.hu, 40, 400)));
  // Outside the reconstruction circle (padding, −3024 HU) is black.
  expect(outside?.slice(0, 3)).toEqual([0, 0, 0]);

  // Dragging right widens the window: the lesion's level moves to what the new window gives.
  const box = await page.locator('fovea-viewport').boundingBox();
  if (!box) throw new Error('viewport has no box');
  const changed = page.evaluate(
    () =>
      new Promise<{ center: number; width: number }>((resolve) =>
        document.addEventListener('fovea-view-change', (e) =>
          resolve(e.window as { center: number; width: number }),
        ),
      ),
  );
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 1 });
  await page.mouse.up();
  const window = await changed;
  expect(window.width).toBeGreaterThan(400);
  await expect(overlay).not.toContainText('W 400 L 40');
  const [after] = await sampleViewport(page, image, [[lesion.voxel.column, lesion.voxel.row]]);
  // The window is fractional after a drag: allow the one level where rounding conventions differ.
  const expected = linearLevel(lesion.hu, window.center, window.width);
  expect(Math.abs((after?.[0] as number) - expected)).toBeLessThanOrEqual(1);
});

test('CT: window presets, invert and reset from the keyboard', async ({ page }) => {
  const ct = primary('ct');
  const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
  await openStudy(page, /^Open study of Phantom, CT/);
  const viewport = page.locator('fovea-viewport');
  const overlay = viewport.locator('[part="overlay"]');
  await viewport.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(overlay).toContainText('Image 150 of 300');
  const image: ImagePoint = [ct.columns, ct.rows];
  const lesionLevel = async () =>
    (await sampleViewport(page, image, [[lesion.voxel.column, lesion.voxel.row]]))[0]?.[0] as number;

  await page.keyboard.press('3');
  await expect(overlay).toContainText('W 1500 L -600');
  await expect.poll(lesionLevel).toBe(linearLevel(lesion.hu, -600, 1500));
  await page.keyboard.press('1');
  await expect(overlay).toContainText('W 80 L 40');
  await expect.poll(lesionLevel).toBe(linearLevel(lesion.hu, 40, 80));
  // The window follows the reader to the next slice.
  await page.keyboard.press('ArrowRight');
  await expect(overlay).toContainText('Image 151 of 300');
  await expect(overlay).toContainText('W 80 L 40');

  await page.keyboard.press('i');
  await expect.poll(lesionLevel).toBe(255 - linearLevel(lesion.hu, 40, 80));
  await page.keyboard.press('r');
  await expect(overlay).toContainText('W 400 L 40');
  await expect.poll(lesionLevel).toBe(linearLevel(lesion.hu, 40, 400));
});

test('PET/CT: the PET series shows the lesion hottest, in the same place', async ({ page }) => {
  const pet = primary('pet');
  const lesion = pet.facts.lesion as { voxel: { column: number; row: number } };
  await openStudy(page, /^Open study of Phantom, CT/);
  const loaded = page.evaluate(
    () => new Promise((resolve) => document.addEventListener('fovea-load', resolve, { once: true })),
  );
  await page.getByRole('button', { name: /^PT / }).click();
  await loaded;
  await expect(page.locator('fovea-viewport').locator('[part="overlay"]')).toContainText('Image 38 of 75');
  const [hotPixel, backgroundPixel] = await sampleViewport(
    page,
    [pet.columns, pet.rows],
    [
      [lesion.voxel.column, lesion.voxel.row],
      [lesion.voxel.column + 20, lesion.voxel.row],
    ],
  );
  const hot = hotPixel?.[0] as number;
  const background = backgroundPixel?.[0] as number;
  expect(hot).toBeGreaterThan(240);
  expect(background).toBeLessThan(hot / 2);
});

test('US cine: YBR_FULL_422 JPEG frames show the Doppler flow moving frame by frame', async ({ page }) => {
  const us = primary('us');
  await openStudy(page, /^Open study of Phantom, US/);
  const overlay = page.locator('fovea-viewport').locator('[part="overlay"]');
  await expect(overlay).toContainText('Image 1 of 30');
  await page.locator('fovea-viewport').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(overlay).toContainText('Image 6 of 30');
  // The blob moves 6 px a frame from x = 250 along the vessel (y = 300): frame 5 is centred at
  // x = 280, flow towards the probe (red) ahead of the centre, away (blue) behind it.
  const [ahead, behind] = await sampleViewport(
    page,
    [us.columns, us.rows],
    [
      [286, 300],
      [274, 300],
    ],
  );
  const [r1, g1, b1] = ahead as [number, number, number];
  const [r2, g2, b2] = behind as [number, number, number];
  expect(r1).toBeGreaterThan(g1 + 50);
  expect(r1).toBeGreaterThan(b1 + 50);
  expect(b2).toBeGreaterThan(r2 + 50);
  expect(b2).toBeGreaterThan(g2 + 30);
});

test('US cine: Space plays at the frame time and pauses', async ({ page }) => {
  await openStudy(page, /^Open study of Phantom, US/);
  const viewport = page.locator('fovea-viewport');
  const overlay = viewport.locator('[part="overlay"]');
  await expect(overlay).toContainText('Image 1 of 30');
  expect(
    await viewport.evaluate((v) => (v as HTMLElementTagNameMap['fovea-viewport']).frameIntervalMs),
  ).toBeCloseTo(33.33, 1);
  await viewport.focus();
  await page.keyboard.press(' ');
  await expect(overlay).toContainText('Playing');
  await expect(overlay).not.toContainText('Image 1 of 30');
  await page.keyboard.press(' ');
  await expect(overlay).not.toContainText('Playing');
  // A frame already on its way may still land; after that the picture stays.
  await page.waitForTimeout(300);
  const stopped = await overlay.textContent();
  await page.waitForTimeout(500);
  expect(await overlay.textContent()).toBe(stopped);
});

test('scrolling 100 CT slices keeps GPU work off the main thread', async ({ page }) => {
  await openStudy(page, /^Open study of Phantom, CT/);
  const viewport = page.locator('fovea-viewport');
  const overlay = viewport.locator('[part="overlay"]');
  // The canvas was handed to the render worker: the page cannot even get a context for it.
  const pageContext = await viewport.evaluate((element) => {
    try {
      return String(element.shadowRoot?.querySelector('canvas')?.getContext('2d'));
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(pageContext).toBe('InvalidStateError');

  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  await viewport.focus();
  // One slice at a time, each on screen before the next, as a reader scrolls through a region.
  const stepMs: number[] = [];
  for (let i = 1; i <= 100; i++) {
    const started = Date.now();
    await page.keyboard.press('ArrowRight');
    // Generous: a loaded 2-core machine can starve one step; a lost frame would still fail here.
    await expect(overlay).toContainText(`Image ${151 + i} of 300`, { timeout: 30_000 });
    stepMs.push(Date.now() - started);
  }
  stepMs.sort((x, y) => x - y);
  test.info().annotations.push({
    type: 'ms per slice (median, max)',
    description: `${stepMs[50]}, ${stepMs[99]}`,
  });
  const longTasks = await page.evaluate(() => [...(window as unknown as { longTasks: number[] }).longTasks]);
  test
    .info()
    .annotations.push({ type: 'main-thread long tasks (ms)', description: JSON.stringify(longTasks) });
  // Decoding or drawing on the main thread would make long tasks of most of the 100 frames; a
  // shared 2-core machine under load still stretches some message-routing tasks past 50 ms.
  expect(longTasks.length).toBeLessThanOrEqual(20);

  // Control: a 120 ms task of the page is seen, so a short list above means something.
  await page.evaluate(() => {
    setTimeout(() => {
      const end = performance.now() + 120;
      while (performance.now() < end) {
        // busy on purpose
      }
    });
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length))
    .toBe(longTasks.length + 1);
});

test('MG: the 3328×4096 MONOCHROME1 mammogram shows dense tissue bright and air dark', async ({ page }) => {
  const mg = primary('mg');
  const mass = (mg.facts.mass as { centerPixel: { column: number; row: number } }).centerPixel;
  await openStudy(page, /^Open study of Phantom, MG/);
  await expect(page.locator('fovea-viewport').locator('[part="overlay"]')).toContainText('Image 1 of 1');
  // Chest wall at the left edge; the right-hand edge of the detector saw air (high values), which
  // MONOCHROME1 shows dark.
  const [atMass, inAir] = await sampleViewport(
    page,
    [mg.columns, mg.rows],
    [
      [mass.column, mass.row],
      [mg.columns - 20, 40],
    ],
  );
  expect(inAir?.[0]).toBeLessThan(30);
  expect(atMass?.[0]).toBeGreaterThan((inAir?.[0] as number) + 100);
});

test('removing the viewport from the page ends its decoder and render workers', async ({ page }) => {
  await openStudy(page, /^Open study of Phantom, MR/);
  expect(page.workers().length).toBeGreaterThanOrEqual(2);
  await page.locator('fovea-viewport').evaluate((element) => element.remove());
  await expect.poll(() => page.workers().length).toBe(0);
});
