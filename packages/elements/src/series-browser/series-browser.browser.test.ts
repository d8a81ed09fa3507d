import { DicomWebClient, type SeriesSummary, searchForSeries } from '@fovea/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { defineFoveaElements } from '../define.js';
import type { FoveaErrorEvent } from '../events/error-event.js';
import type { FoveaSeriesBrowser } from './series-browser.js';
import type { FoveaSeriesSelectEvent } from './series-select-event.js';
import { SeriesThumbnailError } from './series-thumbnail-error.js';

defineFoveaElements();

afterEach(() => {
  document.body.replaceChildren();
});

/**
 * A corpus CT or MR study with the most series (QIDO-RS, as a host would find it). Not a JPEG 2000
 * one: under the test server the codecs' WASM files are not served (the e2e tests cover them).
 */
let studyUid = '';
let seriesCount = 0;

beforeAll(async () => {
  const studies = (await (
    await fetch('/dicom-web/studies?limit=1000&includefield=00080061')
  ).json()) as Array<Record<string, { Value?: unknown[] }>>;
  for (const study of studies) {
    const count = Number(study['00201206']?.Value?.[0] ?? 0);
    const modalities = (study['00080061']?.Value ?? []) as string[];
    if (count > seriesCount && modalities.some((m) => m === 'CT' || m === 'MR')) {
      seriesCount = count;
      studyUid = String(study['0020000D']?.Value?.[0]);
    }
  }
  if (!studyUid) throw new Error('the corpus has no CT or MR study');
});

