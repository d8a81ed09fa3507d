import type { DicomWebClient } from '@fovea/core';
import { html, type TemplateResult } from 'lit';
import type { FoveaProgressEvent } from '../events/progress-event.js';
import type { FoveaToolChangeEvent } from '../events/tool-change-event.js';
import type { ToolbarCommand } from '../toolbar/toolbar-command.js';
import type { ViewportTool } from '../viewport/viewport-tool.js';
import { FoveaVolumeLayout } from '../volume-viewport/volume-layout.js';
import type { SharedResources } from './viewer-resources.js';
import { applyToVolumeView } from './viewport-commands.js';

/** What the viewer's MPR or 3D reconstruction shows, and whom it tells how its load goes. */
export interface VolumeBridgeContent {
  layout: 'mpr' | '3d';
  studyInstanceUid: string;
  /** (0020,000E) Series Instance UID of the series to reconstruct (the first viewport's). */
  seriesUid: string;
  /** The PET fused over the planes, or `''`. */
  fusionSeriesUid: string;
  tool: ViewportTool;
  client: DicomWebClient | undefined;
  resources: SharedResources;
  on: VolumeBridgeHandlers;
}

/** What the viewer does with the volume layout's events. */
export interface VolumeBridgeHandlers {
  loadStart(): void;
  /** The volumes are complete, or failed. */
  settled(): void;
  progress(event: FoveaProgressEvent): void;
  toolChange(tool: ViewportTool): void;
  /** A view changed (its own shortcut may have inverted it). */
  viewChange(): void;
}

/** The `<fovea-volume-layout>` (`part="volume"`) of the MPR and 3D layouts, on the viewer's client, pool and device. */
export function volumeBridge(content: VolumeBridgeContent): TemplateResult {
  const { on } = content;
  return html`<fovea-volume-layout
    part="volume"
    layout=${content.layout}
    study-uid=${content.studyInstanceUid}
    series-uid=${content.seriesUid}
    fusion-series-uid=${content.fusionSeriesUid}
    tool=${content.tool}
    .client=${content.client}
    .decoderPool=${content.resources.pool}
    .renderDevice=${content.resources.device}
    @fovea-load-start=${() => on.loadStart()}
    @fovea-load=${() => on.settled()}
    @fovea-error=${() => on.settled()}
    @fovea-progress=${(event: FoveaProgressEvent) => on.progress(event)}
    @fovea-tool-change=${(event: FoveaToolChangeEvent) => on.toolChange(event.tool)}
    @fovea-view-change=${() => on.viewChange()}
  ></fovea-volume-layout>`;
}

/** The volume layout rendered in `root`, if the viewer shows one. */
export function volumeLayoutIn(root: ParentNode): FoveaVolumeLayout | undefined {
  const element = root.querySelector('fovea-volume-layout');
  return element instanceof FoveaVolumeLayout ? element : undefined;
}

/**
 * Carries out a toolbar command on the reconstructions as one: every plane (or the 3D view) takes
 * it. Returns whether any view is inverted afterwards, for the toolbar to show.
 */
export function applyToVolumeLayout(layout: FoveaVolumeLayout, command: ToolbarCommand): boolean {
  for (const view of layout.views) applyToVolumeView(view, command);
  return volumeInverted(layout);
}

/** Whether any view of the layout is inverted (what the toolbar's invert button shows). */
export function volumeInverted(layout: FoveaVolumeLayout | undefined): boolean {
  return layout?.views.some((view) => view.inverted) ?? false;
}
