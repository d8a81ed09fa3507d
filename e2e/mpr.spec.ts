import { type Browser, chromium, expect, type Locator, type Page, test } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../scripts/browser/chromium.mjs';
import { collectErrors, demoUrl, linearLevel, primarySeries } from './example-page.js';

/**
 * MPR and 3D end to end: the built `<fovea-volume-layout>` on the demo server, against Orthanc with
 * the generated 300-slice CT phantom. Its lesion (LPS (−70, 14, 0), radius 6 mm, 130 HU, noise
 * free) must show with its exact grey level wherever each plane's geometry puts the cursor, the
 * crosshairs and planes must move together, and the 3D MIP must match the volume's own CPU MIP
 * where the camera projects the lesion. Every expected position comes from geometry.
 */

const ct = primarySeries('ct');
const lesion = ct.facts.lesion as { centerLps: [number, number, number]; hu: number; radiusMm: number };

/** Loading and filling the 300-slice volume takes a while on the shared 2-core machines. */
const SLOW = { timeout: 180_000 };
test.setTimeout(300_000);

/** Puts a `<fovea-volume-layout>` of the CT in place of the EHR page's content; resolves when the volume is complete. */
async function mountLayout(page: Page, layout: 'mpr' | '3d'): Promise<Locator> {
  await page.goto(demoUrl('ehr-embed/'));
  await page.evaluate(() => customElements.whenDefined('fovea-volume-layout'));
  await page.evaluate(
    ({ layout, study, series }) => {
      const element = document.createElement('fovea-volume-layout');
      element.setAttribute('dicomweb-root', '/dicom-web');
      element.setAttribute('study-uid', study);
      element.setAttribute('series-uid', series);
      element.setAttribute('layout', layout);
      // One 3D view ray-casts every pixel on a software GPU (a full-quality MIP down 300 slices at
      // 480×420 took a minute): keep it small, the lesion still spans a dozen pixels.
      element.style.cssText =
        layout === '3d' ? 'display:flex;width:280px;height:240px' : 'display:flex;width:1200px;height:420px';
      document.body.replaceChildren(element);
    },
    { layout, study: ct.studyInstanceUID, series: ct.seriesInstanceUID },
  );
  const element = page.locator('fovea-volume-layout');
  await volumeComplete(element);
  return element;
}

/** Resolves once every view of the layout is on screen and its whole volume is on the GPU. */
async function volumeComplete(element: Locator): Promise<void> {
  await expect
    .poll(
      () =>
        element.evaluate((layout) => {
          const views = (layout as HTMLElementTagNameMap['fovea-volume-layout']).views;
          const volume = views[0]?.seriesVolume;
          return views.length > 0 && views.every((v) => v.isReady) && volume?.complete === true;
        }),
      SLOW,
    )
    .toBe(true);
}

type Orientation = 'axial' | 'coronal' | 'sagittal' | '3d';

/** Grey levels (red channel) of view `orientation` at patient points, where the view's geometry draws them. */
async function greysAt(layout: Locator, orientation: Orientation, points: readonly (readonly number[])[]) {
  return layout.evaluate(
    async (element, { orientation, points }) => {
      const view = (element as HTMLElementTagNameMap['fovea-volume-layout']).views.find(
        (v) => v.orientation === orientation,
      );
      if (!view) throw new Error(`no ${orientation} view`);
      await view.drawn();
      const { width, data } = await view.readPixels();
      return points.map((point) => {
        const at = view.screenPointOf(point as [number, number, number]);
        if (!at) throw new Error('point not on screen');
        const x = Math.floor(at[0] * devicePixelRatio);
        const y = Math.floor(at[1] * devicePixelRatio);
        return data[(y * width + x) * 4] as number;
      });
    },
    { orientation, points },
  );
}

const LESION_LEVEL = linearLevel(lesion.hu, 40, 400);
const shifted = (d: readonly [number, number, number]): [number, number, number] => [
  lesion.centerLps[0] + d[0],
  lesion.centerLps[1] + d[1],
  lesion.centerLps[2] + d[2],
];

