import { DicomWebClient } from '@fovea/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * A DICOMweb server answering from memory, so the stories show each state without a PACS.
 * (The element's behaviour against a real Orthanc is covered by its browser and end-to-end tests.)
 */
function clientAnswering(respond: () => Promise<Response>): DicomWebClient {
  return new DicomWebClient({ root: '/dicom-web', fetch: () => respond() });
}

const studies = [
  {
    patient: 'Phantom^CT',
    id: 'FOVEA-CT',
    date: '20260105',
    description: 'CT chest abdomen',
    modalities: ['CT', 'PT'],
    series: 2,
    images: 375,
  },
  {
    patient: 'Phantom^MR',
    id: 'FOVEA-MR',
    date: '20260212',
    description: 'MR head',
    modalities: ['MR'],
    series: 1,
    images: 40,
  },
].map((s, i) => ({
  '0020000D': { vr: 'UI', Value: [`2.25.${i + 1}`] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: s.patient }] },
  '00100020': { vr: 'LO', Value: [s.id] },
  '00080020': { vr: 'DA', Value: [s.date] },
  '00081030': { vr: 'LO', Value: [s.description] },
  '00080061': { vr: 'CS', Value: s.modalities },
  '00201206': { vr: 'IS', Value: [s.series] },
  '00201208': { vr: 'IS', Value: [s.images] },
}));

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/dicom+json' } }),
  );

const meta: Meta = {
  title: 'Elements/fovea-study-list',
  component: 'fovea-study-list',
};
export default meta;

export const Loaded: StoryObj = {
  render: () => html`<fovea-study-list .client=${clientAnswering(() => json(studies))}></fovea-study-list>`,
};

export const Loading: StoryObj = {
  render: () =>
    html`<fovea-study-list .client=${clientAnswering(() => new Promise(() => {}))}></fovea-study-list>`,
};

export const Empty: StoryObj = {
  render: () => html`<fovea-study-list .client=${clientAnswering(() => json([]))}></fovea-study-list>`,
};

export const ServerError: StoryObj = {
  render: () => html`<fovea-study-list .client=${clientAnswering(() => json({}, 503))}></fovea-study-list>`,
};

export const Spanish: StoryObj = {
  render: () =>
    html`<div lang="es"><fovea-study-list .client=${clientAnswering(() => json(studies))}></fovea-study-list></div>`,
};

export const Chinese: StoryObj = {
  render: () =>
    html`<div lang="zh"><fovea-study-list .client=${clientAnswering(() => json(studies))}></fovea-study-list></div>`,
};

/** The host sets the filters itself (attributes) and leaves out the search form. */
export const WithoutSearchForm: StoryObj = {
  render: () =>
    html`<fovea-study-list hide-search modalities="CT" .client=${clientAnswering(() => json(studies))}></fovea-study-list>`,
};
