import { expect, type Locator, type Page, test } from '@playwright/test';
import { demoUrl, linearLevel, primarySeries } from './example-page.js';

/**
 * The stack viewport end to end, as a reader meets it in the EHR example: a study opened from the
 * worklist into `<fovea-viewer>`, series chosen in the viewer's series browser, the image in the
 * viewer's `<fovea-viewport>` (Playwright's locators pierce the open shadow roots). What only a
 * viewport alone can show (its own workers ended on removal, its own main-thread work while
 * scrolling) uses a bare one on e2e/pages/.
 */

/** The viewport inside the EHR page's viewer (the 1×1 layout has exactly one). */
const VIEWPORT = 'fovea-viewer fovea-viewport';

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
  return page.locator(VIEWPORT).evaluate(
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

/**
 * Opens the study whose worklist button matches `patient` on the EHR page; resolves once the
 * viewer's viewport shows the first series' first image, with no error on the page.
 */
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
  await expect(page.locator(VIEWPORT)).toHaveCount(1);
  expect(errors).toEqual([]);
}

/**
 * Opens the primary series `key` in the one `<fovea-viewport>` of e2e/pages/bare-viewport.html (the
 * ready-made bundle, nothing else on the page: the viewport owns its workers and is the page's only
 * main-thread work); resolves once its first image is on screen, with no error on the page.
 */
async function openBareViewport(page: Page, key: string): Promise<Locator> {
  const series = primarySeries(key);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(demoUrl('e2e/bare-viewport.html'));
  await page.evaluate(() => customElements.whenDefined('fovea-viewport'));
  const viewport = page.locator('fovea-viewport');
  const frames = await viewport.evaluate(
    (v, uids) => {
      const element = v as HTMLElementTagNameMap['fovea-viewport'];
      return new Promise<number>((resolve, reject) => {
        element.addEventListener('fovea-load', (e) => resolve(e.frameCount), { once: true });
        element.addEventListener('fovea-error', (e) => reject(new Error(String(e.error))), { once: true });
        element.setAttribute('study-uid', uids.study);
        element.setAttribute('series-uid', uids.series);
      });
    },
    { study: series.studyInstanceUID, series: series.seriesInstanceUID },
  );
  expect(frames).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  return viewport;
}

test('CT: opens in the middle of the volume, scrolls to the lesion, shows exact grey levels', async ({
  page,
}) => {
  const ct = primarySeries('ct');
  const lesion = ct.facts.lesion as {
    hu: number;
    voxel: { column: number; row: number; instanceNumber: number };
  };
  await openStudy(page, /^Open study of Phantom, CT/);
  const overlay = page.locator(VIEWPORT).locator('[part="overlay"]');
  await expect(overlay).toContainText('Image 151 of 300');
  await expect(overlay).toContainText('W 400 L 40');

  // Slices run feet to head along the normal; instance 151 (z = 0, the lesion's centre) is one step back.
  await page.locator(VIEWPORT).focus();
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
  const box = await page.locator(VIEWPORT).boundingBox();
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
  const ct = primarySeries('ct');
  const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
  await openStudy(page, /^Open study of Phantom, CT/);
  const viewport = page.locator(VIEWPORT);
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
  const pet = primarySeries('pet');
  const lesion = pet.facts.lesion as { voxel: { column: number; row: number } };
  await openStudy(page, /^Open study of Phantom, CT/);
  const loaded = page.evaluate(
    () => new Promise((resolve) => document.addEventListener('fovea-load', resolve, { once: true })),
  );
  // The PET is picked as a reader would: its entry in the viewer's series browser.
  await page.locator('fovea-viewer fovea-series-browser').getByRole('button', { name: /^PT / }).click();
  await loaded;
  await expect(page.locator(VIEWPORT).locator('[part="overlay"]')).toContainText('Image 38 of 75');
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
  const us = primarySeries('us');
  await openStudy(page, /^Open study of Phantom, US/);
  const overlay = page.locator(VIEWPORT).locator('[part="overlay"]');
  await expect(overlay).toContainText('Image 1 of 30');
  await page.locator(VIEWPORT).focus();
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
  const viewport = page.locator(VIEWPORT);
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
  // A hundred round trips through decoder and render workers: a shared 2-core machine needs time.
  test.slow();
  // The viewport's own main-thread work, alone on its page: in the EHR page the viewer's series
  // browser and progress bar also run on the main thread (22 to 30 long tasks there, 15 here, at a
  // load average of 10 to 17).
  const viewport = await openBareViewport(page, 'ct');
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
  const mg = primarySeries('mg');
  const mass = (mg.facts.mass as { centerPixel: { column: number; row: number } }).centerPixel;
  await openStudy(page, /^Open study of Phantom, MG/);
  await expect(page.locator(VIEWPORT).locator('[part="overlay"]')).toContainText('Image 1 of 1');
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
  // Patient Orientation A\R: rows run anterior (to the nipple), columns to the patient's right.
  const viewport = page.locator(VIEWPORT);
  await expect(viewport.locator('[data-edge="right"]')).toHaveText('A');
  await expect(viewport.locator('[data-edge="left"]')).toHaveText('P');
  await expect(viewport.locator('[data-edge="bottom"]')).toHaveText('R');
  await expect(viewport.locator('[data-edge="top"]')).toHaveText('L');
  // Only Imager Pixel Spacing, no magnification factor: the bar says the mm are at the detector.
  await expect(viewport.locator('[part="scale-bar-label"]')).toHaveText(/^\d+ mm at detector$/);
});

