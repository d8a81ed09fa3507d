import { FoveaError } from '@fovea/core';
import { RenderDevice, type RenderViewport, type SliceImage, type SliceView } from '@fovea/render';
import { renderGeometry, type ViewGeometry } from './view-geometry.js';

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
 * It turns the element's view geometry (CSS pixels, fitted image) into the render view's.
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

  /** Columns × rows of the image shown, once one is. */
  #imageSize: readonly [number, number] | undefined;

  /** Columns × rows of the image shown, once one is. */
  get imageSize(): readonly [number, number] | undefined {
    return this.#imageSize;
  }

  /**
   * Shows `image` with `view` (window, inversion) and the element's geometry. The image's pixels
   * are copied to the worker: the caller keeps them (a prefetcher shows them again).
   */
  async show(
    image: SliceImage,
    view: Pick<SliceView, 'voi' | 'invert'>,
    geometry: ViewGeometry,
  ): Promise<void> {
    const viewport = this.#viewport;
    if (!viewport) return;
    await viewport.setImage(image, { copy: true });
    const size = await this.fit();
    this.#imageSize = [image.columns, image.rows];
    await viewport.setView({ ...view, ...this.#geometry(geometry, size) });
  }

  /** Redraws with the element's geometry (after a pan, zoom, rotation, flip or resize). */
  async setGeometry(geometry: ViewGeometry): Promise<void> {
    const view = this.#geometry(geometry, this.#canvasSize);
    if (view) await this.#viewport?.setView(view);
  }

  #geometry(geometry: ViewGeometry, size: readonly [number, number] | undefined) {
    if (!this.#imageSize || !size) return undefined;
    return renderGeometry(geometry, this.#imageSize, size, globalThis.devicePixelRatio || 1);
  }

  /** The canvas as the render worker drew it: RGBA bytes, row-major from the top-left, device pixels. */
  async readPixels(): Promise<{ width: number; height: number; data: Uint8Array }> {
    const viewport = this.#viewport;
    const size = this.#canvasSize;
    if (!viewport || !size) throw new FoveaError('NOT_READY', 'Nothing is shown yet');
    return { width: size[0], height: size[1], data: await viewport.readPixels() };
  }

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
    this.#imageSize = undefined;
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
