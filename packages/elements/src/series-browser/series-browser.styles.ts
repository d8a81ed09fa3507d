import { css } from 'lit';

export const seriesBrowserStyles = css`
  :host {
    display: block;
    overflow-y: auto;
    color: var(--fovea-text-color, #1b1f24);
    background: var(--fovea-surface-color, #f3f4f6);
    font: var(--fovea-font, 13px/1.3 system-ui, sans-serif);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 4px;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  [part~='series'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 8px;
    align-items: center;
    width: 100%;
    padding: 4px;
    font: inherit;
    color: inherit;
    text-align: start;
    background: transparent;
    border: 1px solid transparent;
    border-radius: 4px;
    cursor: pointer;
  }
  [part~='series']:hover {
    border-color: var(--fovea-border-color, #d0d7de);
  }
  [part~='series'][aria-current='true'] {
    border-color: var(--fovea-accent-color, #0b57d0);
    box-shadow: inset 0 0 0 1px var(--fovea-accent-color, #0b57d0);
  }
  [part~='series']:focus-visible {
    outline: 2px solid var(--fovea-focus-color, #0b57d0);
    outline-offset: 1px;
  }
  [part='thumbnail'] {
    grid-row: span 3;
    width: var(--fovea-thumbnail-size, 72px);
    height: var(--fovea-thumbnail-size, 72px);
    background: #000;
    border-radius: 2px;
    display: grid;
    place-items: center;
    overflow: hidden;
  }
  [part='thumbnail'] canvas {
    width: 100%;
    height: 100%;
  }
  .no-preview {
    color: #9aa4b0;
    font-size: 11px;
    text-align: center;
  }
  .modality {
    font-weight: 600;
  }
  .count,
  .number {
    color: var(--fovea-muted-color, #57606a);
    font-variant-numeric: tabular-nums;
  }
  .description {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='status'],
  [part='error'] {
    padding: 8px;
  }
  [part='error'] {
    color: var(--fovea-error-color, #b3261e);
  }
`;
