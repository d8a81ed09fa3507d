import { describe, expect, it } from 'vitest';
import { DEFAULT_SLICE_VIEW, type SliceView } from './slice-view.js';
import { type CanvasToImage, canvasToImage, fitZoom } from './view-transform.js';

const view = (patch: Partial<SliceView>): SliceView => ({ ...DEFAULT_SLICE_VIEW, ...patch });
const apply = (m: CanvasToImage, x: number, y: number) => [
  m.xx * x + m.xy * y + m.x0,
  m.yx * x + m.yy * y + m.y0,
];

describe('canvasToImage', () => {
  it('is the identity at zoom 1 when canvas and image have the same size', () => {
    const m = canvasToImage(view({}), [512, 400], [512, 400]);
    expect(m).toEqual({ xx: 1, xy: 0, x0: 0, yx: 0, yy: 1, y0: 0 });
  });

  it('centres the image and scales about the canvas centre', () => {
    const m = canvasToImage(view({ zoom: 2 }), [10, 10], [40, 30]);
    // Canvas centre (20, 15) is the image centre (5, 5); 2 canvas pixels per image pixel.
    expect(apply(m, 20, 15)).toEqual([5, 5]);
    expect(apply(m, 22, 15)).toEqual([6, 5]);
  });

  it('pans in canvas pixels', () => {
    const m = canvasToImage(view({ pan: [3, -2], zoom: 0.5 }), [10, 10], [10, 10]);
    expect(apply(m, 8, 3)).toEqual([5, 5]);
  });

  it('rotates clockwise on screen with exact quarter turns', () => {
    // Rotated 90° clockwise, the image's top-left corner is at the canvas's top-right corner.
    const m = canvasToImage(view({ rotation: 90 }), [16, 12], [12, 16]);
    expect(apply(m, 12, 0)).toEqual([0, 0]);
    expect([m.xx, m.xy, m.yx, m.yy]).toEqual([0, 1, -1, 0]);
    const m270 = canvasToImage(view({ rotation: -90 }), [16, 12], [12, 16]);
    expect(apply(m270, 0, 16)).toEqual([0, 0]);
  });

  it('flips in image space, before rotating', () => {
    const m = canvasToImage(view({ flipHorizontal: true, rotation: 90 }), [16, 12], [12, 16]);
    // Flipped left-right, the image's top-right corner comes first; then turned to the top-right.
    expect(apply(m, 12, 0)).toEqual([16, 0]);
  });
});

describe('fitZoom', () => {
  it('fits the whole image, rotated or not', () => {
    expect(fitZoom([512, 256], [256, 256])).toBe(0.5);
    expect(fitZoom([512, 256], [256, 256], 90)).toBe(0.5);
    expect(fitZoom([100, 50], [300, 300], 270)).toBe(3);
  });
});
