import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, type Locator, type Page, test } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../scripts/browser/chromium.mjs';
import {
  collectErrors,
  demoUrl,
  type ImagePoint,
  linearLevel,
  primarySeries,
  sampleViewport,
} from './example-page.js';

/**
 * `<fovea-viewer>` end to end: the built element on the demo server, against Orthanc with the
 * generated studies. The element is mounted from attributes alone on the EHR example's page (its
 * origin proxies /dicom-web), replacing that page's own content.
 */

// Loads of a 300-slice CT behind the first image share two cores with the demo server and Orthanc:
// generous limits, so a loaded machine slows these tests down rather than failing them.
test.describe.configure({ timeout: 120_000 });
const SLOW = { timeout: 45_000 };

const ct = primarySeries('ct');
const pet = primarySeries('pet');

/**
 * Opens the EHR example's origin and puts one `<fovea-viewer>` with `attributes` in place of the
 * page's content; resolves when its first image is on screen.
 */
async function mountViewer(page: Page, attributes: Record<string, string>): Promise<Locator> {
  await page.goto(demoUrl('ehr-embed/'));
  await page.evaluate(() => customElements.whenDefined('fovea-viewer'));
  await page.evaluate((attributes) => {
    const viewer = document.createElement('fovea-viewer');
    for (const [name, value] of Object.entries(attributes)) viewer.setAttribute(name, value);
    viewer.style.cssText = 'display:block;width:1000px;height:640px';
    (window as unknown as { firstImage: Promise<void> }).firstImage = new Promise((resolve, reject) => {
      viewer.addEventListener('fovea-load', () => resolve(), { once: true });
      viewer.addEventListener('fovea-error', (e) => reject(new Error(String(e.error))), { once: true });
    });
    document.body.replaceChildren(viewer);
  }, attributes);
  await page.evaluate(() => (window as unknown as { firstImage: Promise<void> }).firstImage);
  return page.locator('fovea-viewer');
}

/**
 * RGBA of the active viewport's canvas pixels showing these image pixels (image fitted, centred):
 * the viewport in the cell marked active, the one the viewer's `activeViewport` gives.
 */
function sampleActive(viewer: Locator, image: ImagePoint, points: readonly ImagePoint[]) {
  return sampleViewport(viewer.locator('[part~="active"] > fovea-viewport'), image, points);
}

/** The active viewport's series and the frame it shows (0-based). */
function activeState(viewer: Locator) {
  return viewer.evaluate((element) => {
    const viewport = (element as HTMLElementTagNameMap['fovea-viewer']).activeViewport;
    return { series: viewport?.seriesUid, frame: viewport?.shownFrameIndex, count: viewport?.frameCount };
  });
}

/**
 * axe's WCAG 2.1 A and AA rules over the page's `<fovea-viewer>`: each violation as one line (rule,
 * help, where), and how many checks passed (none would mean axe never saw inside the shadow roots).
 */
async function wcagCheck(page: Page): Promise<{ violations: string[]; passes: unknown[] }> {
  const results = await new AxeBuilder({ page })
    .include('fovea-viewer')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
  return { violations, passes: results.passes };
}

/** Every text the viewer shows, the shadow roots of its parts included. */
function allText(viewer: Locator): Promise<string> {
  return viewer.evaluate((element) => {
    const walk = (root: Element | ShadowRoot): string =>
      [
        root.textContent ?? '',
        ...[...root.querySelectorAll('*')].map((e) => (e.shadowRoot ? walk(e.shadowRoot) : '')),
      ].join(' ');
    return walk(element.shadowRoot as ShadowRoot);
  });
}

