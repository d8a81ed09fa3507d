import { FoveaError } from '@fovea/core';
import { FoveaErrorEvent } from '../events/error-event.js';
import { FoveaToolChangeEvent } from '../events/tool-change-event.js';

/**
 * What dragging with the primary button (or one finger) does in a viewport:
 * - `windowLevel`: horizontal drag widens the window, vertical drag raises its centre;
 * - `pan`: moves the image;
 * - `zoom`: dragging up magnifies about the point where the drag began;
 * - `rotate`: turns the image about the viewport centre, following the pointer's angle;
 * - `scroll`: dragging down pages forward through the frames;
 * - `probe`: pressing (and dragging) shows the value of the image pixel under the pointer, in
 *   modality units (HU, SUVbw, …); a stack viewport only.
 */
export type ViewportTool = 'windowLevel' | 'pan' | 'zoom' | 'rotate' | 'scroll' | 'probe';

/** Every tool, in the order a toolbar would show them. */
export const VIEWPORT_TOOLS: readonly ViewportTool[] = [
  'windowLevel',
  'pan',
  'zoom',
  'rotate',
  'scroll',
  'probe',
];

/** Whether `value` names a tool (for attribute values and other untyped input). */
export function isViewportTool(value: unknown): value is ViewportTool {
  return typeof value === 'string' && (VIEWPORT_TOOLS as readonly string[]).includes(value);
}

/**
 * The tool to keep after `tool` was set (an attribute may say anything: an unknown name falls back
 * to `previous`, else `windowLevel`), and the event that tells the host: `fovea-error` for an
 * unknown name, `fovea-tool-change` for a change.
 */
export function checkedTool(
  tool: unknown,
  previous: ViewportTool | undefined,
): { tool: ViewportTool; event?: FoveaErrorEvent | FoveaToolChangeEvent } {
  if (!isViewportTool(tool)) {
    return {
      tool: isViewportTool(previous) ? previous : 'windowLevel',
      event: new FoveaErrorEvent(new FoveaError('INVALID_TOOL', `"${String(tool)}" is not a viewport tool`)),
    };
  }
  if (previous !== undefined && previous !== tool)
    return { tool, event: new FoveaToolChangeEvent(tool, previous) };
  return { tool };
}
