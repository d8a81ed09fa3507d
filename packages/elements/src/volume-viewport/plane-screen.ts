import { canvasToImage, fitZoom } from '@fovea/render';
import { type ViewGeometry, zoomAt } from '../viewport/view-geometry.js';

/**
 * How a plane image of `columns × rows` pixels sits in a canvas: fitted whole and centred, then
 * magnified by the view's `scale` about the canvas centre and moved by its `pan` (the render
 * view gets `zoom` and `pan`, no rotation or flips). Coordinates are CSS pixels from the canvas's
 * top-left corner; image pixel centres lie on integers.
 */
export interface PlaneScreen {
  /** Canvas pixels per image pixel (device pixels): what the render view's `zoom` is. */
  zoom: number;
  /** Offset of the image centre from the canvas centre, device pixels: the render view's `pan`. */
  pan: readonly [number, number];
  /** CSS pixels per image pixel. */
  cssZoom: number;
  /** CSS position of the centre of image pixel (column, row). */
  toCss(column: number, row: number): [number, number];
  /** Fractional image pixel [column, row] under CSS position (x, y). */
  toImage(x: number, y: number): [number, number];
}

/** Where and how much a plane view is magnified: the parts of `ViewGeometry` that planes use. */
export type PlaneZoom = Pick<ViewGeometry, 'scale' | 'pan'>;

/** The view a plane starts with: the whole image, centred. */
export const FITTED_PLANE: PlaneZoom = Object.freeze({ scale: 1, pan: [0, 0] as const });

/**
 * The screen map of a plane image in a canvas of `canvas` device pixels, `ratio` device pixels
 * per CSS pixel, magnified and moved by `view` (pan in CSS pixels).
 */
export function planeScreen(
  image: readonly [columns: number, rows: number],
  canvas: readonly [width: number, height: number],
  ratio: number,
  view: PlaneZoom = FITTED_PLANE,
): PlaneScreen {
  const zoom = fitZoom(image, canvas) * view.scale;
  const pan: [number, number] = [view.pan[0] * ratio, view.pan[1] * ratio];
  // The render view's own map (canvas → image, pixel centres at +0.5 on both sides), so clicks
  // land where the worker samples; without rotation it is a scale and an offset per axis.
  const map = canvasToImage(
    {
      voi: undefined,
      invert: false,
      colormap: 'grey',
      interpolation: 'nearest',
      zoom,
      pan,
      rotation: 0,
      flipHorizontal: false,
      flipVertical: false,
    },
    image,
    canvas,
  );
  return {
    zoom,
    pan,
    cssZoom: zoom / ratio,
    toCss: (column, row) => [(column + 0.5 - map.x0) / map.xx / ratio, (row + 0.5 - map.y0) / map.yy / ratio],
    toImage: (x, y) => [map.xx * x * ratio + map.x0 - 0.5, map.yy * y * ratio + map.y0 - 0.5],
  };
}

/**
 * `view` magnified by `factor` about `point` (CSS pixels from the canvas centre): what was under
 * the point stays there; the scale is clamped as `<fovea-viewport>` clamps it.
 */
export function zoomPlane(view: PlaneZoom, factor: number, point: readonly [number, number]): PlaneZoom {
  const zoomed = zoomAt({ ...view, rotation: 0, flipHorizontal: false, flipVertical: false }, factor, point);
  return { scale: zoomed.scale, pan: zoomed.pan };
}

/** `view` moved by (dx, dy) CSS pixels. */
export function panPlane(view: PlaneZoom, dx: number, dy: number): PlaneZoom {
  return { scale: view.scale, pan: [view.pan[0] + dx, view.pan[1] + dy] };
}