test('opens the CT study from attributes alone; the lesion slice shows exact grey levels', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const viewer = await mountViewer(page, { 'dicomweb-root': '/dicom-web', 'study-uid': ct.studyInstanceUID });
  // Thumbnails of both series (CT, then PET by series number), each drawn.
  const thumbnails = viewer.locator('fovea-series-browser button[data-series-uid]');
  await expect(thumbnails).toHaveCount(2);
  await expect(thumbnails.nth(0)).toHaveAttribute('data-series-uid', ct.seriesInstanceUID);
  await expect(thumbnails.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(viewer.locator('fovea-series-browser canvas[data-drawn="true"]')).toHaveCount(2, SLOW);
  // The study header carries the patient (diagnostic mode).
  await expect(viewer.locator('[part="header"]')).toContainText('Phantom, CT');

  // The CT opens in the middle of the volume; the lesion's slice is one step back.
  expect(await activeState(viewer)).toEqual({ series: ct.seriesInstanceUID, frame: 150, count: 300 });
  const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
  await viewer.locator('fovea-viewport').click();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await activeState(viewer)).frame, SLOW).toBe(149);
  const image: ImagePoint = [ct.columns, ct.rows];
  const [atLesion, outside] = await sampleActive(viewer, image, [
    [lesion.voxel.column, lesion.voxel.row],
    [2, 256],
  ]);
  expect(atLesion?.slice(0, 3)).toEqual(Array(3).fill(linearLevel(lesion.hu, 40, 400)));
  expect(outside?.slice(0, 3)).toEqual([0, 0, 0]);

  // A preset from the toolbar applies to the active viewport.
  await viewer.locator('fovea-toolbar select[part="preset"]').selectOption('brain');
  await expect
    .poll(async () => (await sampleActive(viewer, image, [[lesion.voxel.column, lesion.voxel.row]]))[0]?.[0])
    .toBe(linearLevel(lesion.hu, 40, 80));
  expect(errors).toEqual([]);
});

test('clicking the PET thumbnail shows PET in the active viewport, lesion hottest', async ({ page }) => {
  const errors = collectErrors(page);
  const viewer = await mountViewer(page, { 'dicomweb-root': '/dicom-web', 'study-uid': ct.studyInstanceUID });
  await viewer.locator(`fovea-series-browser button[data-series-uid="${pet.seriesInstanceUID}"]`).click();
  await expect.poll(async () => (await activeState(viewer)).series, SLOW).toBe(pet.seriesInstanceUID);
  await expect.poll(async () => (await activeState(viewer)).count, SLOW).toBe(75);
  await expect.poll(async () => (await activeState(viewer)).frame, SLOW).toBe(37);
  const lesion = pet.facts.lesion as { voxel: { column: number; row: number } };
  const sample = () =>
    sampleActive(
      viewer,
      [pet.columns, pet.rows],
      [
        [lesion.voxel.column, lesion.voxel.row],
        [lesion.voxel.column + 20, lesion.voxel.row],
      ],
    );
  await expect.poll(async () => (await sample())[0]?.[0], SLOW).toBeGreaterThan(240);
  const [hot, background] = await sample();
  expect(background?.[0]).toBeLessThan((hot?.[0] as number) / 2);
  expect(errors).toEqual([]);
});

test('switches layouts from the toolbar (MPR included); a dragged thumbnail fills the viewport it is dropped on', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const viewer = await mountViewer(page, { 'dicomweb-root': '/dicom-web', 'study-uid': ct.studyInstanceUID });
  const layout = viewer.locator('fovea-toolbar select[part="layout"]');
  await layout.selectOption('2x2');
  await expect(viewer.locator('[part~="cell"]')).toHaveCount(4);
  // Two series for four places: CT and PET, then two empty viewports waiting for a drop.
  const viewports = viewer.locator('fovea-viewport');
  await expect(viewports).toHaveCount(2);
  await expect(viewports.nth(0)).toHaveAttribute('series-uid', ct.seriesInstanceUID);
  await expect(viewports.nth(1)).toHaveAttribute('series-uid', pet.seriesInstanceUID);
  await expect(viewer.locator('[part~="cell"]').nth(3)).toContainText('Drop a series here');

  await viewer
    .locator(`fovea-series-browser button[data-series-uid="${ct.seriesInstanceUID}"]`)
    .dragTo(viewer.locator('[part~="cell"]').nth(3));
  await expect(viewports).toHaveCount(3);
  await expect(viewer.locator('[part~="cell"]').nth(3)).toHaveAttribute('part', 'cell active');
  await expect(viewer.locator('[part~="cell"]').nth(3).locator('fovea-viewport')).toHaveAttribute(
    'series-uid',
    ct.seriesInstanceUID,
  );

  await layout.selectOption('1x2');
  await expect(viewer.locator('[part~="cell"]')).toHaveCount(2);
  // MPR reconstructs the first viewport's series (the CT) with <fovea-volume-layout>.
  await layout.selectOption('mpr');
  await expect(viewer.locator('fovea-volume-layout')).toHaveAttribute('layout', 'mpr');
  await expect(viewer.locator('fovea-volume-layout')).toHaveAttribute('series-uid', ct.seriesInstanceUID);
  await expect(viewports).toHaveCount(0);
  await layout.selectOption('1x1');
  await expect(viewports).toHaveCount(1);
  expect(errors).toEqual([]);
});

