import { css } from 'lit';

export const viewerStyles = css`
  :host {
    display: block;
    position: relative;
    height: 600px;
    color: var(--fovea-text-color);
    background: var(--fovea-background);
    font: var(--fovea-font, 13px/1.3 system-ui, sans-serif);
    overflow: hidden;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    padding: 4px 8px;
    border-bottom: 1px solid var(--fovea-border-color);
  }
  [part='header'] dt {
    color: var(--fovea-muted-color);
  }
  [part='header'] div {
    display: flex;
    gap: 6px;
  }
  [part='header'] dd {
    margin: 0;
  }
  [part='toolbar'] {
    border-bottom: 1px solid var(--fovea-border-color);
  }
  .body {
    flex: 1 1 auto;
    display: grid;
    grid-template-columns: minmax(120px, var(--fovea-series-browser-width, 220px)) 1fr;
    min-height: 0;
  }
  [part='series-browser'] {
    border-inline-end: 1px solid var(--fovea-border-color);
    min-height: 0;
  }
  [part='viewports'] {
    display: grid;
    gap: 2px;
    min-height: 0;
    background: var(--fovea-border-color);
  }
  [part~='cell'] {
    position: relative;
    min-height: 0;
    min-width: 0;
    display: grid;
    background: var(--fovea-viewport-background, #000);
    outline: 2px solid transparent;
    outline-offset: -2px;
  }
  [part~='active'] {
    outline-color: var(--fovea-accent-color);
  }
  [part~='cell'].drop-target {
    outline-color: var(--fovea-focus-color);
    outline-style: dashed;
  }
  fovea-viewport {
    min-height: 0;
    height: 100%;
  }
  .empty-cell {
    place-self: center;
    color: var(--fovea-muted-color);
  }
  [part='progress'] {
    position: absolute;
    top: 0;
    inset-inline: 0;
    height: 3px;
    appearance: none;
    border: none;
    background: transparent;
    z-index: 2;
  }
  [part='progress']::-webkit-progress-bar {
    background: transparent;
  }
  [part='progress']::-webkit-progress-value {
    background: var(--fovea-accent-color);
  }
  [part='status'],
  [part='error'],
  [part='unavailable'] {
    place-self: center;
    padding: 16px;
    text-align: center;
    max-width: 40em;
  }
  [part='error'] {
    color: var(--fovea-error-color);
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--fovea-border-color);
    border-radius: 4px;
    padding: 3px 10px;
    margin-inline-start: 8px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--fovea-focus-color);
    outline-offset: 1px;
  }
`;
