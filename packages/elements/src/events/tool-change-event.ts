import type { ViewportTool } from '../viewport/viewport-tool.js';

/**
 * Fired by `<fovea-viewport>` when its active tool (what the primary button and one finger do)
 * changed, by the user (keyboard shortcut) or by the host (`tool` property). Bubbles and crosses
 * shadow roots.
 */
export class FoveaToolChangeEvent extends Event {
  static readonly eventName = 'fovea-tool-change' as const;

  constructor(
    /** The tool now active. */
    readonly tool: ViewportTool,
    /** The tool active before. */
    readonly previousTool: ViewportTool,
  ) {
    super(FoveaToolChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-tool-change': FoveaToolChangeEvent;
  }
}