async function checkMpr(page: Page): Promise<void> {
  const layout = await mountLayout(page, 'mpr');
  // The cursor on the lesion, from the axial view: the other two follow it.
  const cursors = await layout.evaluate((element, point) => {
    const views = (element as HTMLElementTagNameMap['fovea-volume-layout']).views;
    for (const view of views) view.setWindow(40, 400);
    views[0]?.setCursor(point);
    return views.map((view) => [view.orientation, view.cursor]);
  }, lesion.centerLps);
  expect(cursors).toEqual([
    ['axial', lesion.centerLps],
    ['coronal', lesion.centerLps],
    ['sagittal', lesion.centerLps],
  ]);
  for (const orientation of ['axial', 'coronal', 'sagittal'] as const) {
    // The lesion's centre exactly; 10 mm away within the plane (to the patient's left, or
    // posterior on the sagittal plane) is soft tissue, far darker.
    const away: [number, number, number] = orientation === 'sagittal' ? [0, 10, 0] : [10, 0, 0];
    const [atLesion, beside] = await greysAt(layout, orientation, [lesion.centerLps, shifted(away)]);
    expect(atLesion, `${orientation} at the lesion`).toBe(LESION_LEVEL);
    expect(beside as number, `${orientation} beside the lesion`).toBeLessThan(LESION_LEVEL - 20);
  }
  // Clicking 20 mm above the lesion in the coronal view moves the axial plane there: the lesion
  // leaves it, and the crosshairs of the coronal and sagittal views move to the new height.
  const after = await layout.evaluate(
    async (element, target) => {
      const [axial, coronal, sagittal] = (element as HTMLElementTagNameMap['fovea-volume-layout']).views;
      if (!axial || !coronal || !sagittal) throw new Error('three views expected');
      const at = coronal.screenPointOf(target) as [number, number];
      const box = coronal.getBoundingClientRect();
      const press = {
        bubbles: true,
        button: 0,
        pointerId: 3,
        clientX: box.left + at[0],
        clientY: box.top + at[1],
      };
      coronal.dispatchEvent(new PointerEvent('pointerdown', press));
      coronal.dispatchEvent(new PointerEvent('pointerup', press));
      await Promise.all([axial, coronal, sagittal].map((view) => view.updateComplete));
      const cursor = axial.cursor as [number, number, number];
      const line = (view: Element, plane: string) =>
        Number(view.shadowRoot?.querySelector(`line[data-plane="${plane}"]`)?.getAttribute('y1'));
      return {
        cursor: [...cursor],
        coronalLine: line(coronal, 'axial'),
        coronalExpected: coronal.screenPointOf(cursor)?.[1],
        sagittalLine: line(sagittal, 'axial'),
        sagittalExpected: sagittal.screenPointOf(cursor)?.[1],
      };
    },
    shifted([0, 0, 20]),
  );
  expect(Math.abs((after.cursor[2] as number) - (lesion.centerLps[2] + 20))).toBeLessThan(1);
  expect(after.coronalLine).toBeCloseTo(after.coronalExpected as number, 6);
  expect(after.sagittalLine).toBeCloseTo(after.sagittalExpected as number, 6);
  const [axialAtLesionXY] = await greysAt(layout, 'axial', [
    [lesion.centerLps[0], lesion.centerLps[1], after.cursor[2] as number],
  ]);
  expect(axialAtLesionXY as number).toBeLessThan(LESION_LEVEL - 20);
}

