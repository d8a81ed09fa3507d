import type { RenderDevice, RenderViewport } from '@fovea/render';

/**
 * The canvas of a volume view, handed to the render worker, and its size in device pixels: made
 * on the render device of the volume shown (again when the device changes), resized with the
 * element, released on `dispose()`. A canvas given to a worker cannot be taken back, so a new one
 * is made after.
 */
export class VolumeCanvas {
  #canvas: HTMLCanvasElement | undefined;
  #viewport: RenderViewport | undefined;
  #device: RenderDevice | undefined;
  #size: [number, number] = [1, 1];
  #resize: ResizeObserver | undefined;

  constructor(
    private readonly host: HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    /** Called after the render target followed a change of the element's size. */
    private readonly resized: () => void,
    /** Called when the render worker refused the new size. */
    private readonly failed: (error: unknown) => void,
  ) {}

  /** The render worker's viewport, once made. */
  get viewport(): RenderViewport | undefined {
    return this.#viewport;
  }

  /** The canvas's size, device pixels, as last measured. */
  get size(): [number, number] {
    return this.#size;
  }

  /** Makes the canvas and its render viewport on `device`, unless they exist on it already. */
  async ensure(device: RenderDevice): Promise<RenderViewport> {
    if (this.#viewport && this.#device === device) return this.#viewport;
    this.#viewport?.dispose();
    this.#canvas?.remove();
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    this.host.renderRoot.prepend(canvas);
    this.#canvas = canvas;
    [canvas.width, canvas.height] = this.#measure(canvas);
    this.#viewport = await device.createViewport(canvas);
    this.#device = device;
    this.#resize?.disconnect();
    this.#resize = new ResizeObserver(() => void this.#onResize());
    this.#resize.observe(this.host);
    return this.#viewport;
  }

  /** Releases the render viewport and the canvas. */
  dispose(): void {
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#viewport?.dispose();
    this.#viewport = undefined;
    this.#device = undefined;
    this.#canvas?.remove();
    this.#canvas = undefined;
  }

  #measure(canvas: HTMLCanvasElement): [number, number] {
    const ratio = globalThis.devicePixelRatio || 1;
    this.#size = [
      Math.max(1, Math.round(canvas.clientWidth * ratio)),
      Math.max(1, Math.round(canvas.clientHeight * ratio)),
    ];
    return this.#size;
  }

  async #onResize(): Promise<void> {
    const viewport = this.#viewport;
    const canvas = this.#canvas;
    if (!viewport || !canvas) return;
    const before = this.#size;
    const size = this.#measure(canvas);
    if (size[0] === before[0] && size[1] === before[1]) return;
    await viewport.resize(size[0], size[1]).catch(this.failed);
    this.resized();
  }
}
