import { planePixelToPatient, type SlicePlane, type Vec3 } from '@fovea/core';
import type { ReactiveControllerHost } from 'lit';
import type { ViewportTool } from '../viewport/viewport-tool.js';
import { CT_WINDOW_PRESETS } from '../viewport/window-presets.js';
import { type DragStart, VolumeInput } from './volume-input.js';
import { VOLUME_RENDER_PRESETS, type VolumeRenderPreset } from './volume-render-preset.js';
import { ToolDrag, type ToolDragTarget } from './volume-tool-drag.js';

/** What the user's input reads and changes of a volume view (the element itself). */
export interface GestureView extends ToolDragTarget, ReactiveControllerHost, HTMLElement {
  tool: ViewportTool;
  preset: VolumeRenderPreset;
  readonly plane: SlicePlane | undefined;
  setCursor(point: Readonly<Vec3>): void;
  invert(): void;
  resetView(): void;
}

/**
 * What a volume view does with clicks, drags, the wheel and keys (see `VolumeInput`): a click
 * moves the cursor to the point under the pointer, a drag applies the tool (`ToolDrag`), keys 1–4
 * apply a CT window preset (planes) or a 3D preset.
 */
export class VolumeViewGestures {
  /** True while a drag is under way: frames are drawn at interactive quality meanwhile. */
  interacting = false;
  readonly #toolDrag = new ToolDrag();

  constructor(
    private readonly view: GestureView,
    private readonly hooks: {
      /** The plane pixel (column, row) under CSS point (x, y) of the view. */
      toImage(plane: SlicePlane, x: number, y: number): readonly [number, number];
      /** A drag ended: the full-quality frame after the interactive ones. */
      dragEnded(): void;
    },
  ) {
    new VolumeInput(view, {
      click: (x, y) => this.#clickAt(x, y),
      drag: (dx, dy, done, start) => this.#drag(dx, dy, done, start),
      step: (delta) => view.scrollPlane(delta),
      preset: (index) => this.#applyPreset(index),
      zoom: (factor, x, y) => view.zoomBy(factor, [x - view.clientWidth / 2, y - view.clientHeight / 2]),
      invert: () => view.invert(),
      reset: () => view.resetView(),
      setTool: (tool) => {
        view.tool = tool;
      },
    });
  }

  #clickAt(x: number, y: number): void {
    const plane = this.view.plane;
    if (!plane) return;
    const [column, row] = this.hooks.toImage(plane, x, y);
    if (column < -0.5 || row < -0.5 || column > plane.columns - 0.5 || row > plane.rows - 0.5) return;
    this.view.setCursor(planePixelToPatient(plane, column, row));
  }

  #drag(dx: number, dy: number, done: boolean, start: DragStart): void {
    this.interacting = !done;
    if (done) {
      this.#toolDrag.end();
      this.hooks.dragEnded();
      return;
    }
    this.#toolDrag.drag(this.view, dx, dy, start);
  }

  #applyPreset(index: number): void {
    if (this.view.orientation === '3d') {
      const preset = VOLUME_RENDER_PRESETS[index];
      if (preset) this.view.preset = preset;
      return;
    }
    const preset = CT_WINDOW_PRESETS[index];
    if (preset) this.view.setWindow(preset.center, preset.width);
  }
}
