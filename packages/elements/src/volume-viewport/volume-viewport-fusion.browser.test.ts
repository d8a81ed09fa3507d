/**
 * PET over CT in `<fovea-volume-viewport>`, in Chromium against Orthanc, on WebGPU and forced
 * WebGL2: the generated PET/CT (its lesion is hot where the CT lesion is, LPS (−70, 14, 0)).
 * Each expected pixel is a CPU composite computed here from the two volumes: core's trilinear
 * reslice of each at the canvas pixel's centre, the CT through the DICOM window, the PET through
 * its stored window (or the `fusion-window-*` one) and HOT_IRON, blended
 * `colour·α + grey·(1 − α)`.
 */
import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient, planePixelToPatient, type SlicePlane, type Vec3, type Volume } from '@fovea/core';
import { type BackendKind, RenderDevice } from '@fovea/render';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineFoveaElements } from '../define.js';
import type { FoveaErrorEvent } from '../events/error-event.js';
import { filledVolume } from '../test-support/filled-volume.js';
import { type SampleSeries, storeSampleSeries } from '../test-support/sample-series.js';
import type { SeriesVolume } from './series-volume.js';
import type { FoveaVolumeViewport } from './volume-viewport.js';

defineFoveaElements();

const BACKENDS: readonly BackendKind[] = ['webgpu', 'webgl2'];
const OPACITY = 0.5;
const client = new DicomWebClient({ root: '/dicom-web' });
let ctSeries: SampleSeries;
let petSeries: SampleSeries;
let pool: DecoderPool;
const loaded = new Map<BackendKind, { device: RenderDevice; ct: SeriesVolume; pet: SeriesVolume }>();

beforeAll(async () => {
  ctSeries = await storeSampleSeries(client, 'ct--implicit-le');
  petSeries = await storeSampleSeries(client, 'pet');
  pool = new DecoderPool({ size: 2 });
}, 180_000);

afterAll(() => {
  for (const { device, ct, pet } of loaded.values()) {
    ct.dispose();
    pet.dispose();
    device.dispose();
  }
  pool?.dispose();
});

afterEach(() => {
  document.body.replaceChildren();
});

async function volumesOn(kind: BackendKind) {
  const done = loaded.get(kind);
  if (done) return done;
  const device = await RenderDevice.create({ backends: [kind] });
  const entry = {
    device,
    ct: await filledVolume(client, ctSeries, pool, device),
    pet: await filledVolume(client, petSeries, pool, device),
  };
  loaded.set(kind, entry);
  return entry;
}

/** DICOM LINEAR VOI (PS3.3 C.11.2.1.2.1) to an 8-bit level, in double precision. */
function linearLevel(value: number, center: number, width: number): number {
  const y = (value - (center - 0.5)) / (width - 1) + 0.5;
  return Math.floor(255 * Math.min(1, Math.max(0, y)));
}

/** HOT_IRON (PS3.6 Annex B) as its Palette Color LUT Data lists it. */
function hotIron(k: number): [number, number, number] {
  return [
    k < 128 ? 2 * k : 255,
    k < 128 ? 0 : k < 255 ? 2 * (k - 128) : 255,
    k < 192 ? 0 : k < 255 ? 4 * (k - 191) : 255,
  ];
}

/** The volume's trilinear sample at `point` (mm LPS), by core's reslice of a one-pixel plane there. */
function sampleAt(volume: Volume, plane: SlicePlane, point: Vec3, fill: number): number {
  const one: SlicePlane = { ...plane, origin: point, columns: 1, rows: 1 };
  return volume.reslice(one, { fill }).pixels[0] as number;
}

/** The patient point at the centre of the canvas pixel under CSS point (x, y), from the view's own geometry. */
function canvasPixelCentre(view: FoveaVolumeViewport, [x, y]: readonly [number, number]): Vec3 {
  const plane = view.plane as SlicePlane;
  const ratio = devicePixelRatio || 1;
  const origin = view.screenPointOf(planePixelToPatient(plane, 0, 0)) as [number, number];
  const next = view.screenPointOf(planePixelToPatient(plane, 1, 1)) as [number, number];
  const cx = (Math.floor(x * ratio) + 0.5) / ratio;
  const cy = (Math.floor(y * ratio) + 0.5) / ratio;
  return planePixelToPatient(
    plane,
    (cx - origin[0]) / (next[0] - origin[0]),
    (cy - origin[1]) / (next[1] - origin[1]),
  );
}