async function check3d(page: Page): Promise<void> {
  const layout = await mountLayout(page, '3d');
  // The volume's own CPU MIP along z through the lesion's (x, y): what a MIP seen from above must show there.
  const expected = await layout.evaluate((element, point) => {
    const view = (element as HTMLElementTagNameMap['fovea-volume-layout']).views[0];
    const volume = view?.seriesVolume?.volume;
    if (!view || !volume) throw new Error('no volume');
    const plane = {
      origin: point,
      rowDirection: [1, 0, 0],
      columnDirection: [0, 1, 0],
      columns: 1,
      rows: 1,
      pixelSpacing: [1, 1],
    } as Parameters<typeof volume.slab>[0];
    return volume.slab(plane, { thickness: 1000, mode: 'max' }).pixels[0] as number;
  }, lesion.centerLps);
  expect(expected).toBeGreaterThanOrEqual(lesion.hu);
  await layout.evaluate((element) => {
    const layout = element as HTMLElementTagNameMap['fovea-volume-layout'];
    const picker = layout.shadowRoot?.querySelector('select') as HTMLSelectElement;
    picker.value = 'mip';
    picker.dispatchEvent(new Event('change'));
    const view = layout.views[0] as HTMLElementTagNameMap['fovea-volume-viewport'];
    view.camera = { ...view.camera, elevation: 90 };
    view.setWindow(40, 400);
  });
  await expect
    .poll(() => layout.evaluate((e) => (e as HTMLElementTagNameMap['fovea-volume-layout']).views[0]?.preset))
    .toBe('mip');
  const [atLesion] = await greysAt(layout, '3d', [lesion.centerLps]);
  expect(Math.abs((atLesion as number) - linearLevel(expected, 40, 400))).toBeLessThanOrEqual(3);
}

test.describe('MPR and 3D of the CT phantom', () => {
  test('<fovea-viewer> switched to MPR by its toolbar shows the lesion exact in the coronal and sagittal views', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto(demoUrl('ehr-embed/'));
    await page.evaluate(() => customElements.whenDefined('fovea-viewer'));
    await page.evaluate(
      ({ study, series }) => {
        const viewer = document.createElement('fovea-viewer');
        viewer.setAttribute('dicomweb-root', '/dicom-web');
        viewer.setAttribute('study-uid', study);
        viewer.setAttribute('series-uid', series);
        viewer.style.cssText = 'display:block;width:1400px;height:640px';
        document.body.replaceChildren(viewer);
      },
      { study: ct.studyInstanceUID, series: ct.seriesInstanceUID },
    );
    await expect(page.locator('fovea-viewport')).toHaveCount(1, SLOW);
    await page.locator('fovea-toolbar select[part="layout"]').selectOption('mpr');
    const layout = page.locator('fovea-volume-layout');
    await volumeComplete(layout);
    await layout.evaluate((element, point) => {
      const views = (element as HTMLElementTagNameMap['fovea-volume-layout']).views;
      for (const view of views) view.setWindow(40, 400);
      views[0]?.setCursor(point);
    }, lesion.centerLps);
    for (const orientation of ['coronal', 'sagittal'] as const) {
      const [atLesion] = await greysAt(layout, orientation, [lesion.centerLps]);
      expect(atLesion, `${orientation} at the lesion`).toBe(LESION_LEVEL);
    }
    expect(errors).toEqual([]);
  });

  test('MPR: the lesion exact in all three planes through the cursor; a click moves planes and crosshairs together (WebGPU)', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await checkMpr(page);
    expect(errors).toEqual([]);
  });

  test('3D: the MIP seen from above shows the lesion where the camera projects it (WebGPU)', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await check3d(page);
    expect(errors).toEqual([]);
  });

  test('removing the layout ends its decoder and render workers', async ({ page }) => {
    const layout = await mountLayout(page, 'mpr');
    expect(page.workers().length).toBeGreaterThanOrEqual(2);
    await layout.evaluate((element) => element.remove());
    await expect.poll(() => page.workers().length).toBe(0);
  });

  test.describe('without WebGPU (WebGL2 fallback)', () => {
    let browser: Browser;
    test.beforeAll(async () => {
      browser = await chromium.launch({
        ...chromiumLaunchOptions,
        args: CHROMIUM_ARGS.filter((arg) => arg !== '--enable-unsafe-webgpu'),
      });
    });
    test.afterAll(() => browser.close());

    test('MPR and 3D show the same exact lesion on WebGL2', async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await checkMpr(page);
      expect(await page.evaluate(async () => (await navigator.gpu?.requestAdapter()) ?? null)).toBeNull();
      await check3d(page);
      expect(errors).toEqual([]);
    });
  });
});
