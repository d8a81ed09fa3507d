/**
 * `<fovea-volume-viewport>` view controls in Chromium against Orthanc, on WebGPU and forced
 * WebGL2: tools, zoom and pan of planes and of the 3D view, inversion and reset. The CT excerpt's
 * lesion (LPS (−70, 14, 0), 130 HU, radius 6 mm) must keep its exact grey level wherever the
 * view's geometry says it is drawn, and a click there must move the cursor onto it.
 */
import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient, type Vec3 } from '@fovea/core';
import { type BackendKind, RenderDevice } from '@fovea/render';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineFoveaElements } from '../define.js';
import type { FoveaErrorEvent } from '../events/error-event.js';
import type { FoveaToolChangeEvent } from '../events/tool-change-event.js';
import type { FoveaViewChangeEvent } from '../events/view-change-event.js';
import { filledVolume } from '../test-support/filled-volume.js';
import { type SampleSeries, storeSampleSeries } from '../test-support/sample-series.js';
import type { SeriesVolume } from './series-volume.js';
import type { FoveaVolumeViewport } from './volume-viewport.js';

defineFoveaElements();

const BACKENDS: readonly BackendKind[] = ['webgpu', 'webgl2'];
const client = new DicomWebClient({ root: '/dicom-web' });
let excerpt: SampleSeries;
let lesion: SampleSeries['facts']['lesion'];
let pool: DecoderPool;
const devices = new Map<BackendKind, RenderDevice>();
const volumes = new Map<BackendKind, SeriesVolume>();

beforeAll(async () => {
  excerpt = await storeSampleSeries(client, 'ct--implicit-le');
  lesion = excerpt.facts.lesion;
  pool = new DecoderPool({ size: 2 });
}, 120_000);

afterAll(() => {
  for (const volume of volumes.values()) volume.dispose();
  for (const device of devices.values()) device.dispose();
  pool?.dispose();
});

afterEach(() => {
  document.body.replaceChildren();
});

/** The excerpt as one filled volume on a device of `kind` (made once per backend). */
async function volumeOn(kind: BackendKind): Promise<{ device: RenderDevice; series: SeriesVolume }> {
  let device = devices.get(kind);
  if (!device) {
    device = await RenderDevice.create({ backends: [kind] });
    devices.set(kind, device);
  }
  expect(device.backend.kind).toBe(kind);
  let series = volumes.get(kind);
  if (!series) {
    series = await filledVolume(client, excerpt, pool, device);
    volumes.set(kind, series);
  }
  return { device, series };
}

/** DICOM LINEAR VOI (PS3.3 C.11.2.1.2.1) to an 8-bit level; inverted, the window's output is turned over before quantising. */
function linearLevel(value: number, center: number, width: number, inverted = false): number {
  const y = Math.min(1, Math.max(0, (value - (center - 0.5)) / (width - 1) + 0.5));
  return Math.floor(255 * (inverted ? 1 - y : y));
}

async function mount(
  kind: BackendKind,
  properties: Partial<FoveaVolumeViewport>,
): Promise<FoveaVolumeViewport> {
  const { device, series } = await volumeOn(kind);
  const view = document.createElement('fovea-volume-viewport');
  view.style.cssText = 'display:block;width:400px;height:400px';
  Object.assign(view, { renderDevice: device, volume: series, ...properties });
  const loaded = new Promise<void>((resolve, reject) => {
    view.addEventListener('fovea-load', () => resolve(), { once: true });
    view.addEventListener('fovea-error', (event) => reject((event as FoveaErrorEvent).error), { once: true });
  });
  document.body.append(view);
  await loaded;
  return view;
}

/** Grey level of the canvas pixel under CSS point (x, y). */
async function greyAt(view: FoveaVolumeViewport, point: readonly [number, number]): Promise<number> {
  return (await greysAt(view, [point]))[0] as number;
}

/** Grey levels under CSS points, from one frame (each read draws the view again: 3D frames are slow). */
async function greysAt(
  view: FoveaVolumeViewport,
  points: readonly (readonly [number, number])[],
): Promise<number[]> {
  await view.drawn();
  const { width, data } = await view.readPixels();
  const ratio = devicePixelRatio || 1;
  return points.map(([x, y]) => data[(Math.floor(y * ratio) * width + Math.floor(x * ratio)) * 4] as number);
}