/** The composite expected at CSS point `at` of a plane view of the CT (window 40/400) with the PET fused through `petWindow`. */
function composite(
  view: FoveaVolumeViewport,
  { ct, pet }: { ct: SeriesVolume; pet: SeriesVolume },
  petWindow: { center: number; width: number },
  at: readonly [number, number],
) {
  const plane = view.plane as SlicePlane;
  const point = canvasPixelCentre(view, at);
  const grey = linearLevel(sampleAt(ct.volume, plane, point, -1024), 40, 400);
  const level = linearLevel(
    sampleAt(pet.volume, plane, point, Number.NaN),
    petWindow.center,
    petWindow.width,
  );
  return { grey, level, rgb: hotIron(level).map((c) => Math.round(c * OPACITY + grey * (1 - OPACITY))) };
}

/** A plane view of `ct` through the lesion, on screen, with `pet` fused and the CT window 40/400. */
async function fusedView(
  { device, ct, pet }: { device: RenderDevice; ct: SeriesVolume; pet: SeriesVolume },
  attributes: Record<string, string> = {},
): Promise<FoveaVolumeViewport> {
  const view = document.createElement('fovea-volume-viewport');
  view.style.cssText = 'display:block;width:400px;height:400px';
  for (const [name, value] of Object.entries(attributes)) view.setAttribute(name, value);
  Object.assign(view, {
    renderDevice: device,
    volume: ct,
    orientation: 'axial',
    cursor: ctSeries.facts.lesion.centerLps,
  });
  const ready = new Promise<void>((resolve, reject) => {
    view.addEventListener('fovea-load', () => resolve(), { once: true });
    view.addEventListener('fovea-error', (event) => reject((event as FoveaErrorEvent).error), { once: true });
  });
  document.body.append(view);
  await ready;
  view.fusion = pet;
  view.setWindow(40, 400);
  await view.drawn();
  return view;
}

function expectClose(shown: readonly number[], expected: readonly number[]): void {
  for (let c = 0; c < 3; c++)
    expect(Math.abs((shown[c] as number) - (expected[c] as number))).toBeLessThanOrEqual(1);
}

function fusionText(view: FoveaVolumeViewport): string | undefined {
  return (view.shadowRoot as ShadowRoot).querySelector('[part="fusion"]')?.textContent ?? undefined;
}

/**
 * A PET window of 0 … 11.8 SUVbw (Bq/ml): wider than the stored 0 … 6, so the lesion (8 SUV) no
 * longer saturates and background uptake (about 1 SUV) is dimmer than by default.
 */
const PET_WINDOW = { center: 20000, width: 40000 };

function rgbAt(frame: { width: number; data: Uint8Array }, [x, y]: readonly [number, number]): number[] {
  const ratio = devicePixelRatio || 1;
  const i = (Math.floor(y * ratio) * frame.width + Math.floor(x * ratio)) * 4;
  return [...frame.data.subarray(i, i + 3)];
}