test('removing the viewport from the page ends its decoder and render workers', async ({ page }) => {
  // A viewport alone owns its workers (in a viewer they are the viewer's): the bare test page.
  const viewport = await openBareViewport(page, 'mr');
  await expect(viewport.locator('[part="overlay"]')).toContainText(/Image \d+ of 40/);
  expect(page.workers().length).toBeGreaterThanOrEqual(2);
  await viewport.evaluate((element) => element.remove());
  await expect.poll(() => page.workers().length).toBe(0);
});

/** The viewport's view geometry (see ViewGeometry in @fovea/elements). */
interface Geometry {
  scale: number;
  pan: [number, number];
  rotation: number;
  flipHorizontal: boolean;
  flipVertical: boolean;
}

/**
 * RGBA of the canvas pixels that show the given image pixels under the viewport's current view
 * geometry, and where they are (device pixels). The map is written out here, independently of the
 * element: fit to the canvas for the nearest quarter turn, times `scale`; flip in image space; turn
 * clockwise; move the centre by `pan` (CSS pixels).
 */
async function sampleGeometry(
  page: Page,
  image: ImagePoint,
  points: readonly ImagePoint[],
): Promise<Array<{ rgba: number[]; at: [number, number] }>> {
  return page.locator(VIEWPORT).evaluate(
    async (element, { image, points }) => {
      const viewport = element as HTMLElementTagNameMap['fovea-viewport'];
      const view = viewport.viewGeometry as unknown as Geometry;
      const { width, height, data } = await viewport.readPixels();
      const ratio = window.devicePixelRatio || 1;
      const quarter = Math.round(view.rotation / 90) * 90;
      const sideways = ((quarter % 180) + 180) % 180 === 90;
      const [iw, ih] = sideways ? [image[1], image[0]] : [image[0], image[1]];
      const zoom = Math.min(width / iw, height / ih) * view.scale;
      const radians = (view.rotation * Math.PI) / 180;
      const cos = Math.round(Math.cos(radians) * 1e12) / 1e12;
      const sin = Math.round(Math.sin(radians) * 1e12) / 1e12;
      return points.map(([column, row]) => {
        const px = (column + 0.5 - image[0] / 2) * (view.flipHorizontal ? -1 : 1);
        const py = (row + 0.5 - image[1] / 2) * (view.flipVertical ? -1 : 1);
        const x = Math.floor(width / 2 + view.pan[0] * ratio + zoom * (px * cos - py * sin));
        const y = Math.floor(height / 2 + view.pan[1] * ratio + zoom * (px * sin + py * cos));
        const offset = (y * width + x) * 4;
        return { rgba: Array.from(data.subarray(offset, offset + 4)), at: [x, y] as [number, number] };
      });
    },
    { image, points },
  );
}

