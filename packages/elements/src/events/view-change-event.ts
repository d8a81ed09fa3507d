import type { ViewGeometry } from '../viewport/view-geometry.js';

/**
 * What the user sees changed: the frame shown, the window, or the view geometry (zoom, pan,
 * rotation, flips). Bubbles and crosses shadow roots.
 */
export class FoveaViewChangeEvent extends Event {
  static readonly eventName = 'fovea-view-change' as const;

  constructor(
    /** 0-based index of the frame shown, in display order. */
    readonly frameIndex: number,
    /** Window centre and width in modality units, when a window is applied. */
    readonly window: { center: number; width: number } | undefined,
    /** Where and how the image sits in the viewport; undefined from senders that do not move images. */
    readonly view?: ViewGeometry,
  ) {
    super(FoveaViewChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-view-change': FoveaViewChangeEvent;
  }
}