describe.each(BACKENDS)('<fovea-volume-viewport> fusion on %s', (kind) => {
  it('draws the PET in hot iron over the CT: the lesion hot, the CT grey showing through elsewhere', {
    timeout: 180_000,
  }, async () => {
    const { device, ct, pet } = await volumesOn(kind);
    expect(device.backend.kind).toBe(kind);
    const lesion = ctSeries.facts.lesion.centerLps;
    const view = document.createElement('fovea-volume-viewport');
    view.style.cssText = 'display:block;width:400px;height:400px';
    // The fused volume arrives once the view is up, as a layout loading it hands it over.
    Object.assign(view, {
      renderDevice: device,
      volume: ct,
      orientation: 'axial',
      cursor: lesion,
    });
    const ready = new Promise<void>((resolve, reject) => {
      view.addEventListener('fovea-load', () => resolve(), { once: true });
      view.addEventListener('fovea-error', (event) => reject((event as FoveaErrorEvent).error), {
        once: true,
      });
    });
    document.body.append(view);
    await ready;
    view.fusion = pet;
    expect(view.fusionOpacity).toBe(OPACITY);
    expect(view.fusionColormap).toBe('hot-iron');
    view.setWindow(40, 400);
    await view.drawn();
    const frame = await view.readPixels();
    const plane = view.plane as SlicePlane;
    // By default the PET's own stored window: the generator wrote 3 ± 3 SUVbw in Bq/ml.
    const petWindow = pet.storedWindow as { center: number; width: number };
    const bqmlPerSuv = petSeries.facts.bqmlPerSuvbw as number;
    expect(petWindow).toEqual({ center: Math.round(3 * bqmlPerSuv), width: Math.round(6 * bqmlPerSuv) });
    expect(plane).toBeDefined();
    const expected = (at: [number, number]) => composite(view, { ct, pet }, petWindow, at);
    const atLesion = view.screenPointOf(lesion) as [number, number];
    const hot = expected(atLesion);
    // The PET lesion is hot (SUV 8 of the phantom's range), the CT lesion 130 HU.
    expect(hot.grey).toBe(linearLevel(130, 40, 400));
    expect(hot.level).toBeGreaterThan(160);
    const shown = rgbAt(frame, atLesion);
    for (let c = 0; c < 3; c++)
      expect(Math.abs((shown[c] as number) - (hot.rgb[c] as number))).toBeLessThanOrEqual(1);
    // Brighter than the CT lesion alone: the PET's hot colour adds to it.
    expect(shown[0]).toBeGreaterThan(hot.grey + 10);
    // 25 mm towards the patient's left: soft tissue and background uptake; the PET's dim red only
    // tints it, the CT grey shows through in green and blue.
    const aside = view.screenPointOf([lesion[0] + 25, lesion[1], lesion[2]]) as [number, number];
    const cold = expected(aside);
    expect(cold.level).toBeLessThan(128);
    const there = rgbAt(frame, aside);
    for (let c = 0; c < 3; c++)
      expect(Math.abs((there[c] as number) - (cold.rgb[c] as number))).toBeLessThanOrEqual(1);
    expect(Math.abs((there[1] as number) - Math.round(cold.grey * (1 - OPACITY)))).toBeLessThanOrEqual(1);
    expect(there[1]).toBe(there[2]);
    // Without the fusion the plane is the CT alone, grey, exact.
    view.fusion = undefined;
    await view.drawn();
    const alone = rgbAt(await view.readPixels(), atLesion);
    expect(alone).toEqual([hot.grey, hot.grey, hot.grey]);
  });

  it('windows the PET with fusion-window-center / -width (Bq/ml): the predicted composite, not the default one', {
    timeout: 180_000,
  }, async () => {
    const volumes = await volumesOn(kind);
    const lesion = ctSeries.facts.lesion.centerLps;
    const view = await fusedView(volumes);
    const at = [
      view.screenPointOf(lesion) as [number, number],
      view.screenPointOf([lesion[0] + 25, lesion[1], lesion[2]]) as [number, number],
    ];
    const before = await view.readPixels();
    view.setAttribute('fusion-window-center', String(PET_WINDOW.center));
    view.setAttribute('fusion-window-width', String(PET_WINDOW.width));
    await view.drawn();
    expect([view.fusionWindowCenter, view.fusionWindowWidth]).toEqual([PET_WINDOW.center, PET_WINDOW.width]);
    const after = await view.readPixels();
    const defaultWindow = volumes.pet.storedWindow as { center: number; width: number };
    for (const point of at) {
      const windowed = composite(view, volumes, PET_WINDOW, point);
      // The window is not the default: the levels it predicts differ from the stored window's.
      expect(windowed.level).not.toBe(composite(view, volumes, defaultWindow, point).level);
      expectClose(rgbAt(after, point), windowed.rgb);
      expect(rgbAt(after, point)).not.toEqual(rgbAt(before, point));
    }
    // The lesion (8 SUV, about 27 kBq/ml) saturates the stored window (hot iron's top) but not this one.
    const atLesion = at[0] as [number, number];
    expect(composite(view, volumes, defaultWindow, atLesion).level).toBe(255);
    expect(composite(view, volumes, PET_WINDOW, atLesion).level).toBeLessThan(200);
  });
});

