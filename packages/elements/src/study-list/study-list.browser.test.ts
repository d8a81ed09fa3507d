import { afterEach, describe, expect, it } from 'vitest';
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
});
