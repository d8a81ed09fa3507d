/**
 * A rectangle of image pixels, columns `minX`…`maxX` and rows `minY`…`maxY`, both ends included
 * (as (0018,6018)–(0018,601E) Region Location Min/Max X0/Y0/X1/Y1 give an ultrasound region).
 */
export interface PixelRect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

type Point = readonly [x: number, y: number];

/**
 * Whether the part of the image on screen, `visible` (the viewport's four corners in image pixel
 * coordinates, in order around it), overlaps any of `areas`. Exact for any rotation: two convex
 * shapes are apart only if some edge direction of one separates them (separating axis theorem).
 */
export function showsAnyArea(
  visible: readonly [Point, Point, Point, Point],
  areas: readonly PixelRect[],
): boolean {
  return areas.some((area) => {
    // Pixel maxX covers [maxX, maxX + 1): the rectangle's edges in image coordinates.
    const rect: Point[] = [
      [area.minX, area.minY],
      [area.maxX + 1, area.minY],
      [area.maxX + 1, area.maxY + 1],
      [area.minX, area.maxY + 1],
    ];
    const axes: Point[] = [[1, 0], [0, 1], ...edgeNormals(visible)];
    return axes.every((axis) => overlaps(project(rect, axis), project(visible, axis)));
  });
}

function edgeNormals(corners: readonly Point[]): Point[] {
  const [a, b, c] = corners as [Point, Point, Point];
  return [
    [-(b[1] - a[1]), b[0] - a[0]],
    [-(c[1] - b[1]), c[0] - b[0]],
  ];
}

function project(points: readonly Point[], axis: Point): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    const d = x * axis[0] + y * axis[1];
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  return [min, max];
}

/** Open intervals: shapes that only touch along an edge do not overlap. */
const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