/** What identifies the CT phantom's patient and study (its DICOM header, as generated). */
const IDENTIFIERS = [
  'Phantom, CT',
  'Phantom^CT',
  'FOVEA-PH-CT',
  'FOVEA-0001',
  '2024-01-15',
  '20240115',
  '1970',
];

test('portal mode shows no patient identifiers; diagnostic mode does', async ({ page }) => {
  const errors = collectErrors(page);
  const diagnostic = await mountViewer(page, {
    'dicomweb-root': '/dicom-web',
    'study-uid': ct.studyInstanceUID,
  });
  // The control: identifiers are on screen in diagnostic mode, so their absence below means something.
  await expect.poll(() => allText(diagnostic)).toContain('Phantom, CT');
  expect(await allText(diagnostic)).toContain('FOVEA-PH-CT');
  const portal = await mountViewer(page, {
    'dicomweb-root': '/dicom-web',
    'study-uid': ct.studyInstanceUID,
    mode: 'portal',
  });
  await expect(portal.locator('fovea-viewport')).toHaveAttribute('portal', '');
  const text = await allText(portal);
  for (const identifier of IDENTIFIERS) expect(text).not.toContain(identifier);
  await expect(portal.locator('[part="header"]')).toHaveCount(0);
  await expect(portal.locator('fovea-toolbar select')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('every control has an accessible name, and Tab reaches toolbar, series and viewport in order', async ({
  page,
}) => {
  const viewer = await mountViewer(page, { 'dicomweb-root': '/dicom-web', 'study-uid': ct.studyInstanceUID });
  await expect(viewer.locator('fovea-series-browser button[data-series-uid]')).toHaveCount(2);
  // Chromium's own accessibility tree, as assistive technology gets it (an axe-style name check).
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }>;
  };
  const interactive = nodes.filter(
    (node) =>
      !node.ignored && ['button', 'combobox', 'slider', 'progressbar'].includes(node.role?.value ?? ''),
  );
  expect(interactive.length).toBeGreaterThan(12);
  const unnamed = interactive.filter((node) => !node.name?.value.trim());
  expect(unnamed).toEqual([]);

  // Focus order: one stop for the toolbar, one for the series list, then the viewport.
  await page.evaluate(() => {
    const start = document.createElement('button');
    start.textContent = 'start';
    document.body.prepend(start);
    start.focus();
  });
  const stops: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        let element: Element | null = document.activeElement;
        const path: string[] = [];
        while (element) {
          path.push(element.localName);
          element = element.shadowRoot?.activeElement ?? null;
        }
        return path
          .filter((name) => name.startsWith('fovea-') || name === 'button' || name === 'select')
          .join('>');
      }),
    );
  }
  expect(stops.slice(0, 3)).toEqual([
    'fovea-viewer>fovea-toolbar>button',
    'fovea-viewer>fovea-series-browser>button',
    'fovea-viewer>fovea-viewport',
  ]);
});

