import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ViewportTool } from '../viewport/viewport-tool.js';

/** Which button drags: the primary one uses the active tool, the middle one pans, the right one zooms. */
export type DragButton = 'primary' | 'middle' | 'secondary';

/** A drag in progress: where it began (CSS pixels of the element) and with which button. */
export interface DragStart {
  x: number;
  y: number;
  button: DragButton;
}

/** What a volume view does with the user's input (positions in CSS pixels of the element). */
export interface VolumeInputActions {
  /** A primary-button press released where it started: move the cursor there. */
  click(x: number, y: number): void;
  /** A button drags by (dx, dy) since the last call; `done` on release. */
  drag(dx: number, dy: number, done: boolean, start: DragStart): void;
  /** Move the plane `delta` steps along its normal (wheel, arrows, Page keys). */
  step(delta: number): void;
  /** Keys 1–4: a window (plane) or rendering (3D) preset. */
  preset(index: number): void;
  /** Magnify by `factor` about (x, y) (Ctrl+wheel at the pointer; + and − keys at the centre). */
  zoom(factor: number, x: number, y: number): void;
  /** Key I. */
  invert(): void;
  /** Key R. */
  reset(): void;
  /** Keys W, P, Z, T, S. */
  setTool(tool: ViewportTool): void;
}

/** Pointer travel, CSS pixels, under which a press counts as a click rather than a drag. */
const CLICK_SLOP = 3;

/** One wheel notch (100 px of deltaY) with Ctrl zooms by about 18 % (as `<fovea-viewport>`). */
const WHEEL_ZOOM_RATE = 0.002;

const BUTTONS: Record<number, DragButton> = { 0: 'primary', 1: 'middle', 2: 'secondary' };

const TOOL_KEYS: Record<string, ViewportTool> = {
  w: 'windowLevel',
  p: 'pan',
  z: 'zoom',
  t: 'rotate',
  s: 'scroll',
};

/**
 * Pointer, wheel and keyboard input of a volume view. Listeners are registered with an
 * `AbortController` and released when the element leaves the DOM.
 */
export class VolumeInput implements ReactiveController {
  #listeners: AbortController | undefined;
  #press: { id: number; start: DragStart; x: number; y: number; dragging: boolean } | undefined;

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
    // The right button zooms: no context menu over the image.
    host.addEventListener('contextmenu', (event) => event.preventDefault(), options);
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
    const button = BUTTONS[event.button];
    if (!button || this.#press) return;
    // The middle button would start the browser's autoscroll.
    if (button === 'middle') event.preventDefault();
    const [x, y] = this.#local(event);
    this.#press = { id: event.pointerId, start: { x, y, button }, x, y, dragging: false };
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
    if (!press.dragging && Math.hypot(x - press.start.x, y - press.start.y) < CLICK_SLOP) return;
    press.dragging = true;
    this.actions.drag(x - press.x, y - press.y, false, press.start);
    press.x = x;
    press.y = y;
  }

  #up(event: PointerEvent, cancelled = false): void {
    const press = this.#press;
    if (!press || press.id !== event.pointerId) return;
    this.#press = undefined;
    if (press.dragging) this.actions.drag(0, 0, true, press.start);
    else if (!cancelled && press.start.button === 'primary') this.actions.click(press.start.x, press.start.y);
  }

  #wheel(event: WheelEvent): void {
    if (event.deltaY === 0) return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
      const [x, y] = this.#local(event);
      this.actions.zoom(Math.exp(-event.deltaY * WHEEL_ZOOM_RATE), x, y);
      return;
    }
    this.actions.step(Math.sign(event.deltaY));
  }

  #key(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const steps: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, PageUp: -10, PageDown: 10 };
    const step = steps[event.key];
    const key = event.key.toLowerCase();
    const centre = (factor: number) =>
      this.actions.zoom(factor, this.host.clientWidth / 2, this.host.clientHeight / 2);
    if (step !== undefined) this.actions.step(step);
    else if (/^[1-4]$/.test(key)) this.actions.preset(Number(key) - 1);
    else if (key === 'i') this.actions.invert();
    else if (key === 'r') this.actions.reset();
    else if (key === '+' || key === '=') centre(2 ** 0.5);
    else if (key === '-' || key === '_') centre(2 ** -0.5);
    else if (TOOL_KEYS[key]) this.actions.setTool(TOOL_KEYS[key]);
    else return;
    event.preventDefault();
  }
}