describe('<fovea-volume-viewport> fusion settings', () => {
  it('refuses an opacity outside 0 … 1 or an unknown colour map with INVALID_FUSION and keeps the previous', async () => {
    const view = document.createElement('fovea-volume-viewport');
    const errors: FoveaErrorEvent[] = [];
    view.addEventListener('fovea-error', (event) => errors.push(event));
    document.body.append(view);
    await view.updateComplete;
    view.setAttribute('fusion-opacity', '0.8');
    await view.updateComplete;
    expect(view.fusionOpacity).toBe(0.8);
    view.setAttribute('fusion-opacity', '1.5');
    await view.updateComplete;
    expect(view.fusionOpacity).toBe(0.8);
    view.setAttribute('fusion-colormap', 'rainbow');
    await view.updateComplete;
    expect(view.fusionColormap).toBe('rainbow');
    view.setAttribute('fusion-colormap', 'jet');
    await view.updateComplete;
    expect(view.fusionColormap).toBe('rainbow');
    expect(errors.map((event) => (event.error as { code?: string }).code)).toEqual([
      'INVALID_FUSION',
      'INVALID_FUSION',
    ]);
  });
});

describe('<fovea-volume-viewport> fusion window', () => {
  it('refuses a wrong window with INVALID_FUSION naming the value, and keeps drawing the previous one', {
    timeout: 180_000,
  }, async () => {
    const volumes = await volumesOn('webgpu');
    const view = await fusedView(volumes, {
      'fusion-window-center': String(PET_WINDOW.center),
      'fusion-window-width': String(PET_WINDOW.width),
    });
    const aside = view.screenPointOf([-45, 14, 0]) as [number, number];
    const expected = composite(view, volumes, PET_WINDOW, aside).rgb;
    expectClose(rgbAt(await view.readPixels(), aside), expected);
    const errors: FoveaErrorEvent[] = [];
    view.addEventListener('fovea-error', (event) => errors.push(event));
    const wrong: Array<[string, string | null]> = [
      ['fusion-window-width', '0'],
      ['fusion-window-width', '-100'],
      ['fusion-window-center', 'hot'],
      ['fusion-window-center', null],
    ];
    for (const [name, value] of wrong) {
      if (value === null) view.removeAttribute(name);
      else view.setAttribute(name, value);
      await view.drawn();
      expect([view.fusionWindowCenter, view.fusionWindowWidth]).toEqual([
        PET_WINDOW.center,
        PET_WINDOW.width,
      ]);
      expectClose(rgbAt(await view.readPixels(), aside), expected);
    }
    const refused = errors.map((event) => event.error as { code?: string; message: string });
    expect(refused.map((error) => error.code)).toEqual(Array(4).fill('INVALID_FUSION'));
    expect(refused.map((error) => error.message)).toEqual([
      expect.stringContaining('width 0'),
      expect.stringContaining('width -100'),
      expect.stringContaining('centre NaN'),
      expect.stringContaining(`only the width ${PET_WINDOW.width}`),
    ]);
    expect(view.isReady).toBe(true);
  });

  it('names the fusion in the plane overlay (modality, window, opacity) and drops the line without it', {
    timeout: 180_000,
  }, async () => {
    const volumes = await volumesOn('webgpu');
    const view = await fusedView(volumes);
    // By default the PET's stored window, in SUVbw (its dose, times and weight give one).
    expect(fusionText(view)).toBe('Fused: PT · W 6.00 / C 3.00 SUVbw · 50 %');
    const suv = (bqml: number) => (bqml / (petSeries.facts.bqmlPerSuvbw as number)).toFixed(2);
    view.setAttribute('fusion-window-center', '7500');
    view.setAttribute('fusion-window-width', '15000');
    view.fusionOpacity = 0.7;
    await view.updateComplete;
    expect(fusionText(view)).toBe(`Fused: PT · W ${suv(15000)} / C ${suv(7500)} SUVbw · 70 %`);
    // The language is read at each render (a page changing it asks for one).
    view.lang = 'es';
    view.requestUpdate();
    await view.updateComplete;
    expect(fusionText(view)).toBe(`Fusionado: PT · An ${suv(15000)} / Ni ${suv(7500)} SUVbw · 70 %`);
    view.fusion = undefined;
    await view.updateComplete;
    expect(fusionText(view)).toBeUndefined();
  });
});
