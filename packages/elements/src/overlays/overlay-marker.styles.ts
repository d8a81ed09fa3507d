import { css } from 'lit';

/**
 * Where the orientation letters and the scale bar sit over a view, shared by `<fovea-viewport>`
 * and `<fovea-volume-viewport>` (each may move one edge, e.g. the stack viewport's right letter
 * clear of its scrollbar).
 */
export const overlayMarkerStyles = css`
  [part='orientation-marker'] {
    position: absolute;
    font-weight: 600;
    color: var(--fovea-orientation-color, #ffd54f);
  }
  [data-edge='top'] {
    top: 6px;
    left: 50%;
    transform: translateX(-50%);
  }
  [data-edge='bottom'] {
    bottom: 30px;
    left: 50%;
    transform: translateX(-50%);
  }
  [data-edge='left'] {
    left: 6px;
    top: 50%;
    transform: translateY(-50%);
  }
  [data-edge='right'] {
    right: 6px;
    top: 50%;
    transform: translateY(-50%);
  }
  [part='scale-bar'] {
    position: absolute;
    bottom: 8px;
    left: 50%;
    transform: translateX(-50%);
    text-align: center;
    font-size: 0.85em;
  }
  [part='scale-bar'] svg {
    display: block;
    overflow: visible;
  }
`;
