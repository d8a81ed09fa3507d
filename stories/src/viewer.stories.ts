import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  IN_MEMORY_STUDY_UID,
  inMemoryClient,
  offlineClient,
  pendingClient,
} from './support/in-memory-dicomweb.js';

/**
 * `<fovea-viewer>` in each of its states. The study comes from a DICOMweb server in memory (a
 * 16-slice CT phantom and an 8-slice MR); the e2e tests run the same element against Orthanc.
 */
const meta: Meta = {
  title: 'Elements/fovea-viewer',
  component: 'fovea-viewer',
  parameters: { layout: 'fullscreen' },
};
export default meta;

const viewer = (
  options: { layout?: string; mode?: string; theme?: string; lang?: string; study?: string } = {},
) =>
  html`<fovea-viewer
    style="height: 560px"
    study-uid=${options.study ?? IN_MEMORY_STUDY_UID}
    layout=${options.layout ?? '1x1'}
    mode=${options.mode ?? 'diagnostic'}
    theme=${options.theme ?? 'dark'}
    lang=${options.lang ?? 'en'}
    .client=${inMemoryClient()}
  ></fovea-viewer>`;

export const Diagnostic: StoryObj = { render: () => viewer() };

export const TwoViewports: StoryObj = { render: () => viewer({ layout: '1x2' }) };

export const FourViewports: StoryObj = { render: () => viewer({ layout: '2x2' }) };

/** MPR and 3D reconstruct the first viewport's series (`<fovea-volume-layout>`). */
export const Mpr: StoryObj = { render: () => viewer({ layout: 'mpr' }) };

export const VolumeRendering: StoryObj = { render: () => viewer({ layout: '3d' }) };

/** The patient's view: no identifiers, viewing tools only. */
export const Portal: StoryObj = { render: () => viewer({ mode: 'portal', theme: 'light' }) };

export const LightTheme: StoryObj = { render: () => viewer({ theme: 'light' }) };

export const Spanish: StoryObj = { render: () => viewer({ lang: 'es' }) };

export const Chinese: StoryObj = { render: () => viewer({ lang: 'zh' }) };

export const Loading: StoryObj = {
  render: () =>
    html`<fovea-viewer style="height: 400px" study-uid=${IN_MEMORY_STUDY_UID} .client=${pendingClient()}></fovea-viewer>`,
};

export const NetworkError: StoryObj = {
  render: () =>
    html`<fovea-viewer style="height: 400px" study-uid=${IN_MEMORY_STUDY_UID} .client=${offlineClient()}></fovea-viewer>`,
};

export const StudyNotFound: StoryObj = { render: () => viewer({ study: '2.25.404' }) };

export const NoStudy: StoryObj = {
  render: () => html`<fovea-viewer style="height: 400px" .client=${inMemoryClient()}></fovea-viewer>`,
};
