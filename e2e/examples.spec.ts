import { expect, test } from '@playwright/test';
import {
  collectErrors,
  demoUrl,
  linearLevel,
  nextLoad,
  primarySeries,
  sampleViewport,
} from './example-page.js';

/**
 * Every example on the demo server shows the right image content (pixels in known regions of the
 * sample studies), with no uncaught error in the console.
 */

test('the examples index links every example', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(demoUrl('/'));
  for (const [name, path] of [
    [/EHR embed/, './ehr-embed/'],
    [/React host/, './react-host/'],
    [/Patient portal/, './patient-portal/'],
    [/Strict CSP/, './strict-csp/'],
  ] as const) {
    await expect(page.getByRole('link', { name })).toHaveAttribute('href', path);
  }
  expect(errors).toEqual([]);
});

test('ehr-embed: the worklist opens the CT in <fovea-viewer>: series browser, lesion with exact grey levels, host status from its events', async ({
  page,
}) => {
  test.slow();
  const errors = collectErrors(page);
  await page.goto(demoUrl('ehr-embed/'));
  const ct = primarySeries('ct');
  const pet = primarySeries('pet');
  const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
  const loaded = nextLoad(page);
  await page.getByRole('button', { name: /^Open study of Phantom, CT/ }).click();
  expect(await loaded).toBe(300);
  // The host listed no series: the viewer's own browser shows the study's two, the CT opened.
  const viewer = page.locator('fovea-viewer');
  const series = viewer.locator('fovea-series-browser button[data-series-uid]');
  await expect(series).toHaveCount(2);
  await expect(series.nth(0)).toHaveAttribute('data-series-uid', ct.seriesInstanceUID);
  await expect(series.nth(1)).toHaveAttribute('data-series-uid', pet.seriesInstanceUID);
  await expect(series.nth(0)).toHaveAttribute('aria-current', 'true');
  // The host page's status line is written from the viewer's fovea-load event.
  await expect(page.locator('#viewer-status')).toHaveText('Showing a series of 300 images');
  const viewport = viewer.locator('fovea-viewport');
  await expect(viewport).toHaveCount(1);
  await expect(viewport).toHaveAttribute('series-uid', ct.seriesInstanceUID);
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
  expect(errors).toEqual([]);
});

test('react-host: React drives the viewer and follows its events; CT lesion and PET hot spot show', async ({
  page,
}) => {
  // Two series into a viewer on a shared 2-core machine: triple the default timeout.
  test.slow();
  const errors = collectErrors(page);
  await page.goto(demoUrl('react-host/'));
  const ct = primarySeries('ct');
  const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
  const loaded = nextLoad(page);
  await page.getByRole('button', { name: /^Open study of Phantom, CT/ }).click();
  expect(await loaded).toBe(300);
  // The status bar is React's, rendered from the fovea-load and fovea-view-change events.
  const status = page.locator('output.status');
  await expect(status).toHaveText('Frame 151 of 300, window 400 / 40');
  const viewer = page.locator('fovea-viewer');
  const viewports = viewer.locator('fovea-viewport');
  await expect(viewports).toHaveCount(1);
  const [atLesion, outside] = await sampleViewport(
    viewports.first(),
    [ct.columns, ct.rows],
    [
      [lesion.voxel.column, lesion.voxel.row],
      [2, 256],
    ],
  );
  expect(atLesion?.slice(0, 3)).toEqual(Array(3).fill(linearLevel(lesion.hu, 40, 400)));
  expect(outside?.slice(0, 3)).toEqual([0, 0, 0]);

  // React state sets the layout attribute: a second viewport opens the next series, the PET,
  // whose lesion is its hot spot.
  const pet = primarySeries('pet');
  const hot = (pet.facts.lesion as { voxel: { column: number; row: number } }).voxel;
  const petLoaded = nextLoad(page);
  await page.getByRole('radio', { name: '1x2' }).check();
  await expect(viewer).toHaveAttribute('layout', '1x2');
  await expect(viewports).toHaveCount(2);
  expect(await petLoaded).toBe(75);
  const [hotPixel, background] = await sampleViewport(
    viewports.nth(1),
    [pet.columns, pet.rows],
    [
      [hot.column, hot.row],
      [hot.column + 20, hot.row],
    ],
  );
  expect(hotPixel?.[0]).toBeGreaterThan(240);
  expect(background?.[0]).toBeLessThan((hotPixel?.[0] as number) / 2);
  expect(errors).toEqual([]);
});

/** Every text the page shows or announces: text nodes, labels and titles, shadow roots included. */
async function allText(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const visit = (root: Node): void => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element) {
          for (const name of ['aria-label', 'title', 'alt', 'aria-description'])
            parts.push(node.getAttribute(name) ?? '');
          if (node.shadowRoot) visit(node.shadowRoot);
          visit(node);
        }
      }
    };
    visit(document);
    return parts.join('\n');
  });
}

test('patient-portal: the read-only viewer shows the CT and no patient identifiers', async ({ page }) => {
  test.slow();
  const errors = collectErrors(page);
  await page.goto(demoUrl('patient-portal/'));
  const ct = primarySeries('ct');
  const lesion = ct.facts.lesion as { hu: number; voxel: { column: number; row: number } };
  const loaded = nextLoad(page);
  await page.getByRole('button', { name: /^View images: Phantom CT and FDG PET/ }).click();
  expect(await loaded).toBe(300);
  const viewer = page.locator('fovea-viewer');
  await expect(viewer).toHaveAttribute('mode', 'portal');
  const viewport = viewer.locator('fovea-viewport');
  await expect(viewport).toHaveCount(1);
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

  // Identifiers of the sample patient, as stored ((0010,0010), (0010,0020), (0010,0030),
  // (0008,0050), (0008,0080)) and as a viewer would format them: none may appear anywhere.
  const text = await allText(page);
  expect(text).toContain('Phantom CT and FDG PET');
  for (const identifier of [
    'Phantom^CT',
    'Phantom, CT',
    'FOVEA-PH-CT',
    '19700101',
    '1970-01-01',
    'FOVEA-0001',
    'Fovea Phantom Laboratory',
  ]) {
    expect(text).not.toContain(identifier);
  }
  // Control: the same viewer in diagnostic mode shows the patient ID, and the search above sees it.
  await viewer.evaluate((element) => element.setAttribute('mode', 'diagnostic'));
  await expect.poll(() => allText(page)).toContain('FOVEA-PH-CT');
  expect(errors).toEqual([]);
});
