/**
 * Fired when an element could not do what was asked (load failed, bad input). The element also
 * shows the error itself; the event lets the host log or react. `error` carries a `code` when it is
 * a Fovea error. Bubbles and crosses shadow roots.
 */
export class FoveaErrorEvent extends Event {
  static readonly eventName = 'fovea-error' as const;

  constructor(readonly error: unknown) {
    super(FoveaErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-error': FoveaErrorEvent;
  }
}
