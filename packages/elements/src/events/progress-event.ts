/**
 * Fired while an element loads the frames of what it shows: `loaded` of `total` frames are in
 * memory (fetched as stored; decoding happens when a frame is shown). Fired once with
 * `loaded === total` at the end. Bubbles and crosses shadow roots.
 */
export class FoveaProgressEvent extends Event {
  static readonly eventName = 'fovea-progress' as const;

  constructor(
    /** Frames fetched so far. */
    readonly loaded: number,
    /** Frames in the series. */
    readonly total: number,
  ) {
    super(FoveaProgressEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-progress': FoveaProgressEvent;
  }
}