/** A primary-button press at (x, y) CSS pixels of the view, moved through `path`, released. */
function press(view: FoveaVolumeViewport, [x, y]: readonly [number, number], path: [number, number][] = []) {
  const box = view.getBoundingClientRect();
  const at = (px: number, py: number) => ({
    bubbles: true,
    button: 0,
    pointerId: 3,
    clientX: box.left + px,
    clientY: box.top + py,
  });
  view.dispatchEvent(new PointerEvent('pointerdown', at(x, y)));
  for (const [px, py] of path) view.dispatchEvent(new PointerEvent('pointermove', at(px, py)));
  const [ex, ey] = path.at(-1) ?? [x, y];
  view.dispatchEvent(new PointerEvent('pointerup', at(ex, ey)));
}

const shifted = (p: Readonly<Vec3>, d: Readonly<Vec3>): Vec3 => [p[0] + d[0], p[1] + d[1], p[2] + d[2]];
const distance = (a: readonly number[], b: readonly number[]) =>
  Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number));

describe.each(BACKENDS)('<fovea-volume-viewport> view controls on %s', (kind) => {
  it('zooms and pans a plane: the lesion stays exact where the view puts it, a click there moves the cursor onto it', async () => {
    const view = await mount(kind, { orientation: 'axial' });
    view.setWindow(40, 400);
    const level = linearLevel(lesion.hu, 40, 400);
    const before = view.screenPointOf(lesion.centerLps) as [number, number];
    const besideBefore = view.screenPointOf(shifted(lesion.centerLps, [10, 0, 0])) as [number, number];
    view.zoomBy(3, [before[0] - 200, before[1] - 200]);
    view.panBy(-40, 25);
    await view.updateComplete;
    expect(view.planeZoom.scale).toBeCloseTo(3, 12);
    const after = view.screenPointOf(lesion.centerLps) as [number, number];
    // Zoomed about the lesion, then panned: it moved by the pan alone.
    expect(after[0]).toBeCloseTo(before[0] - 40, 6);
    expect(after[1]).toBeCloseTo(before[1] + 25, 6);
    // Three times as large on screen.
    const besideAfter = view.screenPointOf(shifted(lesion.centerLps, [10, 0, 0])) as [number, number];
    expect(distance(after, besideAfter)).toBeCloseTo(3 * distance(before, besideBefore), 6);
    expect(await greyAt(view, after)).toBe(level);
    // 4 mm off the centre is still inside the 6 mm lesion; 10 mm is soft tissue, darker.
    expect(
      await greyAt(view, view.screenPointOf(shifted(lesion.centerLps, [0, 4, 0])) as [number, number]),
    ).toBe(level);
    expect(await greyAt(view, besideAfter)).toBeLessThan(level - 20);
    // Move the cursor away, then click the lesion's screen point: the cursor lands on the lesion.
    view.setCursor(shifted(lesion.centerLps, [30, -30, 0.5]));
    press(view, after);
    const cursor = view.cursor as Vec3;
    expect(distance(cursor, lesion.centerLps)).toBeLessThan(0.5);
    // The crosshairs cross at the cursor, where the zoomed and panned view draws it.
    await view.updateComplete;
    const drawnAt = view.screenPointOf(cursor) as [number, number];
    const lines = [...(view.shadowRoot as ShadowRoot).querySelectorAll('line')];
    const vertical = lines.find(
      (line) => line.getAttribute('x1') === line.getAttribute('x2'),
    ) as SVGLineElement;
    const horizontal = lines.find(
      (line) => line.getAttribute('y1') === line.getAttribute('y2'),
    ) as SVGLineElement;
    expect(Number(vertical.getAttribute('x1'))).toBeCloseTo(drawnAt[0], 6);
    expect(Number(horizontal.getAttribute('y1'))).toBeCloseTo(drawnAt[1], 6);
    expect(distance(drawnAt, after)).toBeLessThan(3 * 2);
  });

  it('drags with the zoom tool about the press point and with the pan tool by the pointer travel', async () => {
    const view = await mount(kind, { orientation: 'coronal', cursor: lesion.centerLps, tool: 'zoom' });
    const start = view.screenPointOf(lesion.centerLps) as [number, number];
    // 100 px up doubles the magnification; the point under the press stays there.
    press(view, start, [
      [start[0], start[1] - 50],
      [start[0], start[1] - 100],
    ]);
    expect(view.planeZoom.scale).toBeCloseTo(2, 9);
    const still = view.screenPointOf(lesion.centerLps) as [number, number];
    expect(still[0]).toBeCloseTo(start[0], 6);
    expect(still[1]).toBeCloseTo(start[1], 6);
    expect(view.cursor).toEqual(lesion.centerLps);
    view.tool = 'pan';
    press(
      view,
      [100, 100],
      [
        [120, 110],
        [160, 70],
      ],
    );
    const moved = view.screenPointOf(lesion.centerLps) as [number, number];
    expect(moved[0]).toBeCloseTo(start[0] + 60, 6);
    expect(moved[1]).toBeCloseTo(start[1] - 30, 6);
    view.setWindow(40, 400);
    expect(await greyAt(view, moved)).toBe(linearLevel(lesion.hu, 40, 400));
  });

  it('inverts the grey scale and resets zoom, pan, window and inversion', async () => {
    const view = await mount(kind, { orientation: 'sagittal', cursor: lesion.centerLps });
    const changes: FoveaViewChangeEvent[] = [];
    view.addEventListener('fovea-view-change', (event) => changes.push(event));
    view.setWindow(40, 400);
    view.invert();
    expect(view.inverted).toBe(true);
    await view.updateComplete;
    expect(view.hasAttribute('inverted')).toBe(true);
    expect(await greyAt(view, view.screenPointOf(lesion.centerLps) as [number, number])).toBe(
      linearLevel(lesion.hu, 40, 400, true),
    );
    view.zoomBy(2);
    view.panBy(15, 15);
    view.resetView();
    expect(view.planeZoom).toEqual({ scale: 1, pan: [0, 0] });
    expect(view.inverted).toBe(false);
    expect(view.window).toBeUndefined();
    const last = changes.at(-1) as FoveaViewChangeEvent;
    expect(last.window).toEqual(view.shownWindow);
    expect(last.view?.scale).toBe(1);
    const { center, width } = view.shownWindow;
    expect(await greyAt(view, view.screenPointOf(lesion.centerLps) as [number, number])).toBe(
      linearLevel(lesion.hu, center, width),
    );
  });

  it('zooms and pans the 3D view: the MIP of the lesion is drawn where the camera projects it', {
    timeout: 180_000,
  }, async () => {
    const view = await mount(kind, { orientation: '3d', preset: 'mip' });
    view.camera = { ...view.camera, elevation: 90 };
    view.setWindow(40, 400);
    const before = view.screenPointOf(lesion.centerLps) as [number, number];
    const besideBefore = view.screenPointOf(shifted(lesion.centerLps, [0, 12, 0])) as [number, number];
    view.zoomBy(2, [before[0] - 200, before[1] - 200]);
    view.panBy(20, -10);
    const after = view.screenPointOf(lesion.centerLps) as [number, number];
    expect(after[0]).toBeCloseTo(before[0] + 20, 6);
    expect(after[1]).toBeCloseTo(before[1] - 10, 6);
    const besideAfter = view.screenPointOf(shifted(lesion.centerLps, [0, 12, 0])) as [number, number];
    expect(distance(after, besideAfter)).toBeCloseTo(2 * distance(before, besideBefore), 6);
    const [level, beside] = (await greysAt(view, [after, besideAfter])) as [number, number];
    expect(Math.abs(level - linearLevel(lesion.hu, 40, 400))).toBeLessThanOrEqual(2);
    expect(beside).toBeLessThan(level - 20);
    // Inversion is a plane presentation: the 3D view ignores it; reset brings the camera back.
    view.invert();
    view.resetView();
    expect(view.camera).toEqual({ azimuth: 0, elevation: 0, zoom: 1, pan: [0, 0] });
  });
});