for (const [mode, theme] of [
  ['diagnostic', 'dark'],
  ['portal', 'light'],
] as const) {
  test(`axe finds no WCAG 2.1 AA violation in the ${mode} viewer, ${theme} theme`, async ({ page }) => {
    const errors = collectErrors(page);
    await mountViewer(page, { 'dicomweb-root': '/dicom-web', 'study-uid': ct.studyInstanceUID, mode, theme });
    const results = await wcagCheck(page);
    expect(results.violations).toEqual([]);
    // The check must have looked inside the viewer's shadow roots, not at an empty host.
    expect(results.passes.length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
}

/**
 * The inverse presentation of DICOM LINEAR VOI, as the renderer draws it (render's voi.ts: the
 * level falls from 255 to 0 across the window): `floor(255 × (1 − y))`. That is 255 − the upright
 * level only where `255 × y` is a whole number; elsewhere one less.
 */
function invertedLevel(value: number, center: number, width: number): number {
  const y = (value - (center - 0.5)) / (width - 1) + 0.5;
  return Math.floor(255 * (1 - Math.min(1, Math.max(0, y))));
}

/** Generous limits for the 300-slice CT volume, streamed and uploaded on the shared 2-core machine. */
const VOLUME = { timeout: 240_000 };
const ctLesion = ct.facts.lesion as { centerLps: [number, number, number]; hu: number };
const LESION_LEVEL = linearLevel(ctLesion.hu, 40, 400);

/**
 * Puts a `<fovea-viewer>` of the CT study in the `mpr` layout (or what `attributes` say, e.g.
 * `layout: '3d'`) on the page and records every value of its progress bar; resolves once the volume
 * layout says its volumes are complete (`fovea-load`), with the page's errors collected from the start.
 */
async function mountVolumeViewer(
  page: Page,
  attributes: Record<string, string> = {},
  size: readonly [number, number] = [1200, 560],
): Promise<{ viewer: Locator; errors: string[] }> {
  const errors = collectErrors(page);
  await page.goto(demoUrl('ehr-embed/'));
  await page.evaluate(() => customElements.whenDefined('fovea-viewer'));
  await page.evaluate(
    ({ attributes, size }) => {
      const viewer = document.createElement('fovea-viewer');
      for (const [name, value] of Object.entries(attributes)) viewer.setAttribute(name, value);
      viewer.style.cssText = `display:block;width:${size[0]}px;height:${size[1]}px`;
      const record = window as unknown as { bar: Array<[number, number]>; complete: Promise<void> };
      record.bar = [];
      record.complete = new Promise((resolve, reject) => {
        viewer.addEventListener('fovea-load', (event) => {
          // The layout's own event (its volumes are complete), seen through the viewer's shadow root.
          if ((event.composedPath()[0] as Element).localName === 'fovea-volume-layout') resolve();
        });
        viewer.addEventListener('fovea-error', (e) => reject(new Error(String(e.error))), { once: true });
      });
      document.body.replaceChildren(viewer);
      const root = viewer.shadowRoot as ShadowRoot;
      const sample = () => {
        const bar = root.querySelector('progress[part="progress"]');
        if (bar) record.bar.push([Number(bar.getAttribute('value')), Number(bar.getAttribute('max'))]);
      };
      new MutationObserver(sample).observe(root, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['value', 'max'],
      });
    },
    {
      attributes: {
        'dicomweb-root': '/dicom-web',
        'study-uid': ct.studyInstanceUID,
        layout: 'mpr',
        ...attributes,
      },
      size,
    },
  );
  await page.evaluate(() => (window as unknown as { complete: Promise<void> }).complete);
  return { viewer: page.locator('fovea-viewer'), errors };
}

/** RGBA of view `orientation` of the viewer's volume layout at patient points, where its geometry draws them. */
async function volumeRgbaAt(
  viewer: Locator,
  orientation: 'axial' | 'coronal' | 'sagittal' | '3d',
  points: readonly (readonly number[])[],
): Promise<number[][]> {
  return viewer.evaluate(
    async (element, { orientation, points }) => {
      const layout = element.shadowRoot?.querySelector('fovea-volume-layout');
      const view = layout?.views.find((v) => v.orientation === orientation);
      if (!view) throw new Error(`no ${orientation} view`);
      await view.drawn();
      const { width, data } = await view.readPixels();
      return points.map((point) => {
        const at = view.screenPointOf(point as [number, number, number]);
        if (!at) throw new Error('point not on screen');
        const offset =
          (Math.floor(at[1] * devicePixelRatio) * width + Math.floor(at[0] * devicePixelRatio)) * 4;
        return Array.from(data.subarray(offset, offset + 4));
      });
    },
    { orientation, points },
  );
}

/** Puts the MPR cursor on `point` (the planes pass through it) and waits for every view to draw. */
async function cursorTo(viewer: Locator, point: readonly number[]): Promise<void> {
  await viewer.evaluate(async (element, point) => {
    const layout = element.shadowRoot?.querySelector('fovea-volume-layout');
    const views = layout?.views ?? [];
    views[0]?.setCursor(point as [number, number, number]);
    await Promise.all(views.map((view) => view.drawn()));
  }, point);
}

const PLANES = ['axial', 'coronal', 'sagittal'] as const;
type Plane = (typeof PLANES)[number];

/** RGBA of each MPR plane at the patient points `pointsOf(plane)` gives it, plane by plane. */
async function planesRgbaAt(
  viewer: Locator,
  pointsOf: (plane: Plane) => readonly (readonly number[])[],
): Promise<Record<Plane, number[][]>> {
  const seen: Partial<Record<Plane, number[][]>> = {};
  for (const plane of PLANES) seen[plane] = await volumeRgbaAt(viewer, plane, pointsOf(plane));
  return seen as Record<Plane, number[][]>;
}

const besideLesion = (orientation: Plane): [number, number, number] => {
  const [x, y, z] = ctLesion.centerLps;
  // 10 mm away within the plane: soft tissue (posterior on the sagittal plane, to the left on the others).
  return orientation === 'sagittal' ? [x, y + 10, z] : [x + 10, y, z];
};

test('in the MPR layout the progress bar counts the CT volume to its whole series, then hides', async ({
  page,
}) => {
  test.setTimeout(VOLUME.timeout);
  const { viewer, errors } = await mountVolumeViewer(page);
  await expect(viewer.locator('[part="progress"]')).toHaveCount(0, SLOW);
  const bar = await page.evaluate(() => (window as unknown as { bar: Array<[number, number]> }).bar);
  // Slices of the 300-slice CT, counted up to all of them while the volume streams in.
  const slices = bar.filter(([, max]) => max === ct.instances);
  expect(slices.length).toBeGreaterThan(10);
  expect(slices.at(-1)).toEqual([ct.instances, ct.instances]);
  const values = slices.map(([value]) => value);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(errors).toEqual([]);
});

test('in the MPR layout the toolbar acts on every plane: lung preset, invert, reset, and the tool', async ({
  page,
}) => {
  test.setTimeout(VOLUME.timeout);
  const { viewer, errors } = await mountVolumeViewer(page);
  await cursorTo(viewer, ctLesion.centerLps);
  const lesionLevels = async () => {
    const seen = await planesRgbaAt(viewer, () => [ctLesion.centerLps]);
    return PLANES.map((plane) => seen[plane][0]?.[0] ?? -1);
  };
  // The series' own window (its first slice's W 400 / L 40) to begin with.
  expect(await lesionLevels()).toEqual([LESION_LEVEL, LESION_LEVEL, LESION_LEVEL]);
  const lung = linearLevel(ctLesion.hu, -600, 1500);
  await viewer.locator('fovea-toolbar select[part="preset"]').selectOption('lung');
  await expect.poll(lesionLevels, SLOW).toEqual([lung, lung, lung]);
  await viewer.locator('fovea-toolbar [data-action="invert"]').click();
  await expect(viewer.locator('fovea-toolbar [data-action="invert"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const inverted = invertedLevel(ctLesion.hu, -600, 1500);
  await expect.poll(lesionLevels, SLOW).toEqual([inverted, inverted, inverted]);
  await viewer.locator('fovea-toolbar [data-action="reset"]').click();
  await expect.poll(lesionLevels, SLOW).toEqual([LESION_LEVEL, LESION_LEVEL, LESION_LEVEL]);
  await expect(viewer.locator('fovea-toolbar [data-action="invert"]')).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  // The tool chosen in the toolbar is every view's; rotate, flip and cine are not offered for planes.
  await viewer.locator('fovea-toolbar [data-action="tool-pan"]').click();
  await expect(viewer.locator('fovea-volume-viewport[tool="pan"]')).toHaveCount(3);
  await expect(viewer.locator('fovea-toolbar [data-action="rotate"]')).toHaveCount(0);
  await expect(viewer.locator('fovea-toolbar [data-action="cine"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('in the MPR layout "Fuse PET" draws the PET lesion hot over the CT lesion in all three planes; the CT shows through elsewhere', async ({
  page,
}) => {
  test.setTimeout(VOLUME.timeout);
  const { viewer, errors } = await mountVolumeViewer(page);
  await cursorTo(viewer, ctLesion.centerLps);
  const sample = () => planesRgbaAt(viewer, (plane) => [ctLesion.centerLps, besideLesion(plane)]);
  const ctOnly = await sample();
  for (const plane of PLANES) {
    expect(ctOnly[plane][0]?.slice(0, 3), `${plane}: CT alone`).toEqual([
      LESION_LEVEL,
      LESION_LEVEL,
      LESION_LEVEL,
    ]);
  }
  // The study's PET shares the CT's frame of reference: the toggle is offered, named, not pressed.
  const toggle = viewer.locator('fovea-toolbar [data-action="fusion"]');
  await expect(toggle).toHaveAccessibleName('Fuse PET');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(viewer.locator('fovea-volume-layout')).toHaveAttribute(
    'fusion-series-uid',
    pet.seriesInstanceUID,
  );
  await expect
    .poll(
      () =>
        viewer.evaluate(
          (element) =>
            element.shadowRoot?.querySelector('fovea-volume-layout')?.fusionVolume?.complete === true,
        ),
      VOLUME,
    )
    .toBe(true);
  await cursorTo(viewer, ctLesion.centerLps);
  const fused = await sample();
  for (const plane of PLANES) {
    const [lesion = [], beside = []] = fused[plane];
    const [aloneLesion = [], aloneBeside = []] = ctOnly[plane];
    // Hot: the PET lesion (its hottest voxels, the top of hot iron) lifts the red channel above the CT's grey.
    expect(lesion[0] as number, `${plane}: red at the lesion`).toBeGreaterThan(
      (aloneLesion[0] as number) + 10,
    );
    // Elsewhere the PET is cool (hot iron has no green below half its range): green is the CT's grey
    // seen through the PET layer, half of it at the default opacity 0.5.
    expect(aloneBeside[1] as number).toBeGreaterThan(20);
    expect(
      Math.abs((beside[1] as number) - (aloneBeside[1] as number) / 2),
      `${plane}: CT through`,
    ).toBeLessThanOrEqual(1.5);
  }
  // Off again: the CT alone, exactly as before.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect
    .poll(async () => (await volumeRgbaAt(viewer, 'axial', [ctLesion.centerLps]))[0]?.slice(0, 3), SLOW)
    .toEqual(ctOnly.axial[0]?.slice(0, 3));
  expect(errors).toEqual([]);
});

for (const [layout, mode, theme] of [
  ['mpr', 'diagnostic', 'dark'],
  ['3d', 'portal', 'light'],
] as const) {
  test(`axe finds no WCAG 2.1 AA violation in the ${layout} layout of the ${mode} viewer, ${theme} theme`, async ({
    page,
  }) => {
    // axe itself took 80 s over the 3D layout on the loaded 2-core machine, after a 66 s load.
    test.setTimeout(2 * VOLUME.timeout);
    // The 3D view ray-casts every pixel on a software GPU: a smaller viewer keeps it quick.
    const { viewer, errors } = await mountVolumeViewer(
      page,
      { layout, mode, theme },
      layout === '3d' ? [720, 400] : [1200, 560],
    );
    await expect(viewer.locator('fovea-volume-viewport')).toHaveCount(layout === 'mpr' ? 3 : 1);
    const results = await wcagCheck(page);
    expect(results.violations).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
}

test('removing the viewer from the page ends its decoder and render workers', async ({ page }) => {
  const viewer = await mountViewer(page, { 'dicomweb-root': '/dicom-web', 'study-uid': ct.studyInstanceUID });
  // Render worker, decoders for the viewport and the thumbnails: one pool, one device.
  await expect(viewer.locator('fovea-series-browser canvas[data-drawn="true"]')).toHaveCount(2, SLOW);
  expect(page.workers().length).toBeGreaterThanOrEqual(2);
  await viewer.evaluate((element) => element.remove());
  await expect.poll(() => page.workers().length).toBe(0);
});

test('without WebGPU the viewer falls back to WebGL2 and shows the same exact CT grey levels', async () => {
  // Chromium offers no WebGPU adapter on a software GPU without this flag: the real fallback path,
  // in a browser of its own (launch options cannot change within one spec file's worker).
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: CHROMIUM_ARGS.filter((arg) => arg !== '--enable-unsafe-webgpu'),
  });
  try {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const viewer = await mountViewer(page, {
      'dicomweb-root': '/dicom-web',
      'study-uid': ct.studyInstanceUID,
    });
    expect(await page.evaluate(async () => (await navigator.gpu?.requestAdapter()) ?? null)).toBeNull();
    const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
    await viewer.locator('fovea-viewport').click();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await activeState(viewer)).frame, SLOW).toBe(149);
    const [atLesion, outside] = await sampleActive(
      viewer,
      [ct.columns, ct.rows],
      [
        [lesion.voxel.column, lesion.voxel.row],
        [2, 256],
      ],
    );
    expect(atLesion?.slice(0, 3)).toEqual(Array(3).fill(linearLevel(lesion.hu, 40, 400)));
    expect(outside?.slice(0, 3)).toEqual([0, 0, 0]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
