import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { IN_MEMORY_STUDY_UID, inMemoryClient, offlineClient } from './support/in-memory-dicomweb.js';

/**
 * `<fovea-volume-viewport>` and `<fovea-volume-layout>` on the in-memory study's 16-slice CT
 * (series 2.25.9001.1): each plane, a zoomed plane, a thick MIP slab, the 3D rendering, the MPR
 * layout with its crosshairs, the MR fused over it, and the error states. The elements against a real Orthanc are covered by their
 * browser tests and e2e/mpr.spec.ts.
 */
const CT_SERIES = '2.25.9001.1';
const MR_SERIES = '2.25.9001.2';

const frame = (content: unknown, width = 420) =>
  html`<div style="height: 420px; max-width: ${width}px">${content}</div>`;

const view = (
  attributes: { orientation: string; preset?: string; slab?: number },
  client = inMemoryClient(),
) =>
  frame(html`<fovea-volume-viewport
    style="height: 100%"
    study-uid=${IN_MEMORY_STUDY_UID}
    series-uid=${CT_SERIES}
    orientation=${attributes.orientation}
    preset=${attributes.preset ?? 'ct-bone'}
    slab-thickness=${attributes.slab ?? 0}
    .client=${client}
  ></fovea-volume-viewport>`);

const meta: Meta = {
  title: 'Elements/fovea-volume-viewport',
  component: 'fovea-volume-viewport',
};
export default meta;

/** The axial plane through the volume centre; click moves the cursor, the wheel moves the plane. */
export const Axial: StoryObj = { render: () => view({ orientation: 'axial' }) };

/** The coronal plane, reconstructed from the axial slices. */
export const Coronal: StoryObj = { render: () => view({ orientation: 'coronal' }) };

/** The sagittal plane. */
export const Sagittal: StoryObj = { render: () => view({ orientation: 'sagittal' }) };

/** A 10 mm MIP slab around the axial plane. */
export const AxialMipSlab: StoryObj = { render: () => view({ orientation: 'axial', slab: 10 }) };

/**
 * The axial plane magnified 3× about the lesion (`planeZoom`, CSS pixels of pan), with the zoom
 * tool: drag up to magnify about the pointer, the middle button pans, R resets. The scale bar and
 * the crosshairs follow the zoom.
 */
export const AxialZoomed: StoryObj = {
  render: () =>
    frame(html`<fovea-volume-viewport
      style="height: 100%"
      study-uid=${IN_MEMORY_STUDY_UID}
      series-uid=${CT_SERIES}
      orientation="axial"
      tool="zoom"
      .planeZoom=${{ scale: 3, pan: [231, 34] }}
      .client=${inMemoryClient()}
    ></fovea-volume-viewport>`),
};

/** The MPR layout of the CT with the MR fused over it, through `window` when given. */
function fusedLayout(window?: { center: number; width: number }) {
  return frame(
    html`<fovea-volume-layout
      style="height: 100%"
      layout="mpr"
      study-uid=${IN_MEMORY_STUDY_UID}
      series-uid=${CT_SERIES}
      fusion-series-uid=${MR_SERIES}
      fusion-window-center=${window?.center ?? nothing}
      fusion-window-width=${window?.width ?? nothing}
      .client=${inMemoryClient()}
    ></fovea-volume-layout>`,
    1200,
  );
}

/**
 * Fusion: the MR drawn over the CT planes in hot iron at 50 % (`fusion-series-uid` of the layout
 * sets each plane view's `fusion`); the MR's bright lesion stands in for a PET hot spot. The MR's
 * 8 slices cover the upper half of the CT's 16: the coronal and sagittal planes show the fusion
 * there, the axial plane through the volume centre lies just below the MR and shows the CT alone.
 */
export const MprFused: StoryObj = { render: () => fusedLayout() };

/**
 * Fusion with a window set (`fusion-window-center` 900, `fusion-window-width` 400, in the fused
 * series' modality units): the MR's tissue (600) falls dark and its lesion (1100) burns white;
 * each plane's overlay names the fusion ("Fused: MR · W 400 / C 900 · 50 %").
 */
export const MprFusedWindowed: StoryObj = { render: () => fusedLayout({ center: 900, width: 400 }) };

/** The volume rendering with the bone preset; drag to turn it. */
export const VolumeRendering: StoryObj = { render: () => view({ orientation: '3d' }) };

/** The volume rendering as a maximum intensity projection. */
export const VolumeMip: StoryObj = { render: () => view({ orientation: '3d', preset: 'mip' }) };

/** The three planes of one volume, loaded once, with crosshairs and one shared cursor. */
export const MprLayout: StoryObj = {
  render: () =>
    frame(
      html`<fovea-volume-layout
        style="height: 100%"
        layout="mpr"
        study-uid=${IN_MEMORY_STUDY_UID}
        series-uid=${CT_SERIES}
        .client=${inMemoryClient()}
      ></fovea-volume-layout>`,
      1200,
    ),
};

/** Metadata slowed down: the loading state. */
export const Loading: StoryObj = { render: () => view({ orientation: 'axial' }, inMemoryClient(3000)) };

/** The server cannot be reached: the error and its code are shown. */
export const ServerError: StoryObj = { render: () => view({ orientation: 'axial' }, offlineClient()) };
