import { RenderDevice, type RenderViewport } from '@fovea/render';

/** What a render target tells its element. */
export interface RenderTargetEvents {
  /** The canvas's CSS size changed (for overlays that depend on it). */
  cssSizeChanged(size: readonly [number, number]): void;
  /** The element was resized and the render target follows: redraw with the new size. */
  resized(): void;
}

/**
 * The canvas of a viewport, handed to the render worker, and its size: created on first use,
 * resized with the element (device pixels), and released (with a render device it made itself)
 * on `dispose()`. A canvas given to a worker cannot be taken back, so a new one is made after.
 */
export class RenderTarget {
  #canvas: HTMLCanvasElement | undefined;
  #viewport: RenderViewport | undefined;
  #ownedDevice: RenderDevice | undefined;
  #resize: ResizeObserver | undefined;
  /** Device-pixel size of the canvas as last measured; what readPixels returns. */
  #canvasSize: readonly [number, number] | undefined;
  /** Size the render worker's target was last given. */
  #targetSize: readonly [number, number] | undefined;
  #cssSize: readonly [number, number] = [0, 0];
  /** True while `#canvasSize` holds: set by measuring, cleared when the resize observer reports. */
  #measured = false;
  #measuredRatio = 0;

  constructor(
    private readonly host: HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly events: RenderTargetEvents,
  ) {}

  /** The render worker's viewport, once created. */
  get viewport(): RenderViewport | undefined {
    return this.#viewport;
  }

  /** The canvas's size in device pixels, once created. */
  get canvasSize(): readonly [number, number] | undefined {
    return this.#canvasSize;
  }

  /** Creates the canvas and its render viewport on `device` (or a device of its own) if not yet done. */
  async ensure(device: RenderDevice | undefined): Promise<RenderViewport> {
    if (this.#viewport) return this.#viewport;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    this.host.renderRoot.prepend(canvas);
    this.#canvas = canvas;
    // The worker takes the canvas at its current size: give it the device-pixel size first.
    [canvas.width, canvas.height] = this.#measure(canvas);
    if (!device && !this.#ownedDevice) this.#ownedDevice = await RenderDevice.create();
    const viewport = await ((device ?? this.#ownedDevice) as RenderDevice).createViewport(canvas);
    this.#viewport = viewport;
    this.#targetSize = [canvas.width, canvas.height];
    this.#resize = new ResizeObserver(() => void this.#onResize());
    this.#resize.observe(this.host);
    return viewport;
  }

  /** Sizes the worker's render target to the canvas, only when it changed (each resize redraws). */
  async fit(): Promise<readonly [number, number] | undefined> {
    const viewport = this.#viewport;
    if (!viewport || !this.#canvas) return undefined;
    // Measuring forces a synchronous layout of the page: only after the resize observer saw a
    // change, or the device pixel ratio changed (browser zoom, another screen).
    const ratio = globalThis.devicePixelRatio || 1;
    const size =
      this.#measured && this.#canvasSize && ratio === this.#measuredRatio
        ? this.#canvasSize
        : this.#measure(this.#canvas);
    if (size[0] !== this.#targetSize?.[0] || size[1] !== this.#targetSize[1]) {
      await viewport.resize(size[0], size[1]);
      this.#targetSize = size;
    }
    return size;
  }

  /** Releases the render viewport, the canvas, and a render device made here. */
  dispose(): void {
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#viewport?.dispose();
    this.#viewport = undefined;
    this.#canvas?.remove();
    this.#canvas = undefined;
    this.#ownedDevice?.dispose();
    this.#ownedDevice = undefined;
    this.#targetSize = undefined;
    this.#measured = false;
  }

  async #onResize(): Promise<void> {
    this.#measured = false;
    if (!this.#viewport) return;
    await this.fit();
    this.events.resized();
  }

  /** The canvas's size in device pixels, as the render target must be. */
  #measure(canvas: HTMLCanvasElement): [number, number] {
    this.#measured = true;
    const ratio = globalThis.devicePixelRatio || 1;
    this.#measuredRatio = ratio;
    if (canvas.clientWidth !== this.#cssSize[0] || canvas.clientHeight !== this.#cssSize[1]) {
      this.#cssSize = [canvas.clientWidth, canvas.clientHeight];
      this.events.cssSizeChanged(this.#cssSize);
    }
    const size: [number, number] = [
      Math.max(1, Math.round(canvas.clientWidth * ratio)),
      Math.max(1, Math.round(canvas.clientHeight * ratio)),
    ];
    this.#canvasSize = size;
    return size;
  }
}
