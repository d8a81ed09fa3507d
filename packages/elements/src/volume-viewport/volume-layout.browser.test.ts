/**
 * `<fovea-volume-layout>` in Chromium against Orthanc: its load events (the layout's, not its
 * views') and PET/CT fusion. The CT phantom's 24-slice excerpt, its PET (75 slices, same Frame of
 * Reference) and the MR phantom (another study, another Frame of Reference) are stored through
 * STOW-RS first.
 */
import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient } from '@fovea/core';
import { RenderDevice } from '@fovea/render';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineFoveaElements } from '../define.js';
import type { FoveaErrorEvent } from '../events/error-event.js';
import type { FoveaLoadEvent } from '../events/load-events.js';
import type { FoveaProgressEvent } from '../events/progress-event.js';
import { type SampleSeries, storeSampleSeries } from '../test-support/sample-series.js';
import { FusionFrameOfReferenceError } from './fusion-frame.js';
import type { FoveaVolumeLayout } from './volume-layout.js';

defineFoveaElements();

const client = new DicomWebClient({ root: '/dicom-web' });
const samples: Record<'ct' | 'pet' | 'mr', SampleSeries> = {} as never;
let device: RenderDevice;
let pool: DecoderPool;

beforeAll(async () => {
  const keys = { ct: 'ct--implicit-le', pet: 'pet--implicit-le', mr: 'mr--implicit-le' } as const;
  for (const [name, key] of Object.entries(keys) as Array<[keyof typeof keys, string]>) {
    samples[name] = await storeSampleSeries(client, key);
  }
  device = await RenderDevice.create();
  pool = new DecoderPool({ size: 2 });
}, 180_000);

afterAll(() => {
  device?.dispose();
  pool?.dispose();
});

afterEach(() => {
  document.body.replaceChildren();
});

/** Every load event the layout fires, in order, and whether a view's own event got out. */
function recordEvents(layout: FoveaVolumeLayout) {
  const seen: string[] = [];
  const fromViews: string[] = [];
  for (const type of ['fovea-load-start', 'fovea-progress', 'fovea-load', 'fovea-error'] as const) {
    layout.addEventListener(type, (event) => {
      if (event.composedPath()[0] !== layout) fromViews.push(type);
      if (type === 'fovea-progress') {
        const { loaded, total } = event as FoveaProgressEvent;
        seen.push(`progress ${loaded}/${total}`);
      } else if (type === 'fovea-load') {
        seen.push(`load ${(event as FoveaLoadEvent).frameCount}`);
      } else if (type === 'fovea-error') {
        seen.push(`error ${String((event as FoveaErrorEvent).error)}`);
      } else {
        seen.push('load-start');
      }
    });
  }
  return { seen, fromViews };
}

function mount(properties: Partial<FoveaVolumeLayout>): FoveaVolumeLayout {
  const layout = document.createElement('fovea-volume-layout');
  layout.style.cssText = 'display:flex;width:900px;height:300px';
  Object.assign(layout, { client, decoderPool: pool, renderDevice: device, ...properties });
  document.body.append(layout);
  return layout;
}

function nextEvent(target: EventTarget, type: string): Promise<Event> {
  return new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));
}

