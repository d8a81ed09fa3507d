/**
 * How a viewer arranges its views: a grid of viewports, or a reconstruction (`mpr`: three planes
 * of one volume, `3d`: a volume rendering) once the renderer draws them.
 */
export type ViewerLayout = '1x1' | '1x2' | '2x2' | 'mpr' | '3d';

/** Every layout, in the order a picker lists them. */
export const VIEWER_LAYOUTS: readonly ViewerLayout[] = ['1x1', '1x2', '2x2', 'mpr', '3d'];

/** What a layout needs: grid size, and whether the renderer can draw it today. */
export interface LayoutShape {
  columns: number;
  rows: number;
  /**
   * False for the reconstructions (MPR, 3D): `@fovea/render` has no plane or volume pass on screen
   * yet. When it does, this flag flips and the viewer gives those views a volume instead of a series.
   */
  available: boolean;
}

const SHAPES: Record<ViewerLayout, LayoutShape> = {
  '1x1': { columns: 1, rows: 1, available: true },
  '1x2': { columns: 2, rows: 1, available: true },
  '2x2': { columns: 2, rows: 2, available: true },
  mpr: { columns: 3, rows: 1, available: false },
  '3d': { columns: 1, rows: 1, available: false },
};

/** Parses a `layout` attribute value; unknown values give the single view. */
export function parseLayout(value: string | null | undefined): ViewerLayout {
  return (VIEWER_LAYOUTS as readonly string[]).includes(value ?? '') ? (value as ViewerLayout) : '1x1';
}

/** The grid and availability of `layout`. */
export function layoutShape(layout: ViewerLayout): LayoutShape {
  return SHAPES[layout];
}
