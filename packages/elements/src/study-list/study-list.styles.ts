import { css } from 'lit';

export const studyListStyles = css`
  :host {
    display: block;
    color: var(--fovea-text-color, #1b1f24);
    background: var(--fovea-background, #ffffff);
    font: var(--fovea-font, 14px/1.4 system-ui, sans-serif);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 6px 8px;
    border-bottom: 1px solid var(--fovea-border-color, #d0d7de);
  }
  th {
    font-weight: 600;
  }
  td.count {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  button {
    font: inherit;
    color: var(--fovea-accent-color, #0b57d0);
    background: none;
    border: none;
    padding: 0;
    cursor: pointer;
    text-align: start;
  }
  button:focus-visible {
    outline: 2px solid var(--fovea-focus-color, #0b57d0);
    outline-offset: 2px;
  }
  [part='search'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px 12px;
    padding: 8px;
    border-bottom: 1px solid var(--fovea-border-color, #d0d7de);
  }
  [part='search'] label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.9em;
  }
  [part='search'] input,
  [part='search'] select {
    font: inherit;
    color: inherit;
    background: var(--fovea-background, #ffffff);
    border: 1px solid var(--fovea-border-color, #d0d7de);
    border-radius: 4px;
    padding: 3px 6px;
  }
  [part='search'] input:focus-visible,
  [part='search'] select:focus-visible {
    outline: 2px solid var(--fovea-focus-color, #0b57d0);
    outline-offset: 1px;
  }
  [part='search-button'] {
    border: 1px solid var(--fovea-border-color, #d0d7de);
    border-radius: 4px;
    padding: 4px 10px;
  }
  [part='status'] {
    padding: 8px;
  }
  [part='error'] {
    padding: 8px;
    color: var(--fovea-error-color, #b3261e);
  }
`;