/** Opens the CT at the lesion's slice (display index 149) and returns what the tests need. */
async function openCtAtLesion(page: Page) {
  const ct = primarySeries('ct');
  const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
  await openStudy(page, /^Open study of Phantom, CT/);
  const viewport = page.locator(VIEWPORT);
  const overlay = viewport.locator('[part="overlay"]');
  await viewport.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(overlay).toContainText('Image 150 of 300');
  const image: ImagePoint = [ct.columns, ct.rows];
  const lesionPoint: ImagePoint = [lesion.voxel.column, lesion.voxel.row];
  const lesionLevel = linearLevel(lesion.hu, 40, 400);
  /** The level shown where the view maps the lesion centre, and at a control point elsewhere. */
  const levels = async (control: ImagePoint = [ct.columns - lesion.voxel.column, lesion.voxel.row]) => {
    const [at, away] = await sampleGeometry(page, image, [lesionPoint, control]);
    return { lesion: at?.rgba[0], control: away?.rgba[0], at: at?.at };
  };
  return { viewport, overlay, image, lesionPoint, lesionLevel, levels };
}

/** The red level of canvas pixel (x, y), device pixels. */
const levelAt = (page: Page, [x, y]: [number, number]) =>
  page.locator(VIEWPORT).evaluate(
    async (v, [x, y]) => {
      const { width, data } = await (v as HTMLElementTagNameMap['fovea-viewport']).readPixels();
      return data[(y * width + x) * 4];
    },
    [x, y] as const,
  );

const geometryOf = (page: Page) =>
  page
    .locator('fovea-viewport')
    .evaluate((v) => (v as HTMLElementTagNameMap['fovea-viewport']).viewGeometry as unknown as Geometry);

test('CT: pan, zoom, rotate and flip move the lesion where the view says', async ({ page }) => {
  // Many read-backs of a 2-core software renderer: give it room when the machine is shared.
  test.slow();
  const { viewport, overlay, lesionLevel, levels } = await openCtAtLesion(page);
  const fitted = await levels();
  expect(fitted.lesion).toBe(lesionLevel);
  // The mirror-image point (the other side of the body) is liver or soft tissue, not the lesion.
  expect(fitted.control).not.toBe(lesionLevel);

  // Pan tool: a drag of 80 × 50 CSS px moves the lesion by as much.
  await page.evaluate(() => {
    const changes: string[][] = [];
    (window as unknown as { toolChanges: string[][] }).toolChanges = changes;
    document.addEventListener('fovea-tool-change', (e) => changes.push([e.tool, e.previousTool]));
  });
  await page.keyboard.press('p');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { toolChanges: string[][] }).toolChanges))
    .toEqual([['pan', 'windowLevel']]);
  await expect(viewport).toHaveAttribute('tool', 'pan');
  const box = await viewport.boundingBox();
  if (!box) throw new Error('viewport has no box');
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 80, cy + 50, { steps: 4 });
  await page.mouse.up();
  expect((await geometryOf(page)).pan).toEqual([80, 50]);
  await expect.poll(async () => (await levels()).lesion, { timeout: 15_000 }).toBe(lesionLevel);
  const panned = await levels();
  expect(panned.at?.[0]).toBe((fitted.at?.[0] as number) + 80);
  expect(panned.at?.[1]).toBe((fitted.at?.[1] as number) + 50);
  // Where the lesion was is no longer the lesion: the picture really moved.
  expect(await levelAt(page, fitted.at as [number, number])).not.toBe(lesionLevel);

  // Reset, then zoom in twice with + (√2 each): the lesion moves away from the centre, twice as far.
  await page.keyboard.press('r');
  await expect.poll(async () => (await geometryOf(page)).pan).toEqual([0, 0]);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  expect((await geometryOf(page)).scale).toBeCloseTo(2, 9);
  await expect(overlay).toContainText(/Zoom \d+%/);
  await expect.poll(async () => (await levels()).lesion, { timeout: 15_000 }).toBe(lesionLevel);
  const zoomed = await levels();
  const canvasCentre = await viewport.evaluate(async (v) => {
    const { width, height } = await (v as HTMLElementTagNameMap['fovea-viewport']).readPixels();
    return [width / 2, height / 2];
  });
  const offset = (p: [number, number] | undefined) => [
    (p?.[0] as number) - (canvasCentre[0] as number),
    (p?.[1] as number) - (canvasCentre[1] as number),
  ];
  expect(
    Math.abs((offset(zoomed.at)[0] as number) - 2 * (offset(fitted.at)[0] as number)),
  ).toBeLessThanOrEqual(2);

  // Rotate 90° clockwise: the lesion (patient right, image left) goes to the top.
  await page.keyboard.press('r');
  await page.keyboard.press(']');
  expect((await geometryOf(page)).rotation).toBe(90);
  await expect.poll(async () => (await levels()).lesion, { timeout: 15_000 }).toBe(lesionLevel);
  const rotated = await levels();
  expect(rotated.at?.[1]).toBeLessThan(canvasCentre[1] as number);
  // Flip left-right on screen: the lesion is mirrored about the vertical centre line.
  await page.keyboard.press('h');
  await expect.poll(async () => (await levels()).lesion, { timeout: 15_000 }).toBe(lesionLevel);
  const flipped = await levels();
  expect(
    Math.abs((flipped.at?.[0] as number) + (rotated.at?.[0] as number) - 2 * (canvasCentre[0] as number)),
  ).toBeLessThanOrEqual(1);
  expect(flipped.at?.[1]).toBe(rotated.at?.[1]);
});

