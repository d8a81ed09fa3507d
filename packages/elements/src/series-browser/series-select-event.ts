import type { SeriesSummary } from '@fovea/core';

/** Fired by `<fovea-series-browser>` when the user picks a series. Bubbles and crosses shadow roots. */
export class FoveaSeriesSelectEvent extends Event {
  static readonly eventName = 'fovea-series-select' as const;

  constructor(readonly series: SeriesSummary) {
    super(FoveaSeriesSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fovea-series-select': FoveaSeriesSelectEvent;
  }
}
