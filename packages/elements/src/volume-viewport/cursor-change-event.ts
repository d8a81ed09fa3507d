import type { Vec3 } from '@fovea/core';

/**
 * The 3D cursor of a volume view moved (a click, a scroll along the plane's normal, or a host
 * setting it): the point all planes of an MPR pass through, mm patient LPS. Bubbles and crosses
 * shadow roots; a viewer hands the point to the other views of the same frame of reference.
 */
export class FoveaCursorChangeEvent extends Event {
  static readonly eventName = 'fovea-cursor-change' as const;

  constructor(
    /** The cursor, mm LPS. */
    readonly point: Readonly<Vec3>,
    /** (0020,0052) Frame of Reference UID of the volume, when known: only views sharing it follow. */
    readonly frameOfReferenceUid: string | undefined,
  ) {
    super(FoveaCursorChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-cursor-change': FoveaCursorChangeEvent;
  }
}