test('CT: orientation markers follow rotation and flips', async ({ page }) => {
  await openCtAtLesion(page);
  const viewport = page.locator(VIEWPORT);
  const markers = () =>
    viewport.evaluate((v) =>
      Object.fromEntries(
        [...(v.shadowRoot?.querySelectorAll<HTMLElement>('[part="orientation-marker"]') ?? [])].map((m) => [
          m.dataset.edge,
          m.textContent?.trim(),
        ]),
      ),
    );
  expect(await markers()).toEqual({ top: 'A', right: 'L', bottom: 'P', left: 'R' });
  await viewport.evaluate((v) => (v as HTMLElementTagNameMap['fovea-viewport']).rotate(90));
  await expect.poll(markers).toEqual({ top: 'R', right: 'A', bottom: 'L', left: 'P' });
  await page.keyboard.press('h');
  await expect.poll(markers).toEqual({ top: 'R', right: 'P', bottom: 'L', left: 'A' });
  await page.keyboard.press('v');
  await expect.poll(markers).toEqual({ top: 'L', right: 'P', bottom: 'R', left: 'A' });
  await page.keyboard.press('r');
  await expect.poll(markers).toEqual({ top: 'A', right: 'L', bottom: 'P', left: 'R' });
});

test('CT: annotations show patient, slice position and window; portal hides the patient', async ({
  page,
}) => {
  const { viewport, overlay } = await openCtAtLesion(page);
  const corner = (name: string) => viewport.locator(`[part~="annotations-${name}"]`);
  await expect(corner('top-left')).toContainText('Phantom, CT');
  await expect(corner('top-right')).toContainText('Phantom CT 1.0 mm');
  await expect(corner('bottom-left')).toContainText('Image 150 of 300');
  // Instance 151 lies at z = 0; its neighbour one step on is 1 mm towards the head.
  await expect(corner('bottom-left')).toContainText('Loc 0 mm');
  await page.keyboard.press('ArrowRight');
  await expect(corner('bottom-left')).toContainText('Loc 1 mm');
  await expect(corner('bottom-right')).toContainText('W 400 L 40');
  await page.keyboard.press('3');
  await expect(corner('bottom-right')).toContainText('W 1500 L -600');

  // The scale bar is a round number of mm, as long as the pixel spacing and zoom make it.
  const bar = viewport.locator('[part="scale-bar"]');
  await expect(bar).toHaveAttribute('data-calibrated', 'true');
  const measured = await viewport.evaluate(async (v) => {
    const element = v as HTMLElementTagNameMap['fovea-viewport'];
    const barElement = v.shadowRoot?.querySelector<HTMLElement>('[part="scale-bar"]');
    const { width } = await element.readPixels();
    return {
      mm: Number(barElement?.dataset.mm),
      px: barElement?.getBoundingClientRect().width ?? 0,
      cssZoom: Math.min(width, (await element.readPixels()).height) / 512 / (window.devicePixelRatio || 1),
    };
  });
  const spacing = 0.7; // 358.4 mm field of view over 512 pixels
  expect(measured.px).toBeCloseTo((measured.mm / spacing) * measured.cssZoom, 0);
  await expect(viewport.locator('[part="scale-bar-label"]')).toHaveText(`${measured.mm} mm`);

  // Portal mode: no name, no ID, no date; the study and the image facts stay.
  await viewport.evaluate((v) => v.setAttribute('portal', ''));
  await expect(overlay).not.toContainText('Phantom, CT');
  await expect(overlay).not.toContainText('ID ');
  await expect(corner('top-right')).toContainText('Phantom CT 1.0 mm');
  await expect(corner('bottom-left')).toContainText('Image 151 of 300');
});