describe('<fovea-volume-layout> events and fusion against Orthanc', () => {
  it('reports its volume’s streaming as its own: load-start, progress to every slice, then one load', async () => {
    const layout = document.createElement('fovea-volume-layout');
    const { seen, fromViews } = recordEvents(layout);
    const loaded = nextEvent(layout, 'fovea-load');
    layout.style.cssText = 'display:flex;width:900px;height:300px';
    Object.assign(layout, {
      client,
      decoderPool: pool,
      renderDevice: device,
      studyUid: samples.ct.studyInstanceUID,
      seriesUid: samples.ct.seriesInstanceUID,
    });
    document.body.append(layout);
    await loaded;
    expect(seen[0]).toBe('load-start');
    const progress = seen.filter((entry) => entry.startsWith('progress'));
    // One report when streaming begins, then one per slice, ending with all 24 in.
    expect(progress.at(0)).toBe('progress 0/24');
    expect(progress.at(-1)).toBe('progress 24/24');
    expect(progress).toHaveLength(25);
    expect(seen.at(-1)).toBe('load 24');
    expect(seen.filter((entry) => entry.startsWith('load ')).length).toBe(1);
    expect(layout.seriesVolume?.complete).toBe(true);
    // The three views each loaded and streamed too: none of their events left the layout.
    expect(layout.views).toHaveLength(3);
    expect(fromViews).toEqual([]);
  });

  it('fuses the PET over the CT planes: one more volume on the same device, counted in the same load', async () => {
    const layout = document.createElement('fovea-volume-layout');
    const { seen } = recordEvents(layout);
    const loaded = nextEvent(layout, 'fovea-load');
    layout.style.cssText = 'display:flex;width:900px;height:300px';
    Object.assign(layout, {
      client,
      decoderPool: pool,
      renderDevice: device,
      studyUid: samples.ct.studyInstanceUID,
      seriesUid: samples.ct.seriesInstanceUID,
      fusionSeriesUid: samples.pet.seriesInstanceUID,
    });
    document.body.append(layout);
    await loaded;
    const fusion = layout.fusionVolume;
    expect(fusion?.displaySet.seriesInstanceUid).toBe(samples.pet.seriesInstanceUID);
    expect(fusion?.complete).toBe(true);
    // Both volumes in one load: 24 CT slices and 75 PET slices.
    expect(seen.filter((entry) => entry === 'load-start')).toHaveLength(2);
    expect(seen.at(-1)).toBe('load 99');
    expect(seen.filter((entry) => entry.startsWith('progress')).at(-1)).toBe('progress 99/99');
    // Every MPR plane draws it, over the CT volume they share.
    await until(() => layout.views.length === 3 && layout.views.every((view) => view.isReady));
    const views = layout.views as unknown as Array<{ fusion?: unknown; seriesVolume?: unknown }>;
    expect(views).toHaveLength(3);
    expect(views.every((view) => view.fusion === fusion)).toBe(true);
    expect(views.every((view) => view.seriesVolume === layout.seriesVolume)).toBe(true);
    expect((layout.shadowRoot as ShadowRoot).querySelector('[part="fusion-error"]')).toBeNull();

    // Fusion off: the PET is freed and the planes show the CT alone.
    layout.fusionSeriesUid = '';
    await layout.updateComplete;
    expect(layout.fusionVolume).toBeUndefined();
    expect(views.every((view) => view.fusion === undefined)).toBe(true);
    // 3D ignores fusion: switching to it with fusion on gives its one view none.
    layout.fusionSeriesUid = samples.pet.seriesInstanceUID;
    const again = nextEvent(layout, 'fovea-load');
    await again;
    layout.layout = '3d';
    await layout.updateComplete;
    const [rendering] = layout.views as unknown as Array<{ fusion?: unknown }>;
    expect(rendering?.fusion).toBeUndefined();
    expect(layout.fusionVolume).toBeDefined();
  });

  it('windows the fused PET in all three planes with its fusion-window attributes, and refuses a wrong one once', async () => {
    const errors: unknown[] = [];
    const layout = mount({
      studyUid: samples.ct.studyInstanceUID,
      seriesUid: samples.ct.seriesInstanceUID,
      fusionSeriesUid: samples.pet.seriesInstanceUID,
    });
    layout.addEventListener('fovea-error', (event) => errors.push(event.error));
    layout.setAttribute('fusion-window-center', '7500');
    layout.setAttribute('fusion-window-width', '15000');
    await nextEvent(layout, 'fovea-load');
    const views = await until(() =>
      layout.views.length === 3 && layout.views.every((view) => view.isReady && view.fusion)
        ? layout.views
        : undefined,
    );
    const fusionLines = () =>
      views.map((view) => (view.shadowRoot as ShadowRoot).querySelector('[part="fusion"]')?.textContent);
    await Promise.all(views.map((view) => view.updateComplete));
    expect(views.map((view) => [view.fusionWindowCenter, view.fusionWindowWidth])).toEqual(
      Array(3).fill([7500, 15000]),
    );
    // Shown in SUVbw: the generated PET's dose, times and weight give one (see core's suvbwScale).
    const suv = (bqml: number) => (bqml / (samples.pet.facts.bqmlPerSuvbw as number)).toFixed(2);
    expect(fusionLines()).toEqual(Array(3).fill(`Fused: PT · W ${suv(15000)} / C ${suv(7500)} SUVbw · 50 %`));
    // A width below 1 is refused once, by the layout: the planes keep the previous window.
    layout.setAttribute('fusion-window-width', '0.5');
    await layout.updateComplete;
    await Promise.all(views.map((view) => view.updateComplete));
    expect(errors.map((error) => (error as { code?: string }).code)).toEqual(['INVALID_FUSION']);
    expect(layout.fusionWindowWidth).toBe(15000);
    expect(views.map((view) => view.fusionWindowWidth)).toEqual([15000, 15000, 15000]);
    // Both removed: every plane is back to the PET's stored window, 0 … 6 SUVbw.
    layout.removeAttribute('fusion-window-center');
    layout.removeAttribute('fusion-window-width');
    await layout.updateComplete;
    await Promise.all(views.map((view) => view.updateComplete));
    expect(views.map((view) => view.fusionWindowCenter ?? view.fusionWindowWidth)).toEqual(
      Array(3).fill(undefined),
    );
    expect(fusionLines()).toEqual(Array(3).fill('Fused: PT · W 6.00 / C 3.00 SUVbw · 50 %'));
    expect(errors).toHaveLength(1);
  });

  it('refuses a series of another frame of reference with a typed error, and shows the CT alone', async () => {
    const errors: unknown[] = [];
    const layout = mount({
      studyUid: samples.ct.studyInstanceUID,
      seriesUid: samples.ct.seriesInstanceUID,
      fusionStudyUid: samples.mr.studyInstanceUID,
      fusionSeriesUid: samples.mr.seriesInstanceUID,
    });
    layout.addEventListener('fovea-error', (event) => errors.push(event.error));
    const alert = await until(() =>
      (layout.shadowRoot as ShadowRoot).querySelector<HTMLElement>('[part="fusion-error"]'),
    );
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('does not share this series’ frame of reference');
    expect(alert.textContent).toContain('FUSION_FRAME_OF_REFERENCE');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(FusionFrameOfReferenceError);
    expect((errors[0] as FusionFrameOfReferenceError).fusionSeriesInstanceUid).toBe(
      samples.mr.seriesInstanceUID,
    );
    // The CT is still shown, in all three planes, with nothing fused.
    expect(layout.fusionVolume).toBeUndefined();
    const views = await until(() =>
      layout.views.length === 3 && layout.views.every((view) => view.isReady) ? layout.views : undefined,
    );
    expect((views as unknown as Array<{ fusion?: unknown }>).every((view) => view.fusion === undefined)).toBe(
      true,
    );
    expect(views[0]?.seriesVolume?.displaySet.seriesInstanceUid).toBe(samples.ct.seriesInstanceUID);
  });
});

/** Waits until `probe` gives something, checking every 25 ms for up to 30 s. */
async function until<T>(probe: () => T | undefined | null): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}
