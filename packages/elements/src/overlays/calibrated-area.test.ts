import { describe, expect, it } from 'vitest';
import { showsAnyArea } from './calibrated-area.js';

/** Pixels 0…9 both ways: the square [0, 10) × [0, 10) in image coordinates. */
const area = { minX: 0, minY: 0, maxX: 9, maxY: 9 };

type Quad = Parameters<typeof showsAnyArea>[0];
const box = (x0: number, y0: number, x1: number, y1: number): Quad => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];
/** A square turned 45°, centred on (x, y), its corners `r` from the centre. */
const diamond = (x: number, y: number, r: number): Quad => [
  [x, y - r],
  [x + r, y],
  [x, y + r],
  [x - r, y],
];

describe('showsAnyArea', () => {
  it('sees an area that the view overlaps, contains or lies inside', () => {
    expect(showsAnyArea(box(5, 5, 20, 20), [area])).toBe(true);
    expect(showsAnyArea(box(-5, -5, 20, 20), [area])).toBe(true);
    expect(showsAnyArea(box(2, 2, 3, 3), [area])).toBe(true);
  });

  it('counts the last pixel whole, and edges that only touch as apart', () => {
    expect(showsAnyArea(box(9.5, 0, 20, 5), [area])).toBe(true);
    expect(showsAnyArea(box(10, 0, 20, 5), [area])).toBe(false);
    expect(showsAnyArea(box(-10, -10, 0, 0), [area])).toBe(false);
  });

  it('is exact for turned views: a corner near the area is not enough', () => {
    // Bounding box [9, 19]² overlaps the area, but the diamond's near edge (x + y = 23) passes
    // beyond its corner (10, 10) (x + y = 20).
    expect(showsAnyArea(diamond(14, 14, 5), [area])).toBe(false);
    // Nearer, the edge (x + y = 19) cuts the corner off.
    expect(showsAnyArea(diamond(12, 12, 5), [area])).toBe(true);
  });

  it('sees any of several areas, and none of none', () => {
    const far = { minX: 100, minY: 100, maxX: 109, maxY: 109 };
    expect(showsAnyArea(box(95, 95, 101, 101), [area, far])).toBe(true);
    expect(showsAnyArea(box(50, 50, 60, 60), [area, far])).toBe(false);
    expect(showsAnyArea(box(0, 0, 10, 10), [])).toBe(false);
  });
});
