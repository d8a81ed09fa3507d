import { fitZoom } from '@fovea/render';
import { describe, expect, it } from 'vitest';
import { zoomAt } from '../viewport/view-geometry.js';
import { FITTED_PLANE, planeScreen } from './plane-screen.js';

describe('planeScreen', () => {
  it('fits the whole image centred when neither zoomed nor panned', () => {
    const screen = planeScreen([512, 300], [800, 600], 2);
    expect(screen.zoom).toBe(fitZoom([512, 300], [800, 600]));
    expect(screen.pan).toEqual([0, 0]);
    // The image is 800 device pixels wide: its first pixel's centre is half a pixel in, in CSS.
    expect(screen.toCss(0, 0)[0]).toBeCloseTo((0.5 * screen.zoom) / 2, 12);
    // Vertically centred: the middle of the image is the middle of the canvas.
    expect(screen.toCss(255.5, 149.5)).toEqual([200, 150]);
  });

  it('maps image pixels to CSS and back under zoom and pan', () => {
    const screen = planeScreen([512, 300], [800, 600], 2, { scale: 3, pan: [40, -25] });
    expect(screen.zoom).toBeCloseTo(fitZoom([512, 300], [800, 600]) * 3, 12);
    expect(screen.cssZoom).toBeCloseTo(screen.zoom / 2, 12);
    for (const [column, row] of [
      [0, 0],
      [100.25, 37.5],
      [511, 299],
    ] as const) {
      const [x, y] = screen.toCss(column, row);
      const back = screen.toImage(x, y);
      expect(back[0]).toBeCloseTo(column, 9);
      expect(back[1]).toBeCloseTo(row, 9);
    }
    // The image centre moved with the pan, CSS pixels.
    const [cx, cy] = screen.toCss(255.5, 149.5);
    expect(cx).toBeCloseTo(200 + 40, 9);
    expect(cy).toBeCloseTo(150 - 25, 9);
  });

  it('keeps the point under a zoom in place (zoomAt about a point from the centre)', () => {
    const canvas = [800, 600] as const;
    const before = planeScreen([512, 300], canvas, 2, FITTED_PLANE);
    const point: [number, number] = [310, 90];
    const image = before.toImage(...point);
    const view = zoomAt({ ...FITTED_PLANE, rotation: 0, flipHorizontal: false, flipVertical: false }, 2.5, [
      point[0] - 200,
      point[1] - 150,
    ]);
    const after = planeScreen([512, 300], canvas, 2, view);
    const moved = after.toCss(...image);
    expect(moved[0]).toBeCloseTo(point[0], 9);
    expect(moved[1]).toBeCloseTo(point[1], 9);
  });
});
