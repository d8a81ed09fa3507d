import { html, nothing, type TemplateResult } from 'lit';

/** A frame scrollbar's state and what it asks for. */
export interface FrameScrollbarOptions {
  /** 0-based frame shown, and how many frames there are. */
  index: number;
  count: number;
  /** Accessible name. */
  label: string;
  /** The user pointed at frame `index` (0-based, clamped). */
  seek(index: number): void;
}

/**
 * A vertical slider along the right edge: the thumb shows where in the series the frame is; a
 * click or drag on the track goes there. Keys reach the viewport, which pages (arrows, Page
 * Up/Down, Home/End). Pointer events stop here, so they do not also drag the active tool.
 * Nothing is drawn for a single frame.
 */
export function frameScrollbar(options: FrameScrollbarOptions): TemplateResult | typeof nothing {
  const { index, count } = options;
  if (count < 2) return nothing;
  const seekTo = (event: PointerEvent) => {
    const track = event.currentTarget as HTMLElement;
    const box = track.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientY - box.top) / Math.max(1, box.height)));
    options.seek(Math.round(fraction * (count - 1)));
  };
  const down = (event: PointerEvent) => {
    event.stopPropagation();
    if (event.button !== 0) return;
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    seekTo(event);
  };
  const move = (event: PointerEvent) => {
    event.stopPropagation();
    if ((event.currentTarget as HTMLElement).hasPointerCapture?.(event.pointerId)) seekTo(event);
  };
  const thumbSize = Math.max(100 / count, 4);
  const top = (index / (count - 1)) * (100 - thumbSize);
  return html`<div
    part="scrollbar"
    role="slider"
    tabindex="0"
    aria-orientation="vertical"
    aria-label=${options.label}
    aria-valuemin="1"
    aria-valuemax=${count}
    aria-valuenow=${index + 1}
    @pointerdown=${down}
    @pointermove=${move}
    @pointerup=${(event: PointerEvent) => event.stopPropagation()}
  >
    <div part="scrollbar-thumb" .style=${`top: ${top}%; height: ${thumbSize}%`}></div>
  </div>`;
}
