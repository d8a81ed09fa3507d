import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a volume view does with the user's input (positions in CSS pixels of the element). */
export interface VolumeInputActions {
  /** A primary-button press released where it started: move the cursor there. */
  click(x: number, y: number): void;
  /** The primary button drags by (dx, dy) since the last call; `done` on release. */
  drag(dx: number, dy: number, done: boolean): void;
  /** Move the plane `delta` steps along its normal (wheel, arrows, Page keys). */
  step(delta: number): void;
  /** Keys 1–4: a window (plane) or rendering (3D) preset. */
  preset(index: number): void;
}

/** Pointer travel, CSS pixels, under which a press counts as a click rather than a drag. */
const CLICK_SLOP = 3;

/**
 * Pointer, wheel and keyboard input of a volume view. Listeners are registered with an
 * `AbortController` and released when the element leaves the DOM.
 */
export class VolumeInput implements ReactiveController {
  #listeners: AbortController | undefined;
  #press: { id: number; startX: number; startY: number; x: number; y: number; dragging: boolean } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly actions: VolumeInputActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const listeners = new AbortController();
    this.#listeners = listeners;
    const options = { signal: listeners.signal };
    const host = this.host;
    host.addEventListener('pointerdown', (event) => this.#down(event), options);
    host.addEventListener('pointermove', (event) => this.#move(event), options);
    host.addEventListener('pointerup', (event) => this.#up(event), options);
    host.addEventListener('pointercancel', (event) => this.#up(event, true), options);
    host.addEventListener('wheel', (event) => this.#wheel(event), { ...options, passive: false });
    host.addEventListener('keydown', (event) => this.#key(event), options);
  }

  hostDisconnected(): void {
    this.#listeners?.abort();
    this.#listeners = undefined;
    this.#press = undefined;
  }

  #local(event: PointerEvent | WheelEvent): [number, number] {
    const box = this.host.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }

  #down(event: PointerEvent): void {
    if (event.button !== 0 || this.#press) return;
    const [x, y] = this.#local(event);
    this.#press = { id: event.pointerId, startX: x, startY: y, x, y, dragging: false };
    try {
      this.host.setPointerCapture(event.pointerId);
    } catch {
      // A pointer that is already gone (synthetic or lifted) cannot be captured: drag without.
    }
    this.host.focus({ preventScroll: true });
  }

  #move(event: PointerEvent): void {
    const press = this.#press;
    if (!press || press.id !== event.pointerId) return;
    const [x, y] = this.#local(event);
    if (!press.dragging && Math.hypot(x - press.startX, y - press.startY) < CLICK_SLOP) return;
    press.dragging = true;
    this.actions.drag(x - press.x, y - press.y, false);
    press.x = x;
    press.y = y;
  }

  #up(event: PointerEvent, cancelled = false): void {
    const press = this.#press;
    if (!press || press.id !== event.pointerId) return;
    this.#press = undefined;
    if (press.dragging) this.actions.drag(0, 0, true);
    else if (!cancelled) this.actions.click(press.startX, press.startY);
  }

  #wheel(event: WheelEvent): void {
    if (event.deltaY === 0) return;
    event.preventDefault();
    this.actions.step(Math.sign(event.deltaY));
  }

  #key(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const steps: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, PageUp: -10, PageDown: 10 };
    const step = steps[event.key];
    if (step !== undefined) {
      event.preventDefault();
      this.actions.step(step);
      return;
    }
    if (/^[1-4]$/.test(event.key)) {
      event.preventDefault();
      this.actions.preset(Number(event.key) - 1);
    }
  }
}
