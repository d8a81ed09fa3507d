/**
 * The probe tool and the window's units in a real `<fovea-viewport>` against Orthanc, on the
 * generated CT (lesion 130 HU, noise-free) and PET (lesion SUVbw 8) of scripts/sample-data. The
 * lesion's screen point is computed here from the render view's definition (image centre, fitted
 * zoom, pan, quarter turn, flip), independently of the element's own mapping.
 */
import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient, jsonNumber, readPart10 } from '@fovea/core';
import { fitZoom, RenderDevice } from '@fovea/render';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineFoveaElements } from '../define.js';
import { openViewport } from '../test-support/open-viewport.js';
import { type SampleSeries, storeSampleSeries } from '../test-support/sample-series.js';
import type { FoveaViewport } from './viewport.js';

defineFoveaElements();

interface LesionFacts {
  centerLps: [number, number, number];
  hu?: number;
  suvbw?: number;
  voxel: { column: number; row: number; instanceNumber: number };
}

/** HU of a pixel of sample file `file`, read from the file itself (native, 16-bit, one frame). */
async function storedHu(file: string): Promise<(pixel: { column: number; row: number }) => number> {
  const response = await fetch(`/.cache/sample-data/${file}`);
  if (!response.ok) throw new Error(`sample file ${file}: HTTP ${response.status}`);
  const part10 = readPart10(new Uint8Array(await response.arrayBuffer()));
  const frame = part10.frame(0);
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const columns = part10.pixel?.columns ?? 0;
  const signed = part10.pixel?.pixelRepresentation === 1;
  const slope = jsonNumber(part10.dataset, '00281053') ?? 1;
  const intercept = jsonNumber(part10.dataset, '00281052') ?? 0;
  return ({ column, row }) => {
    const offset = (row * columns + column) * 2;
    const stored = signed ? view.getInt16(offset, true) : view.getUint16(offset, true);
    return stored * slope + intercept;
  };
}

const client = new DicomWebClient({ root: '/dicom-web' });
let ct: SampleSeries;
let pet: SampleSeries;
let pool: DecoderPool;
let device: RenderDevice;

/** The viewport's size, CSS pixels, at the page's top-left. */
const SIZE = 300;

beforeAll(async () => {
  // The CT's 24-slice excerpt around the lesion, and the whole 75-slice PET (128² each).
  ct = await storeSampleSeries(client, 'ct--implicit-le');
  pet = await storeSampleSeries(client, 'pet');
  pool = new DecoderPool({ size: 1 });
  device = await RenderDevice.create();
}, 180_000);

afterAll(() => {
  pool?.dispose();
  device?.dispose();
});

afterEach(() => {
  document.body.replaceChildren();
});

function open(series: SampleSeries): Promise<FoveaViewport> {
  return openViewport({
    client,
    pool,
    device,
    studyUid: series.studyInstanceUID,
    seriesUid: series.seriesInstanceUID,
    style: `position:fixed;left:0;top:0;display:block;width:${SIZE}px;height:${SIZE}px`,
  });
}

const part = (viewport: FoveaViewport, name: string) =>
  viewport.shadowRoot?.querySelector(`[part~="${name}"]`) as HTMLElement | null;

/** The bottom-left corner's "Loc z mm", the slice's position along its (axial) normal. */
async function slicePosition(viewport: FoveaViewport, index: number): Promise<number> {
  await viewport.showFrame(index);
  await viewport.updateComplete;
  const match = part(viewport, 'annotations-bottom-left')?.textContent?.match(/Loc (-?[\d.]+) mm/);
  if (!match) throw new Error(`frame ${index} shows no slice position`);
  return Number(match[1]);
}

/**
 * Shows the slice at z (mm) whatever order and number of slices the server holds (another test
 * file may have stored more of the series): positions are evenly spaced.
 */
async function showSliceAt(viewport: FoveaViewport, z: number): Promise<void> {
  const first = await slicePosition(viewport, 0);
  const step = (await slicePosition(viewport, 1)) - first;
  const index = Math.round((z - first) / step);
  expect(await slicePosition(viewport, index)).toBeCloseTo(z, 3);
}

/**
 * Where the centre of image pixel (column, row) is on screen, CSS pixels from the viewport's
 * top-left: canvas = centre + pan + R(rotation) · flip · (image − image centre) · zoom.
 */
