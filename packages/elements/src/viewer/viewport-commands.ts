import type { ToolbarCommand, ToolbarTool } from '../toolbar/toolbar-command.js';
import type { FoveaViewport } from '../viewport/viewport.js';
import { CT_WINDOW_PRESETS } from '../viewport/window-presets.js';

/**
 * What a viewer may ask of a viewport beyond the methods every `<fovea-viewport>` has: view
 * transforms and the mouse tool. Looked up at run time so the viewer works with the viewport as it
 * is and picks these up as they land.
 */
interface ViewportTransforms {
  tool: ToolbarTool;
  rotate(degrees: number): void;
  flipHorizontal(): void;
  flipVertical(): void;
  invert(): void;
}

/** True when `viewport` can carry out `command` (the toolbar hides what it cannot). */
export function viewportSupports(viewport: FoveaViewport, command: ToolbarCommand['type']): boolean {
  const v = viewport as unknown as Partial<ViewportTransforms>;
  if (command === 'rotate') return typeof v.rotate === 'function';
  if (command === 'flip')
    return typeof v.flipHorizontal === 'function' && typeof v.flipVertical === 'function';
  if (command === 'tool') return 'tool' in viewport;
  return true;
}

/**
 * Carries out a toolbar command on one viewport. Layout commands belong to the viewer and are
 * ignored here. Returns false when the viewport cannot do it.
 */
export function applyToViewport(viewport: FoveaViewport, command: ToolbarCommand): boolean {
  const v = viewport as unknown as Partial<ViewportTransforms>;
  switch (command.type) {
    case 'preset': {
      const preset = CT_WINDOW_PRESETS.find((p) => p.name === command.preset);
      if (preset) viewport.setWindow(preset.center, preset.width);
      return preset !== undefined;
    }
    case 'reset':
      viewport.resetView();
      return true;
    case 'cine':
      if (command.play) viewport.play();
      else viewport.pause();
      return true;
    case 'invert':
      if (typeof v.invert === 'function') v.invert();
      // The viewport's own shortcut (I) is its public way to invert until it has a method.
      else viewport.dispatchEvent(new KeyboardEvent('keydown', { key: 'i', bubbles: false }));
      return true;
    case 'rotate':
      if (typeof v.rotate !== 'function') return false;
      v.rotate(command.degrees);
      return true;
    case 'flip':
      if (!viewportSupports(viewport, 'flip')) return false;
      if (command.axis === 'horizontal') v.flipHorizontal?.();
      else v.flipVertical?.();
      return true;
    case 'tool':
      if (!('tool' in viewport)) return false;
      v.tool = command.tool;
      return true;
    case 'layout':
      return false;
  }
}
