import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ViewportTool } from './viewport-tool.js';

/** What the user asked for, in viewer terms. Points are CSS pixels from the viewport's centre. */
export interface ViewportCommands {
  /** The tool the primary button and one finger use now. */
  tool(): ViewportTool;
  /** Make `tool` the active tool. */
  setTool(tool: ViewportTool): void;
  /** Move `delta` frames (negative: back). */
  step(delta: number): void;
  /** Go to the first or last frame. */
  jump(to: 'first' | 'last'): void;
  /** A window drag: `dx` widens, `dy` raises the centre, in CSS pixels. */
  adjustWindow(dx: number, dy: number): void;
  /** Move the image by (dx, dy) CSS pixels. */
  pan(dx: number, dy: number): void;
  /** Magnify by `factor` keeping what is under `point` in place. */
  zoom(factor: number, point: readonly [number, number]): void;
  /** Turn the image clockwise by `degrees` about the viewport centre. */
  rotate(degrees: number): void;
  /** Mirror the screen left-right or top-bottom. */
  flip(axis: 'horizontal' | 'vertical'): void;
  /** Start or stop playing through the frames. */
  togglePlay(): void;
  /** Apply window preset `index` (0-based) of the presets list. */
  preset(index: number): void;
  /** Invert the grey scale. */
  invert(): void;
  /** Back to the stored window, no inversion, the fitted upright image. */
  reset(): void;
  /** The probe tool pressed or dragged at `point`: show the value of the pixel there. */
  probe(point: readonly [number, number]): void;
}

/** What each drag does; the primary button's is the active tool. */
type DragMode = ViewportTool;

interface Drag {
  pointerId: number;
  mode: DragMode;
  x: number;
  y: number;
  /** Where the drag began, from the viewport centre (zoom keeps this point in place). */
  origin: readonly [number, number];
  /** Scroll tool: CSS pixels dragged that did not yet make a whole frame. */
  pending: number;
}

interface Pinch {
  distance: number;
  centroid: readonly [number, number];
}

/** Keys that pick a tool. */
const TOOL_KEYS: Record<string, ViewportTool> = {
  w: 'windowLevel',
  p: 'pan',
  z: 'zoom',
  t: 'rotate',
  s: 'scroll',
};

const FRAME_KEYS: Record<string, number> = {
  ArrowDown: 1,
  ArrowRight: 1,
  ArrowUp: -1,
  ArrowLeft: -1,
  PageDown: 10,
  PageUp: -10,
};

/** One wheel notch (100 px of deltaY) with Ctrl zooms by about 18 %. */
const WHEEL_ZOOM_RATE = 0.002;
/** Dragging 100 px up with the zoom tool (or right button) doubles the magnification. */
const DRAG_ZOOM_RATE = Math.LN2 / 100;
/** Scroll tool: at least this many CSS pixels of drag per frame, however long the series. */
const MIN_SCROLL_PX_PER_FRAME = 4;

/**
 * Mouse, touch and keyboard input of a viewport, mapped to commands. Listeners are tied to an
 * AbortController and released when the element leaves the DOM.
 *
 * - Primary button or one finger: the active tool (the probe reads the pixel pressed, then each
 *   pixel dragged over). Middle button: pan. Right button: zoom.
 * - Two fingers: pinch to zoom about their midpoint, move together to pan.
 * - Wheel: page through frames; with Ctrl or ⌘ (and trackpad pinch): zoom about the pointer.
 * - Keys: arrows, Page Up/Down, Home/End page; Space plays; 1–9 window presets; I invert;
 *   R reset; W/P/Z/T/S pick the window, pan, zoom, rotate or scroll tool; `]` and `[` turn 90°
 *   clockwise and back; H and V flip; + and − zoom.
 */