function screenPoint(
  viewport: FoveaViewport,
  image: [number, number],
  pixel: { column: number; row: number },
) {
  const view = viewport.viewGeometry;
  const quarter = Math.round(view.rotation / 90) * 90;
  const zoom = fitZoom(image, [SIZE, SIZE], quarter) * view.scale;
  const dx = (pixel.column + 0.5 - image[0] / 2) * zoom * (view.flipHorizontal ? -1 : 1);
  const dy = (pixel.row + 0.5 - image[1] / 2) * zoom * (view.flipVertical ? -1 : 1);
  const radians = (view.rotation * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  return [
    SIZE / 2 + view.pan[0] + cos * dx - sin * dy,
    SIZE / 2 + view.pan[1] + sin * dx + cos * dy,
  ] as const;
}

/** Presses the primary button at (x, y) CSS pixels of the viewport and returns the probe's text. */
async function probeAt(
  viewport: FoveaViewport,
  [x, y]: readonly [number, number],
): Promise<string | undefined> {
  const init = { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true, composed: true };
  viewport.dispatchEvent(new PointerEvent('pointerdown', init));
  viewport.dispatchEvent(new PointerEvent('pointerup', init));
  await viewport.updateComplete;
  return part(viewport, 'probe')?.textContent?.trim();
}

describe('<fovea-viewport> probe tool', () => {
  it("reads the CT lesion's HU exactly after a zoom, a pan, a quarter turn and a flip", async () => {
    const viewport = await open(ct);
    const lesion = ct.facts.lesion as unknown as LesionFacts;
    await showSliceAt(viewport, lesion.centerLps[2]);
    viewport.zoomBy(2.5);
    viewport.panBy(40, -25);
    viewport.rotate(90);
    viewport.flipHorizontal();
    viewport.tool = 'probe';
    await viewport.updateComplete;
    const text = await probeAt(viewport, screenPoint(viewport, [512, 512], lesion.voxel));
    expect(text).toBe(`${lesion.hu} HU`);
    // Pixel-exact beside the lesion too, where noise (SD 4 HU) makes neighbours differ: the file's
    // own stored value, rescaled.
    const hu = await storedHu(
      `phantom-ct/ct--implicit-le/${String(lesion.voxel.instanceNumber).padStart(4, '0')}.dcm`,
    );
    const { column, row } = lesion.voxel;
    const around = [
      { column: column + 20, row },
      { column: column + 21, row },
      { column, row: row - 17 },
    ];
    const seen = [];
    for (const pixel of around) {
      seen.push(await probeAt(viewport, screenPoint(viewport, [512, 512], pixel)));
    }
    expect(seen).toEqual(around.map((pixel) => `${hu(pixel)} HU`));
    expect(new Set(seen).size).toBeGreaterThan(1);
    // The window is in HU too.
    expect(part(viewport, 'annotations-bottom-right')?.textContent).toMatch(/W -?\d+ L -?\d+ HU/);
  });

  it("reads the PET lesion's SUVbw within 0.01, and shows the window in SUVbw", async () => {
    const viewport = await open(pet);
    const lesion = pet.facts.lesion as unknown as LesionFacts;
    await showSliceAt(viewport, lesion.centerLps[2]);
    // The stored window is SUV 0–6 in Bq/ml.
    expect(part(viewport, 'annotations-bottom-right')?.textContent).toContain('W 6.00 L 3.00 SUVbw');
    viewport.zoomBy(3);
    viewport.panBy(-60, 35);
    viewport.tool = 'probe';
    await viewport.updateComplete;
    const text = await probeAt(viewport, screenPoint(viewport, [128, 128], lesion.voxel));
    const match = text?.match(/^(\d+\.\d\d) SUVbw$/);
    expect(match, text).not.toBeNull();
    expect(Math.abs(Number(match?.[1]) - (lesion.suvbw ?? 0))).toBeLessThanOrEqual(0.01);
  });

  it('shows nothing outside the image, and drops the reading when another tool is chosen', async () => {
    const viewport = await open(pet);
    viewport.tool = 'probe';
    await viewport.updateComplete;
    expect(await probeAt(viewport, [SIZE / 2, SIZE / 2])).toMatch(/SUVbw$/);
    // The fitted image moved 200 px right now spans x 200–500: nothing at x 190, the image at 210.
    viewport.panBy(200, 0);
    await viewport.updateComplete;
    expect(await probeAt(viewport, [190, SIZE / 2])).toBeUndefined();
    expect(await probeAt(viewport, [210, SIZE / 2])).toMatch(/SUVbw$/);
    viewport.tool = 'pan';
    await viewport.updateComplete;
    expect(part(viewport, 'probe')).toBeNull();
  });
});
