import type { DicomWebClient } from '@fovea/core';
import { html, type TemplateResult } from 'lit';
import type { FoveaProgressEvent } from '../events/progress-event.js';
import type { FoveaToolChangeEvent } from '../events/tool-change-event.js';
import type { ViewportTool } from '../viewport/viewport-tool.js';
import { acceptSeriesDrag, droppedSeriesUid } from './series-drop.js';
import type { LayoutShape } from './viewer-layout.js';
import type { Translate } from './viewer-notices.js';
import type { SharedResources } from './viewer-resources.js';

/** What the viewer's grid of stack viewports shows, and whom it tells what happens in a cell. */
export interface ViewportGridContent {
  t: Translate;
  shape: LayoutShape;
  /** (0020,000E) Series Instance UID per cell, in reading order; `''` for an empty cell. */
  cells: readonly string[];
  activeIndex: number;
  /** The cell a series is dragged over, or -1. */
  dropTarget: number;
  studyInstanceUid: string;
  tool: ViewportTool;
  portal: boolean;
  client: DicomWebClient | undefined;
  resources: SharedResources;
  on: ViewportGridHandlers;
}

/** What the viewer does when something happens in cell `index` or its viewport. */
export interface ViewportGridHandlers {
  activate(index: number): void;
  /** A series from the series browser is dragged over cell `index` (-1: over none). */
  dropTarget(index: number): void;
  /** A series of this study was dropped on cell `index`. */
  showSeries(seriesInstanceUid: string, index: number): void;
  loadStart(index: number): void;
  /** The viewport shows its first image, or failed to. */
  settled(index: number): void;
  viewChange(index: number): void;
  toolChange(tool: ViewportTool): void;
  progress(index: number, event: FoveaProgressEvent): void;
}

/**
 * The layout's grid (`part="viewports"`): one cell per series slot, each a `<fovea-viewport>` on the
 * viewer's client, pool and device, or a hint to drop a series there.
 */
export function viewportGrid(grid: ViewportGridContent): TemplateResult {
  const { t, shape, cells, on } = grid;
  return html`<div
    part="viewports"
    .style=${`grid-template: repeat(${shape.rows}, minmax(0, 1fr)) / repeat(${shape.columns}, minmax(0, 1fr))`}
  >
    ${cells.map(
      (uid, index) => html`<div
        part=${index === grid.activeIndex ? 'cell active' : 'cell'}
        class=${grid.dropTarget === index ? 'drop-target' : ''}
        role="group"
        aria-label=${t('viewerCellLabel', { index: String(index + 1), count: String(cells.length) })}
        data-cell=${index}
        @pointerdown=${() => on.activate(index)}
        @focusin=${() => on.activate(index)}
        @dragover=${(event: DragEvent) => {
          if (acceptSeriesDrag(event)) on.dropTarget(index);
        }}
        @dragleave=${() => on.dropTarget(-1)}
        @drop=${(event: DragEvent) => {
          on.dropTarget(-1);
          const uid = droppedSeriesUid(event, grid.studyInstanceUid);
          if (uid) on.showSeries(uid, index);
        }}
      >
        ${
          uid
            ? html`<fovea-viewport
                data-cell=${index}
                study-uid=${grid.studyInstanceUid}
                series-uid=${uid}
                tool=${grid.tool}
                ?portal=${grid.portal}
                .client=${grid.client}
                .decoderPool=${grid.resources.pool}
                .renderDevice=${grid.resources.device}
                @fovea-load-start=${() => on.loadStart(index)}
                @fovea-load=${() => on.settled(index)}
                @fovea-error=${() => on.settled(index)}
                @fovea-view-change=${() => on.viewChange(index)}
                @fovea-tool-change=${(event: FoveaToolChangeEvent) => on.toolChange(event.tool)}
                @fovea-progress=${(event: FoveaProgressEvent) => on.progress(index, event)}
              ></fovea-viewport>`
            : html`<div class="empty-cell">${t('viewerDropHint')}</div>`
        }
      </div>`,
    )}
  </div>`;
}
