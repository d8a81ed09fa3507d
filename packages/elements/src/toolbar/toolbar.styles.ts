import { css } from 'lit';

export const toolbarStyles = css`
  :host {
    display: block;
    color: var(--fovea-text-color, #1b1f24);
    background: var(--fovea-surface-color, #f3f4f6);
    font: var(--fovea-font, 13px/1.3 system-ui, sans-serif);
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    padding: 4px 6px;
  }
  .separator {
    width: 1px;
    align-self: stretch;
    margin: 2px 4px;
    background: var(--fovea-border-color, #d0d7de);
  }
  button,
  select {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--fovea-border-color, #d0d7de);
    border-radius: 4px;
    padding: 3px 8px;
    min-height: 28px;
    cursor: pointer;
  }
  select {
    background: var(--fovea-background, #ffffff);
  }
  button[aria-pressed='true'] {
    background: var(--fovea-accent-color, #0b57d0);
    border-color: var(--fovea-accent-color, #0b57d0);
    color: var(--fovea-accent-contrast-color, #ffffff);
  }
  button:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--fovea-focus-color, #0b57d0);
    outline-offset: 1px;
  }
`;
