import { DecoderPool } from '@fovea/codecs';
import { RenderDevice } from '@fovea/render';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineFoveaElements } from '../define.js';
import type { FoveaErrorEvent } from '../events/error-event.js';
import type { FoveaViewer } from './viewer.js';

defineFoveaElements();

afterEach(() => {
  document.body.replaceChildren();
});

interface QidoStudy {
  '0020000D': { Value: [string] };
  '00100010'?: { Value?: [{ Alphabetic?: string }] };
  '00080061'?: { Value?: string[] };
}

/** A study of the corpus with CT or MR images, found the way a host would: QIDO-RS. */
let study: { uid: string; patientName: string };

beforeAll(async () => {
  const studies = (await (
    await fetch('/dicom-web/studies?limit=1000&includefield=00080061')
  ).json()) as QidoStudy[];
  const found = studies.find((s) => {
    const modalities = s['00080061']?.Value ?? [];
    const name = s['00100010']?.Value?.[0]?.Alphabetic ?? '';
    return (modalities.includes('CT') || modalities.includes('MR')) && name.length > 3;
  });
  if (!found) throw new Error('the corpus has no named CT or MR study');
  study = {
    uid: found['0020000D'].Value[0],
    patientName: found['00100010']?.Value?.[0]?.Alphabetic ?? '',
  };
});

function mount(attributes: Record<string, string>): FoveaViewer {
  const viewer = document.createElement('fovea-viewer');
  viewer.style.height = '480px';
  viewer.style.width = '800px';
  for (const [name, value] of Object.entries(attributes)) viewer.setAttribute(name, value);
  document.body.append(viewer);
  return viewer;
}

