import type { ToolbarCommand } from './toolbar-command.js';

/** Fired by `<fovea-toolbar>` when the user picks a tool or an action. Bubbles and crosses shadow roots. */
export class FoveaToolbarCommandEvent extends Event {
  static readonly eventName = 'fovea-toolbar-command' as const;

  constructor(readonly command: ToolbarCommand) {
    super(FoveaToolbarCommandEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-toolbar-command': FoveaToolbarCommandEvent;
  }
}
