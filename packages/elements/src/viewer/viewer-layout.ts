/**
 * How a viewer arranges its views: a grid of viewports, or a reconstruction (`mpr`: three planes
 * of one volume, `3d`: a volume rendering) once the renderer draws them.
 */
export type ViewerLayout = '1x1' | '1x2' | '2x2' | 'mpr' | '3d';

/** Every layout, in the order a picker lists them. */
export const VIEWER_LAYOUTS: readonly ViewerLayout[] = ['1x1', '1x2', '2x2', 'mpr', '3d'];

/** What a layout needs: grid size, whether it reconstructs a volume, whether it can be drawn. */
export interface LayoutShape {
  columns: number;
  rows: number;
  /** True for the reconstructions (MPR, 3D): one series shown by `<fovea-volume-layout>`. */
  volume: boolean;
  /** False for a layout accepted but not drawable yet (the viewer says so). */
  available: boolean;
}

const SHAPES: Record<ViewerLayout, LayoutShape> = {
  '1x1': { columns: 1, rows: 1, volume: false, available: true },
  '1x2': { columns: 2, rows: 1, volume: false, available: true },
  '2x2': { columns: 2, rows: 2, volume: false, available: true },
  mpr: { columns: 3, rows: 1, volume: true, available: true },
  '3d': { columns: 1, rows: 1, volume: true, available: true },
};

/** Parses a `layout` attribute value; unknown values give the single view. */
export function parseLayout(value: string | null | undefined): ViewerLayout {
  return (VIEWER_LAYOUTS as readonly string[]).includes(value ?? '') ? (value as ViewerLayout) : '1x1';
}

/** The grid and availability of `layout`. */
export function layoutShape(layout: ViewerLayout): LayoutShape {
  return SHAPES[layout];
}
