import type { OrbitCamera } from '@fovea/render';
import type { ViewportTool } from '../viewport/viewport-tool.js';
import { draggedWindow } from '../viewport/window-presets.js';
import { orbitBy } from './volume-camera.js';
import type { DragStart } from './volume-input.js';

/** Dragging 100 px up with the zoom tool (or the right button) doubles the magnification. */
const DRAG_ZOOM_RATE = Math.LN2 / 100;
/** The scroll tool moves one plane per this many CSS pixels at least (one per 1 % of the height). */
const MIN_SCROLL_PX_PER_STEP = 4;

/** What a drag reads and changes of a volume view (the element itself). */
export interface ToolDragTarget {
  readonly orientation: string;
  readonly tool: ViewportTool;
  readonly shownWindow: { center: number; width: number };
  /** The element's size, CSS pixels. */
  readonly clientWidth: number;
  readonly clientHeight: number;
  /** The 3D camera (orbiting sets it). */
  camera: OrbitCamera;
  zoomBy(factor: number, point: readonly [number, number]): void;
  panBy(dx: number, dy: number): void;
  setWindow(center: number, width: number): void;
  scrollPlane(steps: number): void;
}

/**
 * What a drag does in a volume view, by tool (the middle button pans, the right one zooms,
 * whatever the tool). Planes: `windowLevel` and `rotate` change the window (planes keep their
 * patient orientation: turning them would move the crosshairs off their axes), `pan` moves the
 * image, `zoom` magnifies about where the drag began, `scroll` pages through planes. 3D:
 * `windowLevel` and `rotate` orbit the camera, `pan` and `zoom` move and magnify the rendering,
 * `scroll` does nothing. `probe` does nothing in volume views yet (it reads stack pixels only); a
 * click still moves the cursor, as with every tool.
 */
export class ToolDrag {
  /** Scroll-tool travel not yet turned into a whole step, CSS pixels. */
  #carry = 0;

  /** Applies a drag of (dx, dy) CSS pixels that began at `start`. */
  drag(target: ToolDragTarget, dx: number, dy: number, start: DragStart): void {
    const tool: ViewportTool =
      start.button === 'middle' ? 'pan' : start.button === 'secondary' ? 'zoom' : target.tool;
    const is3d = target.orientation === '3d';
    if (tool === 'pan') target.panBy(dx, dy);
    else if (tool === 'zoom') {
      // About where the drag began, from the centre.
      const about: [number, number] = [start.x - target.clientWidth / 2, start.y - target.clientHeight / 2];
      target.zoomBy(Math.exp(-dy * DRAG_ZOOM_RATE), about);
    } else if (tool === 'scroll') {
      if (!is3d) this.#scroll(target, dy);
    } else if (tool === 'probe') {
      // Not a window drag: a reader probing a plane must not change its window by accident.
    } else if (is3d) target.camera = orbitBy(target.camera, dx, dy);
    else {
      const { center, width } = draggedWindow(target.shownWindow, dx, dy, target.clientHeight);
      target.setWindow(center, width);
    }
  }

  /** Forgets the scroll travel of the last drag. */
  end(): void {
    this.#carry = 0;
  }

  #scroll(target: ToolDragTarget, dy: number): void {
    const perStep = Math.max(MIN_SCROLL_PX_PER_STEP, target.clientHeight / 100);
    this.#carry += dy;
    const steps = Math.trunc(this.#carry / perStep);
    if (steps === 0) return;
    this.#carry -= steps * perStep;
    target.scrollPlane(steps);
  }
}