async function until<T>(probe: () => T | undefined | null | false, what: string): Promise<T> {
  for (let i = 0; i < 800; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function mount(attributes: Record<string, string>): FoveaSeriesBrowser {
  const browser = document.createElement('fovea-series-browser');
  for (const [name, value] of Object.entries(attributes)) browser.setAttribute(name, value);
  document.body.append(browser);
  return browser;
}

const items = (browser: FoveaSeriesBrowser) => [
  ...(browser.shadowRoot as ShadowRoot).querySelectorAll<HTMLButtonElement>('button[data-series-uid]'),
];

describe('<fovea-series-browser> against Orthanc (same-origin proxy)', () => {
  it('lists the study’s series in series order with accessible names', async () => {
    const browser = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': studyUid });
    const list = await until(() => items(browser).length > 0 && items(browser), 'series');
    expect(list).toHaveLength(seriesCount);
    const numbers = browser.listedSeries.map((s) => s.seriesNumber ?? 0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // Named by its visible text: modality, number, description, count (the thumbnail is hidden).
    for (const item of list) {
      const shown = [...item.children].filter((part) => part.getAttribute('aria-hidden') !== 'true');
      const name = shown.map((part) => part.textContent).join(' ');
      expect(name.replace(/\s+/g, ' ').trim()).toMatch(/^[A-Z]{2} #\d+ .*\d+ images$/);
    }
  });

  it('draws a series’ thumbnail from its middle image: a picture, not a blank square', async () => {
    const browser = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': studyUid });
    const root = browser.shadowRoot as ShadowRoot;
    const canvas = await until(
      () => root.querySelector<HTMLCanvasElement>('canvas[data-drawn="true"]'),
      'a drawn thumbnail',
    );
    const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(
      0,
      0,
      canvas.width,
      canvas.height,
    );
    const levels = new Set<number>();
    for (let i = 0; i < data.length; i += 4) levels.add(data[i] as number);
    expect(canvas.width).toBeGreaterThanOrEqual(72);
    expect(levels.size).toBeGreaterThan(8);
  });

  it('keeps its thumbnails when handed an equal list again (a host re-rendering)', async () => {
    let requests = 0;
    const client = new DicomWebClient({
      root: '/dicom-web',
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const list = await searchForSeries(client, { studyInstanceUid: studyUid });
    const browser = document.createElement('fovea-series-browser');
    browser.client = client;
    browser.studyUid = studyUid;
    browser.series = list;
    document.body.append(browser);
    const root = browser.shadowRoot as ShadowRoot;
    const done = () => root.querySelectorAll('canvas[data-drawn="true"], .no-preview').length === list.length;
    await until(done, 'every thumbnail');
    const before = requests;
    browser.series = [...list];
    await browser.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toBe(before);
    // The control: a different list (none, then the series again) does fetch thumbnails again.
    browser.series = [];
    await browser.updateComplete;
    browser.series = [...list];
    await browser.updateComplete;
    await until(() => requests > before, 'new thumbnail requests');
  });

  it('says once, without naming the patient, that a thumbnail failed; the series still opens', async () => {
    const list = await searchForSeries(new DicomWebClient({ root: '/dicom-web' }), {
      studyInstanceUid: studyUid,
    });
    const broken = list[list.length - 1]?.seriesInstanceUid as string;
    // The server fails every request for that one series' picture (its instances' search).
    const client = new DicomWebClient({
      root: '/dicom-web',
      retry: { retries: 0 },
      fetch: (input, init) =>
        String(input).includes(`/series/${broken}/`)
          ? Promise.resolve(new Response('unavailable', { status: 500 }))
          : fetch(input, init),
    });
    const browser = document.createElement('fovea-series-browser');
    browser.client = client;
    browser.studyUid = studyUid;
    const errors: unknown[] = [];
    // Heard on the document: the event bubbles out of the element's shadow root.
    const onError = (event: FoveaErrorEvent) => errors.push(event.error);
    document.addEventListener('fovea-error', onError);
    try {
      document.body.append(browser);
      const root = browser.shadowRoot as ShadowRoot;
      const settled = () =>
        items(browser).length === list.length &&
        root.querySelectorAll('[part="thumbnail"][data-state="loading"]').length === 0;
      await until(settled, 'every thumbnail made or failed');
      expect(errors).toHaveLength(1);
      const error = errors[0] as SeriesThumbnailError;
      expect(error).toBeInstanceOf(SeriesThumbnailError);
      expect(error.code).toBe('THUMBNAIL_FAILED');
      expect(error.reason).toBe('DICOMWEB_HTTP');
      expect(error.seriesInstanceUid).toBe(broken);
      expect(error.message).not.toContain(broken);
      expect(error.message).not.toContain(studyUid);
      const brokenItem = root.querySelector<HTMLButtonElement>(`button[data-series-uid="${broken}"]`);
      expect(brokenItem?.querySelector('[part="thumbnail"]')?.getAttribute('data-state')).toBe('error');
      expect(brokenItem?.textContent).toContain('No preview');
      // The others are drawn (or have no pixels).
      const others = list.length - 1;
      expect(
        root.querySelectorAll('[part="thumbnail"]:is([data-state="drawn"], [data-state="none"])'),
      ).toHaveLength(others);
      // Still usable: the series is picked like any other.
      const picked: string[] = [];
      browser.addEventListener('fovea-series-select', (event: FoveaSeriesSelectEvent) =>
        picked.push(event.series.seriesInstanceUid),
      );
      brokenItem?.click();
      expect(picked).toEqual([broken]);
      // Taken out of the page and put back, it does not try (and report) the same list again.
      browser.remove();
      document.body.append(browser);
      await browser.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(errors).toHaveLength(1);
    } finally {
      document.removeEventListener('fovea-error', onError);
    }
  });

  it('picks a series by click and by keyboard, one Tab stop, arrows between series', async () => {
    const browser = mount({ 'dicomweb-root': '/dicom-web', 'study-uid': studyUid });
    const list = await until(() => items(browser).length > 0 && items(browser), 'series');
    const picked: SeriesSummary[] = [];
    browser.addEventListener('fovea-series-select', (event: FoveaSeriesSelectEvent) =>
      picked.push(event.series),
    );
    list[0]?.click();
    await browser.updateComplete;
    expect(picked[0]?.seriesInstanceUid).toBe(list[0]?.dataset.seriesUid);
    expect(list[0]?.getAttribute('aria-current')).toBe('true');
    expect(list.filter((item) => item.tabIndex === 0)).toEqual([list[0]]);
    if (list.length > 1) {
      list[0]?.focus();
      await userEvent.keyboard('{ArrowDown}{Enter}');
      expect(picked[1]?.seriesInstanceUid).toBe(list[1]?.dataset.seriesUid);
    }
  });

  it('shows a search error with its code and retries', async () => {
    const browser = mount({ 'dicomweb-root': '/no-such-root', 'study-uid': studyUid });
    const root = browser.shadowRoot as ShadowRoot;
    const alert = await until(() => root.querySelector('[part="error"]'), 'error');
    expect(alert.textContent).toContain('DICOMWEB_HTTP');
    browser.dicomwebRoot = '/dicom-web';
    await until(() => items(browser).length > 0, 'series after the fix');
  });

  it('lists series handed in without searching', async () => {
    const browser = document.createElement('fovea-series-browser');
    browser.series = [
      {
        seriesInstanceUid: '2.25.2',
        seriesNumber: 2,
        modality: 'PT',
        seriesDescription: 'PET',
        numberOfInstances: 75,
      },
      {
        seriesInstanceUid: '2.25.1',
        seriesNumber: 1,
        modality: 'CT',
        seriesDescription: 'CT',
        numberOfInstances: 300,
      },
    ] as SeriesSummary[];
    document.body.append(browser);
    await browser.updateComplete;
    expect(items(browser).map((item) => item.dataset.seriesUid)).toEqual(['2.25.1', '2.25.2']);
    // The button is named by its visible text (WCAG 2.5.3, label in name); the thumbnail is hidden.
    const named = [...(items(browser)[1]?.children ?? [])].filter(
      (part) => part.getAttribute('aria-hidden') !== 'true',
    );
    expect(items(browser)[1]?.hasAttribute('aria-label')).toBe(false);
    expect(
      named
        .map((part) => part.textContent)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe('PT #2 PET 75 images');
  });
});
