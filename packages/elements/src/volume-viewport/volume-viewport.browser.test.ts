/**
 * `<fovea-volume-viewport>` in Chromium against Orthanc: the CT phantom's 24-slice excerpt around
 * its lesion (LPS (−70, 14, 0), 130 HU, radius 6 mm) is stored through STOW-RS, then streamed into
 * one volume and shown as planes and as a MIP. Expected grey levels come from the lesion's place
 * and the DICOM window, positions from the planes' geometry: nothing is a stored screenshot.
 */
import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient, type Vec3 } from '@fovea/core';
import { RenderDevice } from '@fovea/render';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineFoveaElements } from '../define.js';
import type { FoveaErrorEvent } from '../events/error-event.js';
import { filledVolume } from '../test-support/filled-volume.js';
import { type SampleSeries, storeSampleSeries } from '../test-support/sample-series.js';
import { linkCursors } from './cursor-link.js';
import type { SeriesVolume } from './series-volume.js';
import type { FoveaVolumeLayout } from './volume-layout.js';
import type { FoveaVolumeViewport } from './volume-viewport.js';

defineFoveaElements();

let excerpt: SampleSeries;
let lesion: SampleSeries['facts']['lesion'];
const client = new DicomWebClient({ root: '/dicom-web' });
let device: RenderDevice;
let pool: DecoderPool;

beforeAll(async () => {
  // The generated sample studies, served by the test's Vite server from the repository's cache.
  excerpt = await storeSampleSeries(client, 'ct--implicit-le');
  lesion = excerpt.facts.lesion;
  device = await RenderDevice.create();
  pool = new DecoderPool({ size: 2 });
}, 120_000);

afterAll(() => {
  device?.dispose();
  pool?.dispose();
});

afterEach(() => {
  document.body.replaceChildren();
});

/** DICOM LINEAR VOI (PS3.3 C.11.2.1.2.1) to an 8-bit level. */
function linearLevel(value: number, center: number, width: number): number {
  const y = (value - (center - 0.5)) / (width - 1) + 0.5;
  return Math.floor(255 * Math.min(1, Math.max(0, y)));
}

function mount(attributes: Record<string, string>, properties: Partial<FoveaVolumeViewport> = {}) {
  const view = document.createElement('fovea-volume-viewport');
  view.style.cssText = 'display:block;width:400px;height:400px';
  for (const [name, value] of Object.entries(attributes)) view.setAttribute(name, value);
  Object.assign(view, properties);
  document.body.append(view);
  return view;
}

function loaded(view: FoveaVolumeViewport): Promise<void> {
  return new Promise((resolve, reject) => {
    view.addEventListener('fovea-load', () => resolve(), { once: true });
    view.addEventListener('fovea-error', (event) => reject((event as FoveaErrorEvent).error), { once: true });
  });
}

function complete(series: SeriesVolume): Promise<void> {
  return series.fill();
}

/** The excerpt streamed into a volume of its own on the shared device, every slice in. */
function filledExcerpt(): Promise<SeriesVolume> {
  return filledVolume(client, excerpt, pool, device);
}

/** Grey level of the canvas pixel under CSS point (x, y). */
async function greyAt(view: FoveaVolumeViewport, [x, y]: readonly [number, number]): Promise<number> {
  await view.drawn();
  const { width, data } = await view.readPixels();
  const ratio = devicePixelRatio || 1;
  return data[(Math.floor(y * ratio) * width + Math.floor(x * ratio)) * 4] as number;
}

const shifted = (p: Readonly<Vec3>, d: Readonly<Vec3>): Vec3 => [p[0] + d[0], p[1] + d[1], p[2] + d[2]];

