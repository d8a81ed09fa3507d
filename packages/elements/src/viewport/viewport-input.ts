import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the user asked for, in viewer terms. */
export interface ViewportCommands {
  /** Move `delta` frames (negative: back). */
  step(delta: number): void;
  /** Go to the first or last frame. */
  jump(to: 'first' | 'last'): void;
  /** A window drag: `dx` widens, `dy` raises the centre, in CSS pixels. */
  adjustWindow(dx: number, dy: number): void;
  /** Start or stop playing through the frames. */
  togglePlay(): void;
  /** Apply window preset `index` (0-based) of the presets list. */
  preset(index: number): void;
  /** Invert the grey scale. */
  invert(): void;
  /** Back to the stored window, no inversion. */
  reset(): void;
}

/**
 * Mouse, touch-pointer and keyboard input of a viewport, mapped to commands. Listeners are tied to
 * an AbortController and released when the element leaves the DOM. The wheel and the arrow,
 * Page and Home/End keys page through frames; dragging with the primary button changes the window;
 * Space plays and pauses, 1–9 pick a window preset, I inverts, R resets.
 */
export class ViewportInput implements ReactiveController {
  #listeners: AbortController | undefined;
  #drag: { pointerId: number; x: number; y: number } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly commands: ViewportCommands,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#listeners = new AbortController();
    const options = { signal: this.#listeners.signal };
    this.host.addEventListener('wheel', (event) => this.#onWheel(event), { ...options, passive: false });
    this.host.addEventListener('keydown', (event) => this.#onKey(event), options);
    this.host.addEventListener('pointerdown', (event) => this.#onPointerDown(event), options);
    this.host.addEventListener('pointermove', (event) => this.#onPointerMove(event), options);
    this.host.addEventListener('pointerup', (event) => this.#onPointerUp(event), options);
    this.host.addEventListener('pointercancel', (event) => this.#onPointerUp(event), options);
  }

  hostDisconnected(): void {
    this.#listeners?.abort();
    this.#listeners = undefined;
    this.#drag = undefined;
  }

  #onWheel(event: WheelEvent): void {
    if (event.deltaY === 0) return;
    event.preventDefault();
    this.commands.step(Math.sign(event.deltaY));
  }

  #onKey(event: KeyboardEvent): void {
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowRight: 1,
      ArrowUp: -1,
      ArrowLeft: -1,
      PageDown: 10,
      PageUp: -10,
    };
    const step = steps[event.key];
    const preset = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : undefined;
    if (step !== undefined) this.commands.step(step);
    else if (event.key === 'Home') this.commands.jump('first');
    else if (event.key === 'End') this.commands.jump('last');
    else if (event.key === ' ') this.commands.togglePlay();
    else if (preset !== undefined) this.commands.preset(preset);
    else if (event.key === 'i' || event.key === 'I') this.commands.invert();
    else if (event.key === 'r' || event.key === 'R') this.commands.reset();
    else return;
    event.preventDefault();
  }

  #onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || this.#drag) return;
    this.host.setPointerCapture?.(event.pointerId);
    this.#drag = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
  }

  #onPointerMove(event: PointerEvent): void {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (dx === 0 && dy === 0) return;
    this.#drag = { ...drag, x: event.clientX, y: event.clientY };
    this.commands.adjustWindow(dx, dy);
  }

  #onPointerUp(event: PointerEvent): void {
    if (this.#drag?.pointerId === event.pointerId) this.#drag = undefined;
  }
}
