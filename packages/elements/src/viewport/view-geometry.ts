import {
  type CanvasToImage,
  canvasToImage,
  DEFAULT_SLICE_VIEW,
  fitZoom,
  type SliceView,
} from '@fovea/render';

/**
 * Where and how the image sits in the viewport, in terms that survive a resize: magnification
 * relative to the fitted image and a pan in CSS pixels. Rotation and flips are those of the render
 * view (flip in image space, then rotate clockwise on screen).
 */
export interface ViewGeometry {
  /** Magnification relative to the fitted size: 1 shows the whole image, 2 twice as large. */
  scale: number;
  /** Offset of the image centre from the viewport centre, CSS pixels, x right and y down. */
  pan: readonly [number, number];
  /** Clockwise rotation on screen, degrees in [0, 360). */
  rotation: number;
  /** Mirror left-right in image space, before rotation. */
  flipHorizontal: boolean;
  /** Mirror top-bottom in image space, before rotation. */
  flipVertical: boolean;
}

/** The whole image, centred, upright. */
export const FITTED_VIEW: ViewGeometry = Object.freeze({
  scale: 1,
  pan: [0, 0] as const,
  rotation: 0,
  flipHorizontal: false,
  flipVertical: false,
});

/** Magnification limits relative to the fitted image (a 4096² mammogram still reaches 1:8 pixels). */
export const MIN_SCALE = 0.1;
export const MAX_SCALE = 64;

/**
 * Zooms by `factor` about `point` (CSS pixels from the viewport centre): what was under the point
 * stays there. The scale is clamped to [MIN_SCALE, MAX_SCALE].
 */
export function zoomAt(view: ViewGeometry, factor: number, point: readonly [number, number]): ViewGeometry {
  if (!(Number.isFinite(factor) && factor > 0)) return view;
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const applied = scale / view.scale;
  return {
    ...view,
    scale,
    pan: [point[0] - (point[0] - view.pan[0]) * applied, point[1] - (point[1] - view.pan[1]) * applied],
  };
}

/** Moves the image by (dx, dy) CSS pixels. */
export function panBy(view: ViewGeometry, dx: number, dy: number): ViewGeometry {
  return { ...view, pan: [view.pan[0] + dx, view.pan[1] + dy] };
}

/** Turns the image clockwise by `degrees` about the viewport centre (the pan turns with it). */
export function rotateBy(view: ViewGeometry, degrees: number): ViewGeometry {
  const [cos, sin] = exactCosSin(degrees);
  const [x, y] = view.pan;
  return {
    ...view,
    rotation: normaliseDegrees(view.rotation + degrees),
    pan: [x * cos - y * sin + 0, x * sin + y * cos + 0],
  };
}

/**
 * Mirrors what is on screen left-right (`horizontal`) or top-bottom (`vertical`), whatever the
 * rotation: a screen mirror after a rotation by θ equals a rotation by −θ after the image-space
 * mirror, so the flip toggles and the rotation changes sign.
 */
export function flipOnScreen(view: ViewGeometry, axis: 'horizontal' | 'vertical'): ViewGeometry {
  const horizontal = axis === 'horizontal';
  return {
    ...view,
    rotation: normaliseDegrees(-view.rotation),
    flipHorizontal: horizontal ? !view.flipHorizontal : view.flipHorizontal,
    flipVertical: horizontal ? view.flipVertical : !view.flipVertical,
    pan: horizontal ? [-view.pan[0] + 0, view.pan[1]] : [view.pan[0], -view.pan[1] + 0],
  };
}

/**
 * The render view of `view` for an image of `image` pixels (columns, rows) in a canvas of `canvas`
 * device pixels, `pixelRatio` device pixels per CSS pixel. The fitted size follows the nearest
 * quarter turn, so the image does not breathe while it is turned freely.
 */
export function renderGeometry(
  view: ViewGeometry,
  image: readonly [number, number],
  canvas: readonly [number, number],
  pixelRatio: number,
): Pick<SliceView, 'zoom' | 'pan' | 'rotation' | 'flipHorizontal' | 'flipVertical'> {
  const quarter = Math.round(view.rotation / 90) * 90;
  return {
    zoom: fitZoom(image, canvas, quarter) * view.scale,
    pan: [view.pan[0] * pixelRatio, view.pan[1] * pixelRatio],
    rotation: view.rotation,
    flipHorizontal: view.flipHorizontal,
    flipVertical: view.flipVertical,
  };
}

function normaliseDegrees(degrees: number): number {
  return (((degrees % 360) + 360) % 360) + 0;
}

function exactCosSin(degrees: number): [number, number] {
  const turn = normaliseDegrees(degrees);
  if (turn === 0) return [1, 0];
  if (turn === 90) return [0, 1];
  if (turn === 180) return [-1, 0];
  if (turn === 270) return [0, -1];
  const radians = (turn * Math.PI) / 180;
  return [Math.cos(radians), Math.sin(radians)];
}

/**
 * An affine map from CSS pixels of the viewport (from its top-left) to image pixel coordinates:
 * render's canvas map, with CSS pixels for canvas pixels.
 */
export type CssToImage = CanvasToImage;

/**
 * Where a point of the viewport (CSS pixels from its top-left) lies in the image (continuous pixel
 * coordinates: pixel (c, r) covers [c, c+1) × [r, r+1)), for the render view of `view`: the same
 * map as the render worker's in device pixels, every length scaled alike. Undefined before the
 * viewport has a size.
 */
export function cssToImage(
  view: ViewGeometry,
  imageSize: readonly [number, number],
  cssSize: readonly [number, number],
): CssToImage | undefined {
  if (!(cssSize[0] > 0 && cssSize[1] > 0 && imageSize[0] > 0 && imageSize[1] > 0)) return undefined;
  return canvasToImage(
    { ...DEFAULT_SLICE_VIEW, ...renderGeometry(view, imageSize, cssSize, 1) },
    imageSize,
    cssSize,
  );
}
