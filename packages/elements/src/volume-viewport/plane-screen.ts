import { fitZoom } from '@fovea/render';

/**
 * How a plane image of `columns × rows` pixels sits in a canvas of `canvas` device pixels: fitted
 * whole and centred (the render view gets `zoom` with no pan or rotation). Coordinates are CSS
 * pixels from the canvas's top-left corner; image pixel centres lie on integers.
 */
export interface PlaneScreen {
  /** Canvas pixels per image pixel (device pixels). */
  zoom: number;
  /** CSS position of the centre of image pixel (column, row). */
  toCss(column: number, row: number): [number, number];
  /** Fractional image pixel [column, row] under CSS position (x, y). */
  toImage(x: number, y: number): [number, number];
}

/** The screen map of a plane image fitted into a canvas; `ratio` is the device pixel ratio. */
export function planeScreen(
  image: readonly [columns: number, rows: number],
  canvas: readonly [width: number, height: number],
  ratio: number,
): PlaneScreen {
  const zoom = fitZoom(image, canvas);
  // Canvas = (image + 0.5 − size/2) · zoom + canvas/2, in device pixels (see canvasToImage).
  return {
    zoom,
    toCss: (column, row) => [
      ((column + 0.5 - image[0] / 2) * zoom + canvas[0] / 2) / ratio,
      ((row + 0.5 - image[1] / 2) * zoom + canvas[1] / 2) / ratio,
    ],
    toImage: (x, y) => [
      (x * ratio - canvas[0] / 2) / zoom + image[0] / 2 - 0.5,
      (y * ratio - canvas[1] / 2) / zoom + image[1] / 2 - 0.5,
    ],
  };
}