test('DX: Patient Orientation gives the markers; the scale bar is corrected by the estimated magnification', async ({
  page,
}) => {
  await openStudy(page, /^Open study of Phantom, XR/);
  const viewport = page.locator(VIEWPORT);
  await expect(viewport.locator('[part~="annotations-top-right"]')).toContainText('Phantom chest PA');
  await expect(viewport.locator('[data-edge="left"]')).toHaveText('R');
  await expect(viewport.locator('[data-edge="right"]')).toHaveText('L');
  await expect(viewport.locator('[data-edge="top"]')).toHaveText('H');
  await expect(viewport.locator('[data-edge="bottom"]')).toHaveText('F');
  await expect(viewport.locator('[part="scale-bar"]')).toHaveAttribute('data-calibrated', 'false');
  await expect(viewport.locator('[part="scale-bar-label"]')).toHaveText(/^\d+ mm \(est\. magnification\)$/);
  // Imager Pixel Spacing 0.15 mm over an Estimated Radiographic Magnification Factor of 1.09.
  const measured = await viewport.evaluate(async (v) => {
    const { width, height } = await (v as HTMLElementTagNameMap['fovea-viewport']).readPixels();
    const bar = v.shadowRoot?.querySelector<HTMLElement>('[part="scale-bar"]');
    return {
      mm: Number(bar?.dataset.mm),
      px: bar?.getBoundingClientRect().width ?? 0,
      cssZoom: Math.min(width / 2048, height / 2500) / (window.devicePixelRatio || 1),
    };
  });
  expect(measured.px).toBeCloseTo((measured.mm / (0.15 / 1.09)) * measured.cssZoom, 0);
});

