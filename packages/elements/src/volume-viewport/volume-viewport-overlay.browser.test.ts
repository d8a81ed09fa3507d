/**
 * The overlay of `<fovea-volume-viewport>` in Chromium against Orthanc: patient-direction letters
 * at the edges of each plane and of the 3D view, and a scale bar whose length on screen is the
 * distance the view's own geometry (`screenPointOf`) puts between two points that many mm apart.
 */
import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient, type Vec3 } from '@fovea/core';
import { RenderDevice } from '@fovea/render';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineFoveaElements } from '../define.js';
import type { FoveaErrorEvent } from '../events/error-event.js';
import { filledVolume } from '../test-support/filled-volume.js';
import { storeSampleSeries } from '../test-support/sample-series.js';
import type { SeriesVolume } from './series-volume.js';
import type { FoveaVolumeViewport, VolumeOrientation } from './volume-viewport.js';

defineFoveaElements();

const client = new DicomWebClient({ root: '/dicom-web' });
let lesion: Vec3;
let pool: DecoderPool;
let device: RenderDevice;
let series: SeriesVolume;

beforeAll(async () => {
  const excerpt = await storeSampleSeries(client, 'ct--implicit-le');
  lesion = excerpt.facts.lesion.centerLps;
  pool = new DecoderPool({ size: 2 });
  device = await RenderDevice.create();
  series = await filledVolume(client, excerpt, pool, device);
}, 120_000);

afterAll(() => {
  series?.dispose();
  device?.dispose();
  pool?.dispose();
});

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(orientation: VolumeOrientation, preset = 'mip'): Promise<FoveaVolumeViewport> {
  const view = document.createElement('fovea-volume-viewport');
  view.style.cssText = 'display:block;width:400px;height:300px';
  Object.assign(view, { renderDevice: device, volume: series, orientation, preset, cursor: lesion });
  const loaded = new Promise<void>((resolve, reject) => {
    view.addEventListener('fovea-load', () => resolve(), { once: true });
    view.addEventListener('fovea-error', (event) => reject((event as FoveaErrorEvent).error), { once: true });
  });
  document.body.append(view);
  await loaded;
  await view.updateComplete;
  return view;
}

function letters(view: FoveaVolumeViewport): Record<string, string> {
  const marks = [...(view.shadowRoot as ShadowRoot).querySelectorAll('[part="orientation-marker"]')];
  return Object.fromEntries(marks.map((mark) => [(mark as HTMLElement).dataset.edge, mark.textContent]));
}

/** The scale bar's length in mm and on screen (CSS pixels, as laid out). */
function scaleBar(view: FoveaVolumeViewport): { mm: number; px: number } {
  const bar = (view.shadowRoot as ShadowRoot).querySelector('[part="scale-bar"]') as HTMLElement;
  return { mm: Number(bar.dataset.mm), px: bar.getBoundingClientRect().width };
}

/** CSS pixels between where the view draws `point` and `point` moved `mm` along `direction`. */
function screenLength(view: FoveaVolumeViewport, point: Vec3, direction: Vec3, mm: number): number {
  const a = view.screenPointOf(point) as [number, number];
  const b = view.screenPointOf([
    point[0] + direction[0] * mm,
    point[1] + direction[1] * mm,
    point[2] + direction[2] * mm,
  ]) as [number, number];
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

describe('<fovea-volume-viewport> overlay', () => {
  it.each([
    ['axial', { top: 'A', right: 'L', bottom: 'P', left: 'R' }, [1, 0, 0]],
    ['coronal', { top: 'H', right: 'L', bottom: 'F', left: 'R' }, [1, 0, 0]],
    ['sagittal', { top: 'H', right: 'P', bottom: 'F', left: 'A' }, [0, 1, 0]],
  ] as const)(
    'labels the %s plane’s edges and scales its bar in mm, zoomed or not',
    async (orientation, edges, across) => {
      const view = await mount(orientation);
      expect(letters(view)).toEqual(edges);
      const fitted = scaleBar(view);
      // A round length (1, 2 or 5 × 10ⁿ mm), at most 30 % of the 400 px width.
      expect(String(fitted.mm)).toMatch(/^[125]0*$/);
      expect(fitted.px).toBeLessThanOrEqual(120 + 0.01);
      expect(fitted.px).toBeCloseTo(screenLength(view, lesion, [...across], fitted.mm), 1);
      view.zoomBy(4);
      await view.updateComplete;
      const zoomed = scaleBar(view);
      expect(zoomed.mm).toBeLessThan(fitted.mm);
      expect(zoomed.px).toBeCloseTo(screenLength(view, lesion, [...across], zoomed.mm), 1);
      // The label still gives the plane's position in mm.
      const label = (view.shadowRoot as ShadowRoot).querySelector('[part="label"]')?.textContent ?? '';
      expect(label).toMatch(/ -?\d+\.\d mm/);
    },
  );

  it('labels the 3D view’s edges from its camera and scales its bar (the camera is orthographic)', async () => {
    const view = await mount('3d');
    // From the front (anterior view): the patient's left on the right, head up.
    expect(letters(view)).toEqual({ top: 'H', right: 'L', bottom: 'F', left: 'R' });
    const front = scaleBar(view);
    expect(front.px).toBeCloseTo(screenLength(view, lesion, [1, 0, 0], front.mm), 1);
    // Seen from above after a zoom, the head-up camera tips over: posterior is up on screen (where
    // the camera projects a point behind the lesion), the patient's left still on the right.
    view.camera = { ...view.camera, elevation: 90 };
    view.zoomBy(3);
    await view.updateComplete;
    expect(letters(view)).toEqual({ top: 'P', right: 'L', bottom: 'A', left: 'R' });
    const behind = view.screenPointOf([lesion[0], lesion[1] + 10, lesion[2]]) as [number, number];
    expect(behind[1]).toBeLessThan((view.screenPointOf(lesion) as [number, number])[1] - 10);
    const above = scaleBar(view);
    expect(above.px).toBeCloseTo(screenLength(view, lesion, [1, 0, 0], above.mm), 1);
    expect(above.mm).toBeLessThan(front.mm);
  });
});
