import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { defineFoveaElements } from '../define.js';
import type { FoveaErrorEvent } from '../events/error-event.js';
import type { FoveaStudySelectEvent } from '../events/study-select-event.js';
import type { FoveaStudyList } from './study-list.js';

defineFoveaElements();

afterEach(() => {
  document.body.replaceChildren();
});

async function settled(list: FoveaStudyList): Promise<ShadowRoot> {
  const root = list.shadowRoot as ShadowRoot;
  for (let i = 0; i < 200; i++) {
    await list.updateComplete;
    if (!root.querySelector('[aria-busy="true"]')) return root;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('study list still loading after 5 s');
}

function mount(attributes: Record<string, string>): FoveaStudyList {
  const list = document.createElement('fovea-study-list');
  for (const [name, value] of Object.entries(attributes)) list.setAttribute(name, value);
  document.body.append(list);
  return list;
}

describe('<fovea-study-list> against Orthanc (same-origin proxy)', () => {
  it('lists every study the server returns, with accessible open buttons', async () => {
    const expected = (await (await fetch('/dicom-web/studies?limit=1000')).json()) as unknown[];
    const root = await settled(mount({ 'dicomweb-root': '/dicom-web', limit: '1000' }));
    const rows = root.querySelectorAll('tbody tr');
    expect(expected.length).toBeGreaterThan(10);
    expect(rows.length).toBe(expected.length);
    for (const button of root.querySelectorAll('button[part="open-button"]')) {
      expect(button.getAttribute('aria-label')).toMatch(/^Open study of /);
    }
  });

  it('filters by modality and fires fovea-study-select with the study', async () => {
    const list = mount({ 'dicomweb-root': '/dicom-web', modalities: 'MR' });
    const root = await settled(list);
    const selected = new Promise<FoveaStudySelectEvent>((resolve) =>
      document.body.addEventListener('fovea-study-select', resolve, { once: true }),
    );
    const first = root.querySelector<HTMLButtonElement>('button[part="open-button"]');
    first?.click();
    const event = await selected;
    expect(event.study.modalities).toContain('MR');
    expect(first?.closest('tr')?.dataset.studyUid).toBe(event.study.studyInstanceUid);
  });

  it('shows an error with its code, fires fovea-error, and recovers on retry', async () => {
    const errors: FoveaErrorEvent[] = [];
    document.body.addEventListener('fovea-error', (event) => errors.push(event));
    const list = mount({ 'dicomweb-root': '/no-such-root' });
    let root = await settled(list);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('DICOMWEB_HTTP');
    expect(errors).toHaveLength(1);
    list.dicomwebRoot = '/dicom-web';
    root = await settled(list);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
  });

  it('speaks the language of its page', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'es';
    document.body.append(wrapper);
    const list = document.createElement('fovea-study-list');
    list.dicomwebRoot = '/dicom-web';
    wrapper.append(list);
    const root = await settled(list);
    expect(root.querySelector('th')?.textContent).toBe('Paciente');
  });
  it('searches by patient name, date range and modality from its form', async () => {
    const all = (await (await fetch('/dicom-web/studies?limit=1000')).json()) as Array<
      Record<string, { Value?: Array<{ Alphabetic?: string } | string> }>
    >;
    const named = all.find(
      (s) => ((s['00100010']?.Value?.[0] as { Alphabetic?: string })?.Alphabetic ?? '').length > 3,
    );
    const name = (named?.['00100010']?.Value?.[0] as { Alphabetic?: string } | undefined)?.Alphabetic ?? '';
    expect(name.length).toBeGreaterThan(3);
    const prefix = name.slice(0, 3);
    const list = mount({ 'dicomweb-root': '/dicom-web', limit: '1000' });
    let root = await settled(list);
    const allRows = root.querySelectorAll('tbody tr').length;
    const form = root.querySelector('form[role="search"]') as HTMLFormElement;
    expect(form.getAttribute('aria-label')).toBe('Search studies');

    await userEvent.fill(form.querySelector('input[name="patient"]') as HTMLInputElement, prefix);
    await userEvent.click(form.querySelector('button[type="submit"]') as HTMLButtonElement);
    expect(list.patientName).toBe(`${prefix}*`);
    root = await settled(list);
    const patients = [...root.querySelectorAll('button[part="open-button"]')].map(
      (b) => b.textContent?.trim() ?? '',
    );
    expect(patients.length).toBeGreaterThan(0);
    expect(patients.length).toBeLessThan(allRows);
    for (const patient of patients) expect(patient.toLowerCase().startsWith(prefix.toLowerCase())).toBe(true);

    await userEvent.click(form.querySelector('button[type="button"]') as HTMLButtonElement);
    await userEvent.selectOptions(form.querySelector('select[name="modality"]') as HTMLSelectElement, 'MR');
    await userEvent.fill(form.querySelector('input[name="from"]') as HTMLInputElement, '1990-01-01');
    await userEvent.click(form.querySelector('button[type="submit"]') as HTMLButtonElement);
    expect([list.patientName, list.modalities, list.studyDate]).toEqual(['', 'MR', '19900101-']);
    root = await settled(list);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.children[4]?.textContent).toContain('MR');
      expect((row.children[2]?.textContent ?? '') >= '1990-01-01').toBe(true);
    }
  });
});