describe('<fovea-volume-viewport> tool', () => {
  it('reflects the tool, reports a change, and refuses an unknown one with INVALID_TOOL', async () => {
    const view = await mount('webgpu', { orientation: 'axial' });
    expect(view.tool).toBe('windowLevel');
    const changes: FoveaToolChangeEvent[] = [];
    const errors: FoveaErrorEvent[] = [];
    view.addEventListener('fovea-tool-change', (event) => changes.push(event));
    view.addEventListener('fovea-error', (event) => errors.push(event));
    view.tool = 'scroll';
    await view.updateComplete;
    expect(view.getAttribute('tool')).toBe('scroll');
    expect(changes.map((event) => [event.tool, event.previousTool])).toEqual([['scroll', 'windowLevel']]);
    view.setAttribute('tool', 'lasso');
    await view.updateComplete;
    await view.updateComplete;
    expect(view.tool).toBe('scroll');
    expect((errors[0]?.error as { code?: string } | undefined)?.code).toBe('INVALID_TOOL');
    // The scroll tool pages through planes: 20 px down at 4 px per step (1 % of 400 px) is 5 slices of 1 mm.
    const z = view.plane?.origin[2] as number;
    press(
      view,
      [200, 100],
      [
        [200, 110],
        [200, 120],
      ],
    );
    expect(Math.abs(((view.cursor as Vec3)[2] as number) - z)).toBeCloseTo(5, 9);
    // Key Z picks the zoom tool.
    view.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', bubbles: true }));
    await view.updateComplete;
    expect(view.tool).toBe('zoom');
  });
});
