import { buildMultipartRelated, type DicomJsonDataset, DicomWebClient } from '@fovea/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * A DICOMweb server answering from memory with a small generated CT (five 256² axial slices, 1 mm
 * pixels, a 130 HU lesion on the patient's right), so the stories show each state and tool without
 * a PACS. The element's behaviour against a real Orthanc is covered by its end-to-end tests.
 */
const SIZE = 256;
const SLICES = 5;
const STUDY = '2.25.7001';
const SERIES = '2.25.7002';
const sop = (slice: number) => `2.25.7003${slice}`;

function sliceHu(slice: number): Int16Array {
  const pixels = new Int16Array(SIZE * SIZE);
  const lesionRadius = 6 + 3 * (2 - Math.abs(slice - 2));
  for (let row = 0; row < SIZE; row++) {
    for (let column = 0; column < SIZE; column++) {
      const x = column - SIZE / 2;
      const y = row - SIZE / 2;
      const body = (x / 110) ** 2 + (y / 80) ** 2 <= 1;
      const spine = Math.hypot(x, y - 50) < 14;
      const lesion = Math.hypot(column - 80, row - 120) < lesionRadius;
      pixels[row * SIZE + column] = !body ? -1000 : spine ? 700 : lesion ? 130 : 40;
    }
  }
  return pixels;
}

function metadata(slice: number): DicomJsonDataset {
  const text = (vr: string, value: string | number) => ({ vr, Value: [value] });
  return {
    '00080016': text('UI', '1.2.840.10008.5.1.4.1.1.2'),
    '00080018': text('UI', sop(slice)),
    '00080020': text('DA', '20260105'),
    '00080060': text('CS', 'CT'),
    '00081030': text('LO', 'Story CT'),
    '0008103E': text('LO', 'Axial 1 mm'),
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Story^Patient' }] },
    '00100020': text('LO', 'STORY-1'),
    '00180050': text('DS', 1),
    '0020000D': text('UI', STUDY),
    '0020000E': text('UI', SERIES),
    '00200011': text('IS', 1),
    '00200013': text('IS', slice + 1),
    '00200032': { vr: 'DS', Value: [-128, -128, slice] },
    '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
    '00280002': text('US', 1),
    '00280004': text('CS', 'MONOCHROME2'),
    '00280010': text('US', SIZE),
    '00280011': text('US', SIZE),
    '00280030': { vr: 'DS', Value: [1, 1] },
    '00280100': text('US', 16),
    '00280101': text('US', 16),
    '00280102': text('US', 15),
    '00280103': text('US', 1),
    '00281050': text('DS', 40),
    '00281051': text('DS', 400),
    '00281052': text('DS', 0),
    '00281053': text('DS', 1),
    '7FE00010': {
      vr: 'OW',
      BulkDataURI: `/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${sop(slice)}`,
    },
  };
}

/** Answers series metadata and frame requests for the generated CT; anything else is a 404. */
function storyServer(request: RequestInfo | URL): Promise<Response> {
  const url = String(request instanceof Request ? request.url : request);
  if (url.endsWith('/metadata')) {
    const body = JSON.stringify(Array.from({ length: SLICES }, (_, slice) => metadata(slice)));
    return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/dicom+json' } }));
  }
  const frame = /\/instances\/2\.25\.7003(\d+)\/frames\/1$/.exec(url);
  if (frame) {
    const pixels = sliceHu(Number(frame[1]));
    const { body, contentType } = buildMultipartRelated(
      [
        {
          contentType: 'application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1',
          body: new Uint8Array(pixels.buffer),
        },
      ],
      'application/octet-stream',
    );
    return Promise.resolve(new Response(body.slice().buffer, { headers: { 'content-type': contentType } }));
  }
  return Promise.resolve(new Response('', { status: 404 }));
}

const phantomClient = () => new DicomWebClient({ root: '/dicom-web', fetch: (input) => storyServer(input) });
const failingClient = () =>
  new DicomWebClient({
    root: '/dicom-web',
    retry: { retries: 0 },
    fetch: () => Promise.resolve(new Response('', { status: 503 })),
  });
const silentClient = () => new DicomWebClient({ root: '/dicom-web', fetch: () => new Promise(() => {}) });

const frame = (content: unknown) => html`<div style="height: 420px; max-width: 560px">${content}</div>`;

const viewport = (tool: string, options: { portal?: boolean; client?: DicomWebClient } = {}) =>
  frame(html`<fovea-viewport
    style="height: 100%"
    study-uid=${STUDY}
    series-uid=${SERIES}
    tool=${tool}
    ?portal=${options.portal ?? false}
    .client=${options.client ?? phantomClient()}
  ></fovea-viewport>`);

const meta: Meta = {
  title: 'Elements/fovea-viewport',
  component: 'fovea-viewport',
};
export default meta;

/** The default: drag to change the window; annotations, orientation letters, scale bar, scrollbar. */
export const WindowLevel: StoryObj = { render: () => viewport('windowLevel') };

/** Drag moves the image (the middle button pans with any tool). */
export const Pan: StoryObj = { render: () => viewport('pan') };

/** Drag up magnifies about where the drag began (the right button and Ctrl+wheel zoom with any tool). */
export const Zoom: StoryObj = { render: () => viewport('zoom') };

/** Drag turns the image about the centre; the orientation letters turn with it. */
export const Rotate: StoryObj = { render: () => viewport('rotate') };

/** Drag down pages forward through the slices. */
export const Scroll: StoryObj = { render: () => viewport('scroll') };

/** Patient-portal mode: no name, ID or study date in the corners. */
export const Portal: StoryObj = { render: () => viewport('windowLevel', { portal: true }) };

/** Metadata still on its way. */
export const Loading: StoryObj = { render: () => viewport('windowLevel', { client: silentClient() }) };

/** The server answers 503: the error and its code are shown, and `fovea-error` fires. */
export const ServerError: StoryObj = { render: () => viewport('windowLevel', { client: failingClient() }) };

/** The annotations in Spanish. */
export const Spanish: StoryObj = { render: () => html`<div lang="es">${viewport('windowLevel')}</div>` };
