import { css } from 'lit';

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
    right: 8px;
    top: 8px;
    text-align: end;
    text-shadow: 0 0 2px #000;
    pointer-events: none;
  }
`;