/** Waits until `probe` returns something truthy, checking every 25 ms for up to 20 s. */
async function until<T>(probe: () => T | undefined | null | false, what: string): Promise<T> {
  for (let i = 0; i < 800; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function firstImage(viewer: FoveaViewer): Promise<Event> {
  return new Promise((resolve, reject) => {
    viewer.addEventListener('fovea-load', resolve, { once: true });
    viewer.addEventListener('fovea-error', (event) => reject((event as FoveaErrorEvent).error), {
      once: true,
    });
  });
}

const shadow = (viewer: FoveaViewer) => viewer.shadowRoot as ShadowRoot;

/** All text the viewer shows, its parts' shadow roots included. */
function visibleText(root: ShadowRoot | Element): string {
  let text = '';
  for (const node of root.querySelectorAll('*')) {
    if (node.shadowRoot) text += ` ${visibleText(node.shadowRoot)}`;
  }
  return `${root.textContent ?? ''} ${text}`;
}

describe('<fovea-viewer> against Orthanc (same-origin proxy)', () => {
  it('opens a study from attributes alone: study header, series list, first image', async () => {
    const viewer = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': study.uid });
    await firstImage(viewer);
    const root = shadow(viewer);
    expect(root.querySelector('[part="header"]')?.textContent).toContain(study.patientName.split('^')[0]);
    const browser = root.querySelector('fovea-series-browser');
    const items = await until(
      () => browser?.shadowRoot?.querySelectorAll('button[data-series-uid]').length,
      'series list',
    );
    expect(items).toBeGreaterThan(0);
    const viewport = viewer.activeViewport;
    expect(viewport?.getAttribute('series-uid')).toBe(
      browser?.shadowRoot?.querySelector('button[aria-current="true"]')?.getAttribute('data-series-uid'),
    );
    const { data } = await (viewport as NonNullable<typeof viewport>).readPixels();
    expect(data.some((value, index) => index % 4 !== 3 && value > 0)).toBe(true);
  });

  it('shows the same pixels as a <fovea-viewport> of the same series and size', async () => {
    const viewer = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': study.uid });
    await firstImage(viewer);
    const inViewer = viewer.activeViewport as NonNullable<FoveaViewer['activeViewport']>;
    const alone = document.createElement('fovea-viewport');
    const box = inViewer.getBoundingClientRect();
    alone.style.cssText = `display:block;width:${box.width}px;height:${box.height}px`;
    alone.dicomwebRoot = '/dicom-web';
    alone.studyUid = study.uid;
    alone.seriesUid = inViewer.seriesUid;
    const loaded = new Promise((resolve) => alone.addEventListener('fovea-load', resolve, { once: true }));
    document.body.append(alone);
    await loaded;
    const [a, b] = await Promise.all([inViewer.readPixels(), alone.readPixels()]);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    expect(a.data).toEqual(b.data);
  });

  it('opens a series from its UID alone, finding its study', async () => {
    const series = (await (await fetch(`/dicom-web/studies/${study.uid}/series`)).json()) as Array<
      Record<string, { Value?: string[] }>
    >;
    const seriesUid = series.at(-1)?.['0020000E']?.Value?.[0] as string;
    const viewer = mount({ 'dicomweb-root': '/dicom-web', 'series-uid': seriesUid });
    await firstImage(viewer);
    expect(viewer.activeViewport?.seriesUid).toBe(seriesUid);
    expect(viewer.activeViewport?.studyUid).toBe(study.uid);
  });

  it('shares a host’s render device and decoder pool, and leaves them running when removed', async () => {
    const device = await RenderDevice.create();
    const pool = new DecoderPool({ size: 1 });
    try {
      const viewer = document.createElement('fovea-viewer');
      viewer.style.height = '400px';
      viewer.renderDevice = device;
      viewer.decoderPool = pool;
      viewer.dicomwebRoot = '/dicom-web';
      viewer.studyUid = study.uid;
      viewer.layout = '1x2';
      let loaded = firstImage(viewer);
      document.body.append(viewer);
      await loaded;
      for (const viewport of shadow(viewer).querySelectorAll('fovea-viewport')) {
        expect(viewport.renderDevice).toBe(device);
        expect(viewport.decoderPool).toBe(pool);
      }
      viewer.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Still the host's: a new viewport can be made on the device after the viewer is gone.
      const canvas = document.createElement('canvas');
      document.body.append(canvas);
      (await device.createViewport(canvas)).dispose();
      // And the viewer shows its study again when put back.
      loaded = firstImage(viewer);
      document.body.append(viewer);
      await loaded;
      expect(viewer.activeViewport?.renderDevice).toBe(device);
    } finally {
      device.dispose();
      pool.dispose();
    }
  });

  it('uses a decoder pool set after it entered the page, before its first render', async () => {
    const pool = new DecoderPool({ size: 1 });
    try {
      const viewer = document.createElement('fovea-viewer');
      viewer.style.height = '400px';
      viewer.dicomwebRoot = '/dicom-web';
      viewer.studyUid = study.uid;
      const loaded = firstImage(viewer);
      document.body.append(viewer);
      // As a module script does for <fovea-viewer> written in the HTML: the element is connected first.
      viewer.decoderPool = pool;
      await loaded;
      expect(viewer.activeViewport?.decoderPool).toBe(pool);
      expect(shadow(viewer).querySelector('fovea-series-browser')?.decoderPool).toBe(pool);
    } finally {
      pool.dispose();
    }
  });

  it('holds thumbnails back until its first image is on screen', async () => {
    const requests: { url: string; at: number }[] = [];
    const viewer = document.createElement('fovea-viewer');
    viewer.style.height = '400px';
    viewer.fetch = (input, init) => {
      requests.push({ url: String(input instanceof Request ? input.url : input), at: performance.now() });
      return fetch(input, init);
    };
    viewer.dicomwebRoot = '/dicom-web';
    viewer.studyUid = study.uid;
    let firstImageAt = Number.POSITIVE_INFINITY;
    // Timed in the event's own dispatch, before any microtask a thumbnail run could use.
    viewer.addEventListener(
      'fovea-load',
      () => {
        firstImageAt = Math.min(firstImageAt, performance.now());
      },
      { once: true },
    );
    const loaded = firstImage(viewer);
    document.body.append(viewer);
    await loaded;
    const browser = shadow(viewer).querySelector('fovea-series-browser') as HTMLElement;
    await until(
      () => browser.shadowRoot?.querySelector('[part="thumbnail"]:not([data-state="loading"])'),
      'a thumbnail',
    );
    // Thumbnails search each series' instances (QIDO-RS /instances); the viewport never does.
    const thumbnailSearches = requests.filter((r) => /\/series\/[^/]+\/instances(\?|$)/.test(r.url));
    expect(thumbnailSearches.length).toBeGreaterThan(0);
    for (const search of thumbnailSearches) expect(search.at).toBeGreaterThanOrEqual(firstImageAt);
    viewer.remove();
  });

  it('shows one progress bar while the study and its images load, and hides it when done', async () => {
    const viewer = document.createElement('fovea-viewer');
    viewer.style.height = '400px';
    // A slow server, so the loading state lasts long enough to be seen.
    viewer.fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return fetch(input, init);
    };
    viewer.dicomwebRoot = '/dicom-web';
    viewer.studyUid = study.uid;
    const loaded = firstImage(viewer);
    document.body.append(viewer);
    const bar = await until(() => shadow(viewer).querySelector('progress[part="progress"]'), 'progress bar');
    expect(bar.getAttribute('aria-label')).toBe('Loading images');
    expect(Number(bar.getAttribute('max'))).toBeGreaterThan(0);
    expect(shadow(viewer).querySelector('[part="status"]')?.getAttribute('aria-busy')).toBe('true');
    await loaded;
    await until(() => !shadow(viewer).querySelector('[part="progress"]'), 'the bar to go');
  });

  it('reports a bad DICOMweb root with its code, and recovers when the root is fixed', async () => {
    const errors: unknown[] = [];
    const viewer = mount({ 'dicomweb-root': '/no-such-root', 'study-uid': study.uid });
    viewer.addEventListener('fovea-error', (event) => errors.push(event.error));
    const alert = await until(() => shadow(viewer).querySelector('[part="error"]'), 'error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('DICOMWEB_HTTP');
    expect(errors).toHaveLength(1);
    // Still usable: the toolbar is there and a corrected root loads the study.
    expect(shadow(viewer).querySelector('fovea-toolbar')).not.toBeNull();
    const loaded = firstImage(viewer);
    viewer.dicomwebRoot = '/dicom-web';
    await loaded;
    expect(shadow(viewer).querySelector('[part="error"]')).toBeNull();
  });

  it('says so when the server has no such study', async () => {
    const viewer = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': '2.25.1234567890' });
    const alert = await until(() => shadow(viewer).querySelector('[part="error"]'), 'error');
    expect(alert.textContent).toContain('The study was not found on the server.');
    expect(alert.textContent).toContain('STUDY_NOT_FOUND');
  });

  it('survives a network failure and loads on retry through the same fetch override', async () => {
    let online = false;
    const viewer = document.createElement('fovea-viewer');
    viewer.style.height = '400px';
    viewer.fetch = (input, init) =>
      online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
    viewer.dicomwebRoot = '/dicom-web';
    viewer.studyUid = study.uid;
    document.body.append(viewer);
    const alert = await until(() => shadow(viewer).querySelector('[part="error"]'), 'error');
    expect(alert.textContent).toMatch(/DICOMWEB_\w+/);
    online = true;
    const loaded = firstImage(viewer);
    (alert.querySelector('button') as HTMLButtonElement).click();
    await loaded;
  });

  it('sends the token provider’s token with every request', async () => {
    const seen: Array<string | null> = [];
    const viewer = document.createElement('fovea-viewer');
    viewer.style.height = '400px';
    viewer.tokenProvider = async () => 'secret-token';
    viewer.fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return fetch(input, init);
    };
    viewer.dicomwebRoot = '/dicom-web';
    viewer.studyUid = study.uid;
    document.body.append(viewer);
    await firstImage(viewer);
    expect(seen.length).toBeGreaterThan(2);
    expect(new Set(seen)).toEqual(new Set(['Bearer secret-token']));
  });

  it('lays out 1, 2 or 4 viewports, and MPR or 3D of the first viewport’s series', async () => {
    const viewer = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': study.uid, layout: '2x2' });
    await firstImage(viewer);
    const root = shadow(viewer);
    expect(root.querySelectorAll('[part~="cell"]')).toHaveLength(4);
    const first = root.querySelector('fovea-viewport')?.getAttribute('series-uid');
    viewer.layout = '1x2';
    await viewer.updateComplete;
    expect(root.querySelectorAll('[part~="cell"]')).toHaveLength(2);
    viewer.layout = 'mpr';
    await viewer.updateComplete;
    const volume = root.querySelector('fovea-volume-layout');
    expect(volume?.getAttribute('layout')).toBe('mpr');
    expect(volume?.getAttribute('series-uid')).toBe(first);
    expect(root.querySelector('fovea-viewport')).toBeNull();
    viewer.layout = '3d';
    await viewer.updateComplete;
    expect(root.querySelector('fovea-volume-layout')?.getAttribute('layout')).toBe('3d');
    viewer.layout = '1x1';
    await viewer.updateComplete;
    expect(root.querySelectorAll('fovea-viewport')).toHaveLength(1);
    expect(root.querySelector('fovea-volume-layout')).toBeNull();
  });

  it('portal mode shows no patient identifiers anywhere in the viewer', async () => {
    const name = study.patientName.split('^')[0] as string;
    const diagnostic = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': study.uid });
    await firstImage(diagnostic);
    // Control: the diagnostic view does show the name, so its absence below means something.
    expect(visibleText(shadow(diagnostic))).toContain(name);
    diagnostic.remove();
    const portal = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': study.uid, mode: 'portal' });
    await firstImage(portal);
    await portal.activeViewport?.updateComplete;
    expect(visibleText(shadow(portal))).not.toContain(name);
    expect(shadow(portal).querySelector('[part="header"]')).toBeNull();
  });

  it('speaks its lang attribute in every part, and themes through custom properties', async () => {
    const viewer = mount({
      'dicomweb-root': '/dicom-web',
      'study-uid': study.uid,
      lang: 'es',
      theme: 'light',
    });
    await firstImage(viewer);
    const toolbar = shadow(viewer).querySelector('fovea-toolbar');
    await toolbar?.updateComplete;
    expect(toolbar?.shadowRoot?.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe(
      'Herramientas de imagen',
    );
    expect(getComputedStyle(viewer).getPropertyValue('--fovea-background').trim()).toBe('#ffffff');
    viewer.theme = 'dark';
    await viewer.updateComplete;
    expect(getComputedStyle(viewer).getPropertyValue('--fovea-background').trim()).toBe('#111418');
  });
});
