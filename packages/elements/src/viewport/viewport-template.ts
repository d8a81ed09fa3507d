import type { VoiTransform } from '@fovea/render';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { type MessageKey, message } from '../i18n/messages.js';
import { viewportOverlays } from '../overlays/viewport-overlays.js';
import type { FrameFacts } from './frame-facts.js';
import { frameScrollbar } from './frame-scrollbar.js';
import { overlayContent } from './overlay-content.js';
import type { ProbeReadout } from './pixel-probe.js';
import type { ViewGeometry } from './view-geometry.js';

/** What a viewport shows above its canvas, at one moment. */
export interface ViewportTemplateState {
  lang: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  errorCode: string;
  portal: boolean;
  facts: FrameFacts | undefined;
  /** The frame asked for last (the scrollbar's position) and the one on screen (the overlay's). */
  frameIndex: number;
  shownFrameIndex: number;
  frameCount: number;
  voi: VoiTransform | undefined;
  playing: boolean;
  view: ViewGeometry;
  imageSize: readonly [number, number] | undefined;
  cssSize: readonly [number, number];
  /** The probe tool's reading under the pointer, if any. */
  probe: ProbeReadout | undefined;
  /** Moves to a frame (the scrollbar). */
  seek(index: number): void;
}

/** The layer above a viewport's canvas: overlays and scrollbar once ready, else its status or error. */
export function viewportTemplate(state: ViewportTemplateState): TemplateResult {
  const t = (key: MessageKey) => message(state.lang, key);
  if (state.status === 'loading') return html`<div part="status" role="status">${t('viewportLoading')}</div>`;
  if (state.status === 'error') {
    return html`<div part="error" role="alert">${t('viewportError')} <code>${state.errorCode}</code></div>`;
  }
  if (state.status !== 'ready') return html`${nothing}`;
  return html`
    ${viewportOverlays(
      overlayContent({
        lang: state.lang,
        portal: state.portal,
        facts: state.facts,
        frameIndex: state.shownFrameIndex,
        frameCount: state.frameCount,
        voi: state.voi,
        playing: state.playing,
        view: state.view,
        imageSize: state.imageSize,
        cssSize: state.cssSize,
      }),
    )}
    ${
      state.probe
        ? html`<div
            part="probe"
            role="status"
            aria-label=${t('probeLabel')}
            style=${styleMap({ left: `${state.probe.x}px`, top: `${state.probe.y}px` })}
          >
            ${state.probe.text}
          </div>`
        : nothing
    }
    ${frameScrollbar({
      index: state.frameIndex,
      count: state.frameCount,
      label: t('frameScrollbar'),
      seek: state.seek,
    })}
  `;
}
