import { css } from 'lit';
import { overlayMarkerStyles } from '../overlays/overlay-marker.styles.js';

export const viewportStyles = css`
  :host {
    display: block;
    position: relative;
    min-height: 200px;
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
  [part='overlay'] {
    position: absolute;
    inset: 0;
    pointer-events: none;
    text-shadow: 0 0 2px #000, 0 0 1px #000;
  }
  [part~='annotations'] {
    position: absolute;
    max-width: 45%;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [part~='annotations-top-left'] {
    left: 8px;
    top: 8px;
  }
  [part~='annotations-top-right'] {
    right: 24px;
    top: 8px;
    text-align: end;
  }
  [part~='annotations-bottom-left'] {
    left: 8px;
    bottom: 8px;
  }
  [part~='annotations-bottom-right'] {
    right: 24px;
    bottom: 8px;
    text-align: end;
  }
  [part='probe'] {
    position: absolute;
    /* Beside the pointer, not under it: the reader sees the pixel and its value. */
    transform: translate(12px, -100%);
    padding: 1px 5px;
    background: rgb(0 0 0 / 60%);
    border-radius: 3px;
    white-space: nowrap;
    pointer-events: none;
    text-shadow: none;
  }
  ${overlayMarkerStyles}
  [data-edge='right'] {
    /* Clear of the scrollbar. */
    right: 22px;
  }
  [part='scrollbar'] {
    position: absolute;
    right: 2px;
    top: 8px;
    bottom: 8px;
    width: 12px;
    border-radius: 6px;
    background: var(--fovea-scrollbar-track, rgb(255 255 255 / 12%));
    cursor: pointer;
    touch-action: none;
  }
  [part='scrollbar']:focus-visible {
    outline: 2px solid var(--fovea-focus-color, #4c8dff);
  }
  [part='scrollbar-thumb'] {
    position: absolute;
    left: 2px;
    right: 2px;
    min-height: 8px;
    border-radius: 4px;
    background: var(--fovea-scrollbar-thumb, rgb(255 255 255 / 55%));
  }
`;
