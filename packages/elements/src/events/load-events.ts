/** Fired when an element starts loading what it was pointed at. Bubbles and crosses shadow roots. */
export class FoveaLoadStartEvent extends Event {
  static readonly eventName = 'fovea-load-start' as const;

  constructor(
    readonly studyInstanceUid: string,
    readonly seriesInstanceUid: string,
  ) {
    super(FoveaLoadStartEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The first image is on screen. Bubbles and crosses shadow roots. */
export class FoveaLoadEvent extends Event {
  static readonly eventName = 'fovea-load' as const;

  constructor(readonly frameCount: number) {
    super(FoveaLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-load-start': FoveaLoadStartEvent;
    'fovea-load': FoveaLoadEvent;
  }
}
