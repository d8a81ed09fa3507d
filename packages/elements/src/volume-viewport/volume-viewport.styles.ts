import { css } from 'lit';
import { overlayMarkerStyles } from '../overlays/overlay-marker.styles.js';

export const volumeViewportStyles = css`
  :host {
    display: block;
    position: relative;
    min-height: 160px;
    overflow: hidden;
    background: var(--fovea-viewport-background, #000);
    color: var(--fovea-overlay-color, #e8e8e8);
    font: var(--fovea-font, 13px/1.3 system-ui, sans-serif);
    outline: none;
    touch-action: none;
  }
  :host(:focus-visible) {
    box-shadow: inset 0 0 0 2px var(--fovea-focus-color, #4c8dff);
  }
  canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
  }
  [part='overlay'] {
    position: absolute;
    inset: 0;
    pointer-events: none;
    text-shadow: 0 0 2px #000, 0 0 1px #000;
  }
  svg {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    overflow: visible;
  }
  [part~='crosshair'] {
    stroke-width: 1;
    opacity: 0.8;
    shape-rendering: crispEdges;
  }
  [data-plane='axial'] {
    stroke: var(--fovea-crosshair-axial, #ef5350);
  }
  [data-plane='coronal'] {
    stroke: var(--fovea-crosshair-coronal, #66bb6a);
  }
  [data-plane='sagittal'] {
    stroke: var(--fovea-crosshair-sagittal, #42a5f5);
  }
  [part='label'] {
    position: absolute;
    left: 8px;
    top: 8px;
  }
  [part='window'] {
    position: absolute;
    right: 8px;
    bottom: 8px;
  }
  [part='fusion'] {
    /* The line above the window. */
    position: absolute;
    right: 8px;
    bottom: calc(8px + 1.4em);
  }
  ${overlayMarkerStyles}
  [part='scale-bar'] svg {
    /* Not placed like the crosshair layer's svg. */
    position: static;
    width: auto;
    height: auto;
  }
  [part='status'],
  [part='error'] {
    position: absolute;
    left: 8px;
    bottom: 8px;
    padding: 2px 6px;
    background: rgb(0 0 0 / 60%);
    border-radius: 3px;
  }
  [part='error'] {
    color: var(--fovea-error-color, #ff8a80);
  }
`;
