/**
 * What dragging with the primary button (or one finger) does in a viewport:
 * - `windowLevel`: horizontal drag widens the window, vertical drag raises its centre;
 * - `pan`: moves the image;
 * - `zoom`: dragging up magnifies about the point where the drag began;
 * - `rotate`: turns the image about the viewport centre, following the pointer's angle;
 * - `scroll`: dragging down pages forward through the frames.
 */
export type ViewportTool = 'windowLevel' | 'pan' | 'zoom' | 'rotate' | 'scroll';

/** Every tool, in the order a toolbar would show them. */
export const VIEWPORT_TOOLS: readonly ViewportTool[] = ['windowLevel', 'pan', 'zoom', 'rotate', 'scroll'];

/** Whether `value` names a tool (for attribute values and other untyped input). */
export function isViewportTool(value: unknown): value is ViewportTool {
  return typeof value === 'string' && (VIEWPORT_TOOLS as readonly string[]).includes(value);
}
