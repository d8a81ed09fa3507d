import type { SeriesSummary } from '@fovea/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  IN_MEMORY_STUDY_UID,
  inMemoryClient,
  offlineClient,
  pendingClient,
} from './support/in-memory-dicomweb.js';

/** `<fovea-series-browser>` alone, against a DICOMweb server in memory. */
const meta: Meta = {
  title: 'Elements/fovea-series-browser',
  component: 'fovea-series-browser',
  parameters: { actions: { handles: ['fovea-series-select'] } },
};
export default meta;

const browser = (client = inMemoryClient(), theme = 'dark') =>
  html`<fovea-series-browser
    style="width: 240px; height: 320px"
    theme=${theme}
    study-uid=${IN_MEMORY_STUDY_UID}
    .client=${client}
  ></fovea-series-browser>`;

export const WithThumbnails: StoryObj = { render: () => browser() };

export const Light: StoryObj = { render: () => browser(inMemoryClient(), 'light') };

/** Slow server: the list comes first, thumbnails one after another. */
export const SlowServer: StoryObj = { render: () => browser(inMemoryClient(400)) };

export const Loading: StoryObj = { render: () => browser(pendingClient()) };

export const NetworkError: StoryObj = { render: () => browser(offlineClient()) };

/** A list handed in by the host: no search, and no thumbnails without a server. */
export const GivenList: StoryObj = {
  render: () =>
    html`<fovea-series-browser
      style="width: 240px"
      theme="light"
      selected-series-uid="2.25.1"
      .series=${
        [
          {
            seriesInstanceUid: '2.25.1',
            seriesNumber: 1,
            modality: 'CT',
            seriesDescription: 'CT 1 mm',
            numberOfInstances: 300,
          },
          {
            seriesInstanceUid: '2.25.2',
            seriesNumber: 2,
            modality: 'PT',
            seriesDescription: 'PET FDG AC',
            numberOfInstances: 75,
          },
        ] as SeriesSummary[]
      }
    ></fovea-series-browser>`,
};
