/** What the user sees changed: the frame shown, or the window. Bubbles and crosses shadow roots. */
export class FoveaViewChangeEvent extends Event {
  static readonly eventName = 'fovea-view-change' as const;

  constructor(
    /** 0-based index of the frame shown, in display order. */
    readonly frameIndex: number,
    /** Window centre and width in modality units, when a window is applied. */
    readonly window: { center: number; width: number } | undefined,
  ) {
    super(FoveaViewChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-view-change': FoveaViewChangeEvent;
  }
}