test('scrollbar: a click and a drag on the track page through the series', async ({ page }) => {
  const { viewport, overlay } = await openCtAtLesion(page);
  const scrollbar = viewport.locator('[part="scrollbar"]');
  await expect(scrollbar).toHaveAttribute('aria-valuenow', '150');
  await expect(scrollbar).toHaveAttribute('aria-valuemax', '300');
  const track = await scrollbar.boundingBox();
  if (!track) throw new Error('scrollbar has no box');
  const x = track.x + track.width / 2;
  await page.mouse.click(x, track.y + 0.5);
  await expect(overlay).toContainText('Image 1 of 300');
  await page.mouse.move(x, track.y + 0.5);
  await page.mouse.down();
  await page.mouse.move(x, track.y + track.height - 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(overlay).toContainText('Image 300 of 300');
  await expect(scrollbar).toHaveAttribute('aria-valuenow', '300');
  // The drag on the scrollbar did not also change the window.
  await expect(overlay).toContainText('W 400 L 40');
  // The slider takes keys too: focused, Home goes back to the first image.
  await scrollbar.focus();
  await page.keyboard.press('Home');
  await expect(overlay).toContainText('Image 1 of 300');
  await expect(scrollbar).toHaveAttribute('aria-valuenow', '1');
});

test('touch: pinch zooms about the fingers, two fingers pan, one finger uses the tool', async ({ page }) => {
  const { viewport, lesionLevel, levels } = await openCtAtLesion(page);
  const box = await viewport.boundingBox();
  if (!box) throw new Error('viewport has no box');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  type Point = { x: number; y: number; id: number };
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', touchPoints: Point[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints });

  // Fingers 100 px apart spread to 200 px, about the centre: twice the magnification.
  await touch('touchStart', [
    { x: cx - 50, y: cy, id: 1 },
    { x: cx + 50, y: cy, id: 2 },
  ]);
  for (let step = 1; step <= 5; step++) {
    await touch('touchMove', [
      { x: cx - 50 - step * 10, y: cy, id: 1 },
      { x: cx + 50 + step * 10, y: cy, id: 2 },
    ]);
  }
  // Then both move 40 px down together: a pan.
  for (let step = 1; step <= 4; step++) {
    await touch('touchMove', [
      { x: cx - 100, y: cy + step * 10, id: 1 },
      { x: cx + 100, y: cy + step * 10, id: 2 },
    ]);
  }
  await touch('touchEnd', []);
  const pinched = await geometryOf(page);
  expect(pinched.scale).toBeCloseTo(2, 6);
  expect(pinched.pan[0]).toBeCloseTo(0, 6);
  expect(pinched.pan[1]).toBeCloseTo(40, 6);
  await expect.poll(async () => (await levels()).lesion, { timeout: 15_000 }).toBe(lesionLevel);

  // One finger drags the active tool: the window by default.
  await touch('touchStart', [{ x: cx, y: cy, id: 3 }]);
  await touch('touchMove', [{ x: cx + 60, y: cy, id: 3 }]);
  await touch('touchEnd', []);
  await expect(viewport.locator('[part~="annotations-bottom-right"]')).not.toContainText('W 400 L 40');
  expect((await geometryOf(page)).scale).toBeCloseTo(2, 6);
});

test('progress: fovea-progress counts the frames fetched, up to the whole series', async ({ page }) => {
  await page.goto(demoUrl('ehr-embed/'));
  await page.evaluate(() => {
    const seen: Array<[number, number]> = [];
    const times: number[] = [];
    Object.assign(window, { progress: seen, progressTimes: times });
    document.addEventListener('fovea-progress', (e) => {
      seen.push([e.loaded, e.total]);
      times.push(e.timeStamp);
    });
  });
  await page.getByRole('button', { name: /^Open study of Phantom, MR/ }).click();
  const progress = () =>
    page.evaluate(() => (window as unknown as { progress: Array<[number, number]> }).progress);
  await expect.poll(async () => (await progress()).at(-1), { timeout: 30_000 }).toEqual([40, 40]);
  const events = await progress();
  expect(events[0]).toEqual([0, 40]);
  // The viewport reports at most every 100 ms (each report may redraw a host's bar), the end at
  // once: counts only ever rise, each frame counted once, up to the whole series; between the
  // first and the last report, none comes sooner than the interval after the one before.
  const counts = events.map(([loaded]) => loaded);
  expect(counts).toEqual([...new Set(counts)].sort((a, b) => a - b));
  expect(events.every(([, total]) => total === 40)).toBe(true);
  const times = await page.evaluate(() => (window as unknown as { progressTimes: number[] }).progressTimes);
  for (let i = 2; i < times.length - 1; i++) {
    expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(90);
  }
});

test('tool: an unknown tool is refused with a typed error and the tool stays', async ({ page }) => {
  await openStudy(page, /^Open study of Phantom, MR/);
  const viewport = page.locator(VIEWPORT);
  await viewport.evaluate((v) => v.setAttribute('tool', 'zoom'));
  await expect(viewport).toHaveAttribute('tool', 'zoom');
  const code = await viewport.evaluate(
    (v) =>
      new Promise<string>((resolve) => {
        (v as HTMLElement).addEventListener(
          'fovea-error',
          (e) => resolve((e.error as { code: string }).code),
          { once: true },
        );
        v.setAttribute('tool', 'laser');
      }),
  );
  expect(code).toBe('INVALID_TOOL');
  await expect(viewport).toHaveAttribute('tool', 'zoom');
  // The image is still shown: a bad tool is not a failed load.
  await expect(viewport.locator('[part="overlay"]')).toContainText(/Image \d+ of 40/);
});
