import { canvasToImage, DEFAULT_SLICE_VIEW } from '@fovea/render';
import { describe, expect, it } from 'vitest';
import {
  FITTED_VIEW,
  flipOnScreen,
  MAX_SCALE,
  panBy,
  renderGeometry,
  rotateBy,
  type ViewGeometry,
  zoomAt,
} from './view-geometry.js';

/** Where image point (x, y) lands on a canvas, CSS = device pixels, through the render's own map. */
function screenOf(
  view: ViewGeometry,
  image: [number, number],
  canvas: [number, number],
  point: [number, number],
) {
  const m = canvasToImage(
    { ...DEFAULT_SLICE_VIEW, ...renderGeometry(view, image, canvas, 1) },
    image,
    canvas,
  );
  // Invert the 2×2 affine map.
  const det = m.xx * m.yy - m.xy * m.yx;
  const dx = point[0] - m.x0;
  const dy = point[1] - m.y0;
  return [(m.yy * dx - m.xy * dy) / det, (-m.yx * dx + m.xx * dy) / det].map(
    (v) => Math.round(v * 1e9) / 1e9 + 0,
  );
}

const image: [number, number] = [200, 100];
const canvas: [number, number] = [400, 400];

describe('view geometry', () => {
  it('fits the image to the canvas at scale 1 and follows quarter turns', () => {
    expect(renderGeometry(FITTED_VIEW, image, canvas, 1).zoom).toBe(2);
    expect(renderGeometry(rotateBy(FITTED_VIEW, 90), [200, 400], [400, 400], 1).zoom).toBe(1);
    expect(renderGeometry({ ...FITTED_VIEW, pan: [3, -4] }, image, canvas, 2).pan).toEqual([6, -8]);
  });

  it('keeps the point under the cursor fixed when zooming there', () => {
    const at: [number, number] = [50, -30];
    // The zoom point is canvas (250, 170); the image centre starts at the canvas centre.
    const before = screenOf(FITTED_VIEW, image, canvas, [100, 50]);
    const zoomed = zoomAt(FITTED_VIEW, 2, at);
    expect(zoomed.scale).toBe(2);
    expect(zoomed.pan).toEqual([-50, 30]);
    // The image centre (100, 50) moved away from the zoom point by a factor of two.
    expect(screenOf(zoomed, image, canvas, [100, 50])).toEqual([before[0]! - 50, before[1]! + 30]);
    expect(zoomAt(zoomed, 0.5, at)).toEqual(FITTED_VIEW);
  });

  it('clamps the scale and ignores nonsense factors', () => {
    expect(zoomAt(FITTED_VIEW, 1e9, [0, 0]).scale).toBe(MAX_SCALE);
    expect(zoomAt(FITTED_VIEW, Number.NaN, [0, 0])).toBe(FITTED_VIEW);
    expect(zoomAt(FITTED_VIEW, -2, [0, 0])).toBe(FITTED_VIEW);
  });

  it('pans in CSS pixels', () => {
    expect(screenOf(panBy(FITTED_VIEW, 30, -10), image, canvas, [100, 50])).toEqual([230, 190]);
  });

  it('turns the image clockwise about the viewport centre, pan included', () => {
    const panned = panBy(FITTED_VIEW, 40, 0);
    const turned = rotateBy(panned, 90);
    expect(turned.rotation).toBe(90);
    expect(turned.pan).toEqual([0, 40]);
    // The image's top-left corner goes to the top-right after a clockwise quarter turn.
    const corner = screenOf(rotateBy(FITTED_VIEW, 90), image, canvas, [0, 0]);
    expect(corner).toEqual([300, 0]);
    expect(rotateBy(turned, -90)).toEqual(panned);
    expect(rotateBy(FITTED_VIEW, -90).rotation).toBe(270);
  });

  it('flips what is on screen, whatever the rotation', () => {
    for (const rotation of [0, 90, 180, 270, 30]) {
      const view = { ...rotateBy(panBy(FITTED_VIEW, 12, 7), rotation), scale: 1.5 };
      const flippedH = flipOnScreen(view, 'horizontal');
      const flippedV = flipOnScreen(view, 'vertical');
      for (const point of [
        [10, 20],
        [190, 5],
        [100, 50],
      ] as [number, number][]) {
        const [x, y] = screenOf(view, image, canvas, point) as [number, number];
        expect(screenOf(flippedH, image, canvas, point)[0]).toBeCloseTo(400 - x, 6);
        expect(screenOf(flippedH, image, canvas, point)[1]).toBeCloseTo(y, 6);
        expect(screenOf(flippedV, image, canvas, point)[1]).toBeCloseTo(400 - y, 6);
        expect(screenOf(flippedV, image, canvas, point)[0]).toBeCloseTo(x, 6);
      }
      expect(flipOnScreen(flippedH, 'horizontal')).toEqual(view);
    }
  });
});