describe('<fovea-volume-viewport> against Orthanc', () => {
  it('streams a series into a volume and shows the lesion exactly on a coronal plane through it', async () => {
    const view = mount(
      {
        'dicomweb-root': '/dicom-web',
        'study-uid': excerpt.studyInstanceUID,
        'series-uid': excerpt.seriesInstanceUID,
        orientation: 'coronal',
      },
      { renderDevice: device, decoderPool: pool, cursor: lesion.centerLps },
    );
    const progress: number[] = [];
    view.addEventListener('fovea-progress', (event) => progress.push(event.loaded));
    await loaded(view);
    await complete(view.seriesVolume as SeriesVolume);
    expect(progress.at(-1)).toBe(24);
    view.setWindow(40, 400);
    const atLesion = view.screenPointOf(lesion.centerLps) as [number, number];
    expect(await greyAt(view, atLesion)).toBe(linearLevel(lesion.hu, 40, 400));
    // 10 mm to the patient's left (+x) is outside the lesion: soft tissue, darker.
    const beside = view.screenPointOf(shifted(lesion.centerLps, [10, 0, 0])) as [number, number];
    expect(await greyAt(view, beside)).toBeLessThan(linearLevel(lesion.hu, 40, 400) - 20);
    // The crosshair lines cross at the cursor.
    const lines = [...(view.shadowRoot as ShadowRoot).querySelectorAll('line')];
    expect(lines.map((line) => line.dataset.plane).sort()).toEqual(['axial', 'sagittal']);
    const vertical = lines.find((line) => line.dataset.plane === 'sagittal') as SVGLineElement;
    expect(Number(vertical.getAttribute('x1'))).toBeCloseTo(atLesion[0], 6);
  });

  it('keeps three views of one shared volume on one cursor: a click in one moves the others', async () => {
    const series = await filledExcerpt();
    const views = (['axial', 'coronal', 'sagittal'] as const).map((orientation) =>
      mount({ orientation }, { renderDevice: device, volume: series }),
    );
    await Promise.all(views.map(loaded));
    const unlink = linkCursors(views);
    const [axial, coronal, sagittal] = views as [
      FoveaVolumeViewport,
      FoveaVolumeViewport,
      FoveaVolumeViewport,
    ];
    for (const view of views) view.setWindow(40, 400);
    // The axial view opens at the volume centre (z = +0.5 mm), which cuts the lesion: click on it.
    const target = axial.screenPointOf(lesion.centerLps) as [number, number];
    const box = axial.getBoundingClientRect();
    const press = {
      bubbles: true,
      button: 0,
      pointerId: 7,
      clientX: box.left + target[0],
      clientY: box.top + target[1],
    };
    axial.dispatchEvent(new PointerEvent('pointerdown', press));
    axial.dispatchEvent(new PointerEvent('pointerup', press));
    const cursor = axial.cursor as Vec3;
    expect(Math.hypot(cursor[0] - lesion.centerLps[0], cursor[1] - lesion.centerLps[1])).toBeLessThan(1);
    expect(coronal.cursor).toEqual(cursor);
    expect(sagittal.cursor).toEqual(cursor);
    // The lesion shows in the other two planes, where their geometry puts the cursor.
    for (const view of [coronal, sagittal]) {
      expect(await greyAt(view, view.screenPointOf(cursor) as [number, number])).toBe(
        linearLevel(lesion.hu, 40, 400),
      );
    }
    // The wheel moves the axial plane one slice (1 mm) along its normal; the others follow.
    axial.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true }));
    const moved = axial.cursor as Vec3;
    expect(Math.abs(Math.abs(moved[2] - cursor[2]) - 1)).toBeLessThan(1e-9);
    expect(coronal.cursor).toEqual(moved);
    await coronal.updateComplete;
    const horizontal = [...(coronal.shadowRoot as ShadowRoot).querySelectorAll('line')].find(
      (line) => line.dataset.plane === 'axial',
    ) as SVGLineElement;
    expect(Number(horizontal.getAttribute('y1'))).toBeCloseTo(
      (coronal.screenPointOf(moved) as number[])[1] as number,
      6,
    );
    unlink();
    series.dispose();
  });

  it('projects a thick slab: a 20 mm MIP around a plane 8 mm above the lesion shows it, the thin plane does not', async () => {
    const series = await filledExcerpt();
    const above = shifted(lesion.centerLps, [0, 0, 8]);
    const view = mount({ orientation: 'axial' }, { renderDevice: device, volume: series, cursor: above });
    await loaded(view);
    view.setWindow(40, 400);
    const at = view.screenPointOf(above) as [number, number];
    // The lesion's radius is 6 mm: 8 mm above its centre the plane holds soft tissue only.
    expect(await greyAt(view, at)).toBeLessThan(linearLevel(lesion.hu, 40, 400) - 20);
    view.slabThickness = 20;
    view.slabMode = 'max';
    await view.updateComplete;
    expect(await greyAt(view, at)).toBe(linearLevel(lesion.hu, 40, 400));
    // MinIP over the same slab: the darkest sample, not the lesion.
    view.slabMode = 'min';
    await view.updateComplete;
    expect(await greyAt(view, at)).toBeLessThan(linearLevel(lesion.hu, 40, 400) - 20);
    series.dispose();
  });

  it('shows the lesion brightest where the camera projects it in a MIP seen from above', async () => {
    const series = await filledExcerpt();
    const view = mount({ orientation: '3d', preset: 'mip' }, { renderDevice: device, volume: series });
    await loaded(view);
    view.camera = { ...view.camera, elevation: 90 };
    view.setWindow(40, 400);
    // Seen from above, each ray runs along z: the largest value of the excerpt's column through
    // the lesion centre is the lesion's (the slices hold soft tissue, liver or lung above and below it).
    const atLesion = view.screenPointOf(lesion.centerLps) as [number, number];
    const level = await greyAt(view, atLesion);
    expect(Math.abs(level - linearLevel(lesion.hu, 40, 400))).toBeLessThanOrEqual(2);
    const beside = view.screenPointOf(shifted(lesion.centerLps, [0, 12, 0])) as [number, number];
    expect(await greyAt(view, beside)).toBeLessThan(level - 20);
    series.dispose();
  });

  it('says in the element, with a typed code, when the series is not a volume', async () => {
    // A single radiograph (or cine) of the corpus: one instance, not CT, MR or PET.
    const series = (await (
      await fetch('/dicom-web/series?includefield=00201209&includefield=00080060&limit=1000')
    ).json()) as Record<string, { Value?: unknown[] }>[];
    const single = series.find(
      (s) =>
        s['00201209']?.Value?.[0] === 1 &&
        !['CT', 'MR', 'PT', 'NM', 'SEG', 'SR'].includes(String(s['00080060']?.Value?.[0])),
    );
    if (!single) throw new Error('the corpus has no single-image series');
    const view = mount(
      {
        'dicomweb-root': '/dicom-web',
        'study-uid': String(single['0020000D']?.Value?.[0]),
        'series-uid': String(single['0020000E']?.Value?.[0]),
      },
      { renderDevice: device, decoderPool: pool },
    );
    const error = await loaded(view).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as { code?: string }).code).toBe('NOT_A_VOLUME');
    await view.updateComplete;
    expect((view.shadowRoot as ShadowRoot).querySelector('[part="error"]')?.textContent).toContain(
      'NOT_A_VOLUME',
    );
  });

  it('lays out axial, coronal and sagittal views of one volume that follow one cursor, and a 3D view with presets', async () => {
    const layout = document.createElement('fovea-volume-layout') as FoveaVolumeLayout;
    layout.style.cssText = 'display:flex;width:900px;height:300px';
    Object.assign(layout, {
      client,
      decoderPool: pool,
      renderDevice: device,
      studyUid: excerpt.studyInstanceUID,
      seriesUid: excerpt.seriesInstanceUID,
    });
    document.body.append(layout);
    // The views appear once the volume is made; each is ready after its first frame.
    const views = await until(() =>
      layout.views.length === 3 && layout.views.every((view) => view.isReady) ? layout.views : undefined,
    );
    expect(views.map((view) => view.orientation)).toEqual(['axial', 'coronal', 'sagittal']);
    // One volume for all three.
    expect(new Set(views.map((view) => view.seriesVolume)).size).toBe(1);
    const [axial, coronal, sagittal] = views as [
      FoveaVolumeViewport,
      FoveaVolumeViewport,
      FoveaVolumeViewport,
    ];
    sagittal.setCursor(lesion.centerLps);
    expect(axial.cursor).toEqual(lesion.centerLps);
    expect(coronal.cursor).toEqual(lesion.centerLps);
    // One window for the three planes.
    coronal.setWindow(-600, 1500);
    expect(axial.window).toEqual({ center: -600, width: 1500 });
    expect(sagittal.window).toEqual({ center: -600, width: 1500 });
    layout.layout = '3d';
    const [rendering] = await until(() =>
      layout.views[0]?.orientation === '3d' && layout.views[0].isReady ? layout.views : undefined,
    );
    const picker = (layout.shadowRoot as ShadowRoot).querySelector('select') as HTMLSelectElement;
    expect(picker.getAttribute('aria-label')).toBe('3D rendering');
    picker.value = 'mip';
    picker.dispatchEvent(new Event('change'));
    await layout.updateComplete;
    expect((rendering as FoveaVolumeViewport).preset).toBe('mip');
    layout.remove();
  });
});

/** Waits until `probe` gives something, checking every 25 ms for up to 20 s. */
async function until<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 800; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}
