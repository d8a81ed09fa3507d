import type { SliceView } from './slice-view.js';

/**
 * An affine map from canvas coordinates to image coordinates, both in pixels with the origin at
 * the top-left corner, x right and y down; pixel (i, j) covers [i, i + 1) × [j, j + 1), its centre
 * is at (i + 0.5, j + 0.5). `imageX = xx·x + xy·y + x0`, `imageY = yx·x + yy·y + y0`.
 */
export interface CanvasToImage {
  xx: number;
  xy: number;
  x0: number;
  yx: number;
  yy: number;
  y0: number;
}

/** Width and height in pixels. */
export type Size = readonly [width: number, height: number];

/**
 * The canvas-to-image map of a view (the inverse of the view transform of {@link SliceView}).
 * Rotations by multiples of 90° use exact cosines and sines, so with integer zoom and pan every
 * pixel centre maps exactly.
 */
export function canvasToImage(view: SliceView, image: Size, canvas: Size): CanvasToImage {
  const [cos, sin] = exactCosSin(view.rotation);
  const fx = view.flipHorizontal ? -1 : 1;
  const fy = view.flipVertical ? -1 : 1;
  const inv = 1 / view.zoom;
  // image = F · R⁻¹ · (canvas − canvasCentre − pan) / zoom + imageCentre, R⁻¹ = [cos sin; −sin cos].
  // `+ 0` turns −0 into 0.
  const xx = fx * cos * inv + 0;
  const xy = fx * sin * inv + 0;
  const yx = -fy * sin * inv + 0;
  const yy = fy * cos * inv + 0;
  const cx = canvas[0] / 2 + view.pan[0];
  const cy = canvas[1] / 2 + view.pan[1];
  return {
    xx,
    xy,
    x0: image[0] / 2 - (xx * cx + xy * cy),
    yx,
    yy,
    y0: image[1] / 2 - (yx * cx + yy * cy),
  };
}

/** The zoom at which the whole (rotated) image fits the canvas. */
export function fitZoom(image: Size, canvas: Size, rotation = 0): number {
  const [cos, sin] = exactCosSin(rotation);
  const width = Math.abs(cos) * image[0] + Math.abs(sin) * image[1];
  const height = Math.abs(sin) * image[0] + Math.abs(cos) * image[1];
  return Math.min(canvas[0] / width, canvas[1] / height);
}

function exactCosSin(degrees: number): [number, number] {
  const turn = ((degrees % 360) + 360) % 360;
  if (turn === 0) return [1, 0];
  if (turn === 90) return [0, 1];
  if (turn === 180) return [-1, 0];
  if (turn === 270) return [0, -1];
  const radians = (turn * Math.PI) / 180;
  return [Math.cos(radians), Math.sin(radians)];
}
