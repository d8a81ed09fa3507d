import { css } from 'lit';

/** `<fovea-volume-layout>`: its views side by side, the 3D preset picker over them, messages. */
export const volumeLayoutStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    position: relative;
  }
  [part='views'] {
    flex: 1;
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 2px;
    min-height: 0;
  }
  fovea-volume-viewport {
    min-height: 0;
    height: 100%;
  }
  [part='preset'] {
    position: absolute;
    top: 8px;
    right: 8px;
    z-index: 1;
  }
  [part='status'],
  [part='error'],
  [part='fusion-error'] {
    padding: 8px;
  }
  [part='error'],
  [part='fusion-error'] {
    color: var(--fovea-error-color, #ff8a80);
  }
`;
