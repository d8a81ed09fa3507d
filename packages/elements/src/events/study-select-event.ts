import type { StudySummary } from '@fovea/core';

/** Fired by `<fovea-study-list>` when the user opens a study. Bubbles and crosses shadow roots. */
export class FoveaStudySelectEvent extends Event {
  static readonly eventName = 'fovea-study-select' as const;

  constructor(readonly study: StudySummary) {
    super(FoveaStudySelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-study-select': FoveaStudySelectEvent;
  }
}