export class ViewportInput implements ReactiveController {
  #listeners: AbortController | undefined;
  #drag: Drag | undefined;
  #pinch: Pinch | undefined;
  /** Touch points down now, by pointer id, in client coordinates. */
  readonly #touches = new Map<number, readonly [number, number]>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly commands: ViewportCommands,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#listeners = new AbortController();
    const options = { signal: this.#listeners.signal };
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      listener: (event: HTMLElementEventMap[K]) => void,
    ) => this.host.addEventListener(type, listener, options);
    this.host.addEventListener('wheel', (event) => this.#onWheel(event), { ...options, passive: false });
    on('keydown', (event) => this.#onKey(event));
    on('pointerdown', (event) => this.#onPointerDown(event));
    on('pointermove', (event) => this.#onPointerMove(event));
    on('pointerup', (event) => this.#onPointerUp(event));
    on('pointercancel', (event) => this.#onPointerUp(event));
    // The right button zooms: no context menu over the image.
    on('contextmenu', (event) => event.preventDefault());
  }

  hostDisconnected(): void {
    this.#listeners?.abort();
    this.#listeners = undefined;
    this.#drag = undefined;
    this.#pinch = undefined;
    this.#touches.clear();
  }

  /** A client point as CSS pixels from the host's centre. */
  #fromCentre(clientX: number, clientY: number): [number, number] {
    const box = this.host.getBoundingClientRect();
    return [clientX - (box.left + box.width / 2), clientY - (box.top + box.height / 2)];
  }

  #onWheel(event: WheelEvent): void {
    if (event.deltaY === 0) return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
      this.commands.zoom(
        Math.exp(-event.deltaY * WHEEL_ZOOM_RATE),
        this.#fromCentre(event.clientX, event.clientY),
      );
    } else {
      this.commands.step(Math.sign(event.deltaY));
    }
  }

  #onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    const lower = key.length === 1 ? key.toLowerCase() : key;
    const step = FRAME_KEYS[key];
    const tool = TOOL_KEYS[lower];
    if (step !== undefined) this.commands.step(step);
    else if (key === 'Home') this.commands.jump('first');
    else if (key === 'End') this.commands.jump('last');
    else if (key === ' ') this.commands.togglePlay();
    else if (/^[1-9]$/.test(key)) this.commands.preset(Number(key) - 1);
    else if (lower === 'i') this.commands.invert();
    else if (lower === 'r') this.commands.reset();
    else if (tool) this.commands.setTool(tool);
    else if (key === ']') this.commands.rotate(90);
    else if (key === '[') this.commands.rotate(-90);
    else if (lower === 'h') this.commands.flip('horizontal');
    else if (lower === 'v') this.commands.flip('vertical');
    else if (key === '+' || key === '=') this.commands.zoom(2 ** 0.5, [0, 0]);
    else if (key === '-' || key === '_') this.commands.zoom(2 ** -0.5, [0, 0]);
    else return;
    event.preventDefault();
  }

  #onPointerDown(event: PointerEvent): void {
    if (event.pointerType === 'touch') {
      this.#touches.set(event.pointerId, [event.clientX, event.clientY]);
      this.#capture(event.pointerId);
      if (this.#touches.size === 1) this.#startDrag(event, this.commands.tool());
      else {
        // A second finger ends the one-finger tool: two fingers pinch and pan.
        this.#drag = undefined;
        this.#pinch = this.#measurePinch();
      }
      return;
    }
    if (this.#drag) return;
    const mode: DragMode | undefined =
      event.button === 0
        ? this.commands.tool()
        : event.button === 1
          ? 'pan'
          : event.button === 2
            ? 'zoom'
            : undefined;
    if (!mode) return;
    // The middle button would start the browser's autoscroll.
    if (event.button === 1) event.preventDefault();
    this.#capture(event.pointerId);
    this.#startDrag(event, mode);
  }

  /** Keeps a drag's moves coming when the pointer leaves the element. */
  #capture(pointerId: number): void {
    try {
      this.host.setPointerCapture?.(pointerId);
    } catch {
      // The pointer is already gone (or was never a real one): the drag still works inside.
    }
  }

  #startDrag(event: PointerEvent, mode: DragMode): void {
    const origin = this.#fromCentre(event.clientX, event.clientY);
    this.#drag = { pointerId: event.pointerId, mode, x: event.clientX, y: event.clientY, origin, pending: 0 };
    // A click reads the pixel too, not only a drag.
    if (mode === 'probe') this.commands.probe(origin);
  }

  #onPointerMove(event: PointerEvent): void {
    if (this.#touches.has(event.pointerId)) {
      this.#touches.set(event.pointerId, [event.clientX, event.clientY]);
      if (this.#pinch) {
        this.#movePinch();
        return;
      }
    }
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (dx === 0 && dy === 0) return;
    const previous = this.#fromCentre(drag.x, drag.y);
    this.#drag = { ...drag, x: event.clientX, y: event.clientY };
    switch (drag.mode) {
      case 'windowLevel':
        this.commands.adjustWindow(dx, dy);
        break;
      case 'pan':
        this.commands.pan(dx, dy);
        break;
      case 'zoom':
        this.commands.zoom(Math.exp(-dy * DRAG_ZOOM_RATE), drag.origin);
        break;
      case 'rotate': {
        const now = this.#fromCentre(event.clientX, event.clientY);
        const turn = Math.atan2(now[1], now[0]) - Math.atan2(previous[1], previous[0]);
        // atan2 jumps by 2π across the negative x axis: take the short way round.
        const wrapped = Math.atan2(Math.sin(turn), Math.cos(turn));
        if (wrapped !== 0) this.commands.rotate((wrapped * 180) / Math.PI);
        break;
      }
      case 'probe':
        this.commands.probe(this.#fromCentre(event.clientX, event.clientY));
        break;
      case 'scroll': {
        const perFrame = Math.max(MIN_SCROLL_PX_PER_FRAME, this.host.clientHeight / 100);
        const pending = drag.pending + dy;
        const frames = Math.trunc(pending / perFrame);
        this.#drag = { ...this.#drag, pending: pending - frames * perFrame };
        if (frames !== 0) this.commands.step(frames);
        break;
      }
    }
  }

  #onPointerUp(event: PointerEvent): void {
    if (this.#touches.delete(event.pointerId) && this.#pinch && this.#touches.size < 2) {
      // The finger left on the glass does nothing until it is lifted: no jump into a tool drag.
      this.#pinch = undefined;
    }
    if (this.#drag?.pointerId === event.pointerId) this.#drag = undefined;
  }

  #measurePinch(): Pinch | undefined {
    const [a, b] = [...this.#touches.values()];
    if (!a || !b) return undefined;
    return {
      distance: Math.hypot(b[0] - a[0], b[1] - a[1]),
      centroid: this.#fromCentre((a[0] + b[0]) / 2, (a[1] + b[1]) / 2),
    };
  }

  #movePinch(): void {
    const before = this.#pinch;
    const now = this.#measurePinch();
    if (!before || !now) return;
    this.#pinch = now;
    const dx = now.centroid[0] - before.centroid[0];
    const dy = now.centroid[1] - before.centroid[1];
    if (dx !== 0 || dy !== 0) this.commands.pan(dx, dy);
    if (before.distance > 0 && now.distance > 0 && now.distance !== before.distance) {
      this.commands.zoom(now.distance / before.distance, now.centroid);
    }
  }
}
