import { html, nothing, svg, type TemplateResult } from 'lit';
import type { CornerAnnotations } from './annotations.js';
import type { OrientationMarkers } from './orientation-markers.js';
import type { CalibrationSource } from './pixel-calibration.js';
import type { ScaleBar } from './scale-bar.js';

/** Everything the overlay layer draws, already worded. */
export interface ViewportOverlayContent {
  corners: CornerAnnotations;
  /** Letters at the edges; undefined when the image's orientation is not known. */
  markers: OrientationMarkers | undefined;
  /** Accessible description of the markers. */
  markersLabel: string;
  /**
   * The scale bar, its label, whether it measures in the patient, and where its pixel size comes
   * from; undefined when the pixel size is not known.
   */
  scaleBar: { bar: ScaleBar; label: string; calibrated: boolean; source: CalibrationSource } | undefined;
}

const lines = (values: readonly string[]) => values.map((value) => html`<div>${value}</div>`);

/**
 * The overlay layer above the canvas: four corners of text, orientation letters at the middle of
 * each edge, and a horizontal scale bar at the bottom. Drawn by the element (DOM and SVG), so it
 * stays sharp, selectable by tests and screen readers, and costs the render worker nothing.
 */
export function viewportOverlays(content: ViewportOverlayContent): TemplateResult {
  const { corners, markers, scaleBar } = content;
  return html`<div part="overlay">
    <div part="annotations annotations-top-left">${lines(corners.topLeft)}</div>
    <div part="annotations annotations-top-right">${lines(corners.topRight)}</div>
    <div part="annotations annotations-bottom-left" aria-live="polite">${lines(corners.bottomLeft)}</div>
    <div part="annotations annotations-bottom-right">${lines(corners.bottomRight)}</div>
    ${
      markers
        ? html`<div part="orientation-markers" role="img" aria-label=${content.markersLabel}>
            ${(['top', 'right', 'bottom', 'left'] as const).map(
              (edge) =>
                html`<span part="orientation-marker" data-edge=${edge} aria-hidden="true">${markers[edge]}</span>`,
            )}
          </div>`
        : nothing
    }
    ${scaleBar ? scaleBarTemplate(scaleBar) : nothing}
  </div>`;
}

function scaleBarTemplate({
  bar,
  label,
  calibrated,
  source,
}: NonNullable<ViewportOverlayContent['scaleBar']>): TemplateResult {
  const width = Math.round(bar.lengthPx * 100) / 100;
  return html`<div part="scale-bar" data-mm=${bar.mm} data-calibrated=${String(calibrated)}
    data-source=${source} .style=${`width: ${width}px`}>
    <svg width=${width} height="8" viewBox="0 0 ${width} 8" aria-hidden="true">
      ${svg`<path d="M0.5 0 V7.5 H${width - 0.5} V0" fill="none" stroke="currentColor" stroke-width="1" />`}
    </svg>
    <div part="scale-bar-label">${label}</div>
  </div>`;
}
