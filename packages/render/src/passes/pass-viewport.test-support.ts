/**
 * What the pass browser tests (slice, MPR, fusion, overlays) share: one render device of the
 * backend under test with one viewport, made before a suite's tests and freed after them; the
 * slice view every case starts from; and the CPU reference frame of a plane's float image.
 */
import type { SlicePlane } from '@fovea/core';
import { afterAll, beforeAll } from 'vitest';
import { RenderDevice } from '../client/render-device.js';
import type { RenderViewport } from '../client/render-viewport.js';
import { renderSliceCpu } from '../cpu/render-slice-cpu.js';
import type { BackendKind } from '../gpu/backend.js';
import type { GreyPixels } from '../image/slice-image.js';
import type { SliceView } from '../view/slice-view.js';

/** Every view setting a case may change, at its neutral value: cases do not inherit each other's view. */
export const NEUTRAL_VIEW: Partial<SliceView> = {
  voi: undefined,
  invert: false,
  colormap: 'grey',
  interpolation: 'nearest',
  zoom: 1,
  pan: [0, 0],
  rotation: 0,
  flipHorizontal: false,
  flipVertical: false,
};

/** The device and viewport of a suite; reading them before `beforeAll` has run throws. */
export interface PassViewport {
  readonly device: RenderDevice;
  readonly viewport: RenderViewport;
}

/**
 * Registers the suite's `beforeAll` (a device of `backend` only, and a viewport on an 8 × 8
 * canvas: an `OffscreenCanvas`, or with `canvas: 'document'` a `<canvas>` in the page, transferred
 * by the viewport) and `afterAll` (the device disposed, the canvas removed).
 */
export function usePassViewport(
  backend: BackendKind,
  { canvas = 'offscreen' }: { canvas?: 'offscreen' | 'document' } = {},
): PassViewport {
  let device: RenderDevice | undefined;
  let viewport: RenderViewport | undefined;
  let element: HTMLCanvasElement | undefined;

  beforeAll(async () => {
    device = await RenderDevice.create({ backends: [backend] });
    if (canvas === 'document') {
      element = document.createElement('canvas');
      element.width = 8;
      element.height = 8;
      document.body.append(element);
    }
    viewport = await device.createViewport(element ?? new OffscreenCanvas(8, 8));
  });

  afterAll(() => {
    device?.dispose();
    element?.remove();
  });

  return {
    get device() {
      if (!device) throw new Error('The pass test device is made in beforeAll');
      return device;
    },
    get viewport() {
      if (!viewport) throw new Error('The pass test viewport is made in beforeAll');
      return viewport;
    },
  };
}

/** The slice reference's frame of `pixels`, a plane's float image (`columns × rows`, MONOCHROME2). */
export function renderPlaneCpu(plane: SlicePlane, pixels: GreyPixels, view: Partial<SliceView>): Uint8Array {
  return renderSliceCpu(
    {
      kind: 'grey',
      columns: plane.columns,
      rows: plane.rows,
      pixels,
      photometricInterpretation: 'MONOCHROME2',
    },
    view,
    [plane.columns, plane.rows],
  );
}
