import type { DecoderPool } from '@fovea/codecs';
import {
  DicomWebClient,
  FoveaError,
  planePixelToPatient,
  type SlabMode,
  type SlicePlane,
  type Vec3,
} from '@fovea/core';
import {
  type ColormapName,
  DEFAULT_ORBIT_CAMERA,
  type OrbitCamera,
  projectToCanvas,
  type RenderDevice,
} from '@fovea/render';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FoveaErrorEvent } from '../events/error-event.js';
import { FoveaLoadEvent, FoveaLoadStartEvent } from '../events/load-events.js';
import { FoveaProgressEvent } from '../events/progress-event.js';
import { FoveaViewChangeEvent } from '../events/view-change-event.js';
import { resolveLang } from '../i18n/lang.js';
import { type MessageKey, message } from '../i18n/messages.js';
import { checkedTool, type ViewportTool } from '../viewport/viewport-tool.js';
import { CT_WINDOW_PRESETS, checkedWindow } from '../viewport/window-presets.js';
import { CoalescedDraw } from './coalesced-draw.js';
import { FoveaCursorChangeEvent } from './cursor-change-event.js';
import { checkFusion, fusionLayer } from './fusion-layer.js';
import {
  FITTED_PLANE,
  type PlaneScreen,
  type PlaneZoom,
  panPlane,
  planeScreen,
  zoomPlane,
} from './plane-screen.js';
import { cameraScreenAxes, planeScreenAxes, type ScreenAxes } from './screen-axes.js';
import type { SeriesVolume } from './series-volume.js';
import { panCamera, zoomCamera } from './volume-camera.js';
import { VolumeCanvas } from './volume-canvas.js';
import { drawPlaneFrame, drawRenderingFrame } from './volume-frame.js';
import { type DragStart, VolumeInput } from './volume-input.js';
import { volumeOverlay } from './volume-overlay.js';
import {
  basePlane,
  crosshairOnPlane,
  type PlaneOrientation,
  planeAt,
  scrolledCursor,
  volumeCentre,
} from './volume-planes.js';
import { VOLUME_RENDER_PRESETS, type VolumeRenderPreset } from './volume-render-preset.js';
import { VolumeSource } from './volume-source.js';
import { followVolume } from './volume-stream.js';
import { ToolDrag } from './volume-tool-drag.js';
import { volumeViewportStyles } from './volume-viewport.styles.js';

export { VOLUME_RENDER_PRESETS, type VolumeRenderPreset } from './volume-render-preset.js';

/** The properties whose change needs a new frame, for planes and for the 3D rendering. */
const REDRAWN_BY = {
  plane: [
    'orientation',
    'cursor',
    'slabThickness',
    'slabMode',
    'window',
    'inverted',
    'planeZoom',
    'fusion',
    'fusionOpacity',
    'fusionColormap',
  ],
  // The cursor, slab, inversion and plane zoom do not change a volume rendering.
  rendering: ['orientation', 'preset', 'window', 'camera'],
} as const satisfies Record<string, readonly (keyof FoveaVolumeViewport)[]>;

/** What a volume view shows: one of the three planes, or the volume rendering. */
export type VolumeOrientation = PlaneOrientation | '3d';

/**
 * One view of a series as a volume: an axial, coronal or sagittal plane through a 3D cursor, or
 * a volume rendering (DVR preset or MIP) seen by an orbiting camera. The volume streams in: the
 * view shows it while slices arrive and reports progress.
 *
 * Views of one volume share it: hand the same `volume` (a `SeriesVolume`) and `renderDevice` to
 * each, and the series is fetched, decoded and uploaded once. Alone, the element loads the series
 * from `dicomweb-root` / `client`, `study-uid` and `series-uid` itself.
 *
 * With `fusion` set, planes draw a second volume of the same frame of reference over the first
 * (PET over CT) in `fusion-colormap` at `fusion-opacity`. The overlay names the patient direction
 * at each edge and draws a scale bar in mm (exact: plane pixels are the volume's spacing, the 3D
 * camera is orthographic), with the plane's position and the window.
 *
 * Input: a click moves the cursor to the point under the pointer; the wheel, arrow and Page keys
 * move the plane along its normal by one voxel spacing (ten with Page keys). Dragging with the
 * primary button uses `tool` (see `ToolDrag`): on planes `windowLevel` (and `rotate`: planes keep
 * their patient orientation) changes the window, `pan` moves and `zoom` magnifies the image,
 * `scroll` pages through planes; in 3D `windowLevel` and `rotate` orbit the camera, `pan` and
 * `zoom` move and magnify the rendering. The middle button pans, the right button zooms,
 * Ctrl+wheel zooms about the pointer. Keys: 1–4 the CT window presets (planes) or the 3D presets,
 * I invert, R reset, W/P/Z/T/S tools, + and − zoom.
 *
 * @tagname fovea-volume-viewport
 * @event fovea-load-start - loading of the series began
 * @event fovea-load - the first view of the volume is on screen (`event.frameCount`: slices)
 * @event fovea-progress - slices written into the volume so far (`event.loaded` of `event.total`)
 * @event fovea-cursor-change - the 3D cursor moved (`event.point`, mm LPS)
 * @event fovea-view-change - the window, inversion, zoom, pan or camera changed
 * @event fovea-tool-change - the active tool changed (`event.tool`, `event.previousTool`)
 * @event fovea-error - the series could not be shown as a volume (`event.error`, e.g. code `NOT_A_VOLUME`)
 * @csspart overlay - the layer of lines and text above the image
 * @csspart crosshair - a reference line (`data-plane`: the plane it shows)
 * @csspart label - the plane's name and position
 * @csspart window - the window or rendering preset
 * @csspart orientation-marker - an edge's patient-direction letters (`data-edge` top, right, bottom, left)
 * @csspart scale-bar - the scale bar (`data-mm`: its length in mm); `scale-bar-label` its label
 * @csspart status - loading message
 * @csspart error - error message
 * @cssproperty --fovea-viewport-background - behind the image
 * @cssproperty --fovea-overlay-color - overlay text colour
 * @cssproperty --fovea-orientation-color - orientation letters
 * @cssproperty --fovea-crosshair-axial - the axial plane's line colour (also `-coronal`, `-sagittal`)
 * @cssproperty --fovea-error-color - error text colour
 * @cssproperty --fovea-focus-color - keyboard focus ring
 * @cssproperty --fovea-font - font shorthand
 */
export class FoveaVolumeViewport extends LitElement {
  static override styles = volumeViewportStyles;

  /** Base URL of the DICOMweb service, e.g. `/dicom-web`. Ignored when `client` or `volume` is set. */
  @property({ attribute: 'dicomweb-root' }) dicomwebRoot = '';
  /** (0020,000D) Study Instance UID of the series. */
  @property({ attribute: 'study-uid' }) studyUid = '';
  /** (0020,000E) Series Instance UID of the series. */
  @property({ attribute: 'series-uid' }) seriesUid = '';
  /** A configured client (auth, custom fetch); takes precedence over `dicomweb-root`. */
  @property({ attribute: false }) client: DicomWebClient | undefined;
  /** A decoder pool to share; by default the element makes its own. */
  @property({ attribute: false }) decoderPool: DecoderPool | undefined;
  /** The render device to share; must be the one `volume` was made on. */
  @property({ attribute: false }) renderDevice: RenderDevice | undefined;
  /** A volume shared with other views (not disposed by this element); overrides the UIDs. */
  @property({ attribute: false }) volume: SeriesVolume | undefined;
  /** `axial`, `coronal`, `sagittal` or `3d`. */
  @property({ reflect: true }) orientation: VolumeOrientation = 'axial';
  /** The 3D cursor, mm LPS; the planes pass through it. Default: the volume centre. */
  @property({ attribute: false }) cursor: Readonly<Vec3> | undefined;
  /** Slab thickness along the plane normal, mm; 0 shows the plane alone. */
  @property({ type: Number, attribute: 'slab-thickness' }) slabThickness = 0;
  /** How a thick slab combines: `max` (MIP), `min` (MinIP) or `mean` (average). */
  @property({ attribute: 'slab-mode' }) slabMode: SlabMode = 'max';
  /** The 3D view's preset: a CT transfer function, or `mip`. */
  @property({ attribute: 'preset' }) preset: VolumeRenderPreset = 'ct-bone';
  /** Draw the other planes' reference lines over a plane. */
  @property({ type: Boolean, attribute: 'crosshairs' }) crosshairs = true;
  /** What the primary button and one finger do. Changing it fires `fovea-tool-change`. */
  @property({ reflect: true }) tool: ViewportTool = 'windowLevel';
  /** Planes: the grey scale shown inverted (`invert()` toggles it). No effect in 3D. */
  @property({ type: Boolean, reflect: true }) inverted = false;
  /**
   * Planes: magnification relative to the fitted plane and pan in CSS pixels (the 3D view's
   * zoom and pan are the `camera`'s). `resetView()` restores the whole plane.
   */
  @property({ attribute: false }) planeZoom: PlaneZoom = FITTED_PLANE;
  /**
   * A second volume drawn over the planes (PET over CT), sampled in its own geometry: share
   * the frame of reference with `volume`. It may still be streaming in. The 3D view ignores it.
   */
  @property({ attribute: false }) fusion: SeriesVolume | undefined;
  /** How opaque `fusion` is drawn, 0 … 1. */
  @property({ type: Number, attribute: 'fusion-opacity' }) fusionOpacity = 0.5;
  /** The colour map of `fusion`'s levels (its window: the min–max of its voxels). */
  @property({ attribute: 'fusion-colormap' }) fusionColormap: ColormapName = 'hot-iron';

  /** The window chosen by the user, modality units; undefined follows the series' window. */
  @state() window: { center: number; width: number } | undefined;
  /** The 3D camera: azimuth and elevation (degrees), zoom, and pan (canvas pixels). */
  @state() camera: OrbitCamera = DEFAULT_ORBIT_CAMERA;
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private errorCode = '';
  @state() private loaded = 0;
  /** The canvas size, device pixels (the overlay follows it). */
  @state() private canvasSize: readonly [number, number] = [1, 1];

  #series: SeriesVolume | undefined;
  readonly #source = new VolumeSource();
  readonly #canvas = new VolumeCanvas(
    this,
    () => {
      this.canvasSize = this.#canvas.size;
      this.#requestDraw();
    },
    (error) => this.#fail(error),
  );
  readonly #frames = new CoalescedDraw(
    () => this.#drawOnce(),
    (error) => this.#fail(error),
  );
  #load: AbortController | undefined;
  #interacting = false;
  readonly #toolDrag = new ToolDrag();
  #seriesListeners: AbortController | undefined;
  #fusionListeners: AbortController | undefined;

  constructor() {
    super();
    new VolumeInput(this, {
      click: (x, y) => this.#clickAt(x, y),
      drag: (dx, dy, done, start) => this.#drag(dx, dy, done, start),
      step: (delta) => this.scrollPlane(delta),
      preset: (index) => this.#applyPreset(index),
      zoom: (factor, x, y) => this.zoomBy(factor, [x - this.clientWidth / 2, y - this.clientHeight / 2]),
      invert: () => this.invert(),
      reset: () => this.resetView(),
      setTool: (tool) => {
        this.tool = tool;
      },
    });
  }

  /** True once the volume is on screen (it may still be streaming in). */
  get isReady(): boolean {
    return this.status === 'ready';
  }

  /** The volume shown, once loaded. */
  get seriesVolume(): SeriesVolume | undefined {
    return this.#series;
  }

  /** The plane shown now (undefined in 3D or before the volume is loaded). */
  get plane(): SlicePlane | undefined {
    const series = this.#series;
    if (!series || this.orientation === '3d') return undefined;
    return planeAt(basePlane(series.volume.geometry, this.orientation), this.#cursor(series));
  }

  /** The window applied now: the user's, else the series' stored window, else soft tissue. */
  get shownWindow(): { center: number; width: number } {
    return this.window ?? this.#series?.storedWindow ?? { center: 40, width: 400 };
  }

  /** Moves the cursor `steps` voxel spacings along this plane's normal (no-op in 3D). */
  scrollPlane(steps: number): void {
    const series = this.#series;
    if (!series || this.orientation === '3d' || steps === 0) return;
    this.setCursor(scrolledCursor(series.volume.geometry, this.orientation, this.#cursor(series), steps));
  }

  /** Moves the 3D cursor (mm LPS) and fires `fovea-cursor-change`. */
  setCursor(point: Readonly<Vec3>): void {
    if (!point.every(Number.isFinite)) {
      throw new FoveaError('INVALID_CURSOR', `Cursor ${point.join(', ')} is not a point`);
    }
    this.cursor = [point[0], point[1], point[2]];
    const frameOfReference = this.#series?.displaySet.slices[0]?.instance.series.frameOfReferenceUid;
    this.dispatchEvent(new FoveaCursorChangeEvent(this.cursor, frameOfReference));
  }

  /** Applies a window (modality units, e.g. HU) to the planes and to 3D MIP. */
  setWindow(center: number, width: number): void {
    this.window = checkedWindow(center, width);
    this.#viewChanged();
  }

  /** Toggles the grey-scale inversion of the planes (the 3D view is not affected). */
  invert(): void {
    this.inverted = !this.inverted;
    this.#viewChanged();
  }

  /**
   * Magnifies by `factor` (2: twice as large) about `point` (CSS pixels from the view's centre;
   * default the centre): the plane image, or the 3D rendering.
   */
  zoomBy(factor: number, point: readonly [number, number] = [0, 0]): void {
    const ratio = globalThis.devicePixelRatio || 1;
    if (this.orientation === '3d') {
      this.#setCamera(zoomCamera(this.camera, factor, [point[0] * ratio, point[1] * ratio]));
    } else this.#setPlaneZoom(zoomPlane(this.planeZoom, factor, point));
  }

  /** Moves the plane image, or the 3D rendering, by (dx, dy) CSS pixels. */
  panBy(dx: number, dy: number): void {
    const ratio = globalThis.devicePixelRatio || 1;
    if (this.orientation === '3d') this.#setCamera(panCamera(this.camera, dx * ratio, dy * ratio));
    else this.#setPlaneZoom(panPlane(this.planeZoom, dx, dy));
  }

  /**
   * Back to the whole plane (zoom 1, no pan), the default 3D camera, the series' window and no
   * inversion. Fires `fovea-view-change`.
   */
  resetView(): void {
    this.planeZoom = FITTED_PLANE;
    this.camera = DEFAULT_ORBIT_CAMERA;
    this.window = undefined;
    this.inverted = false;
    this.#viewChanged();
  }

  /** Where a patient point (mm LPS) is drawn in this view: CSS pixels from the top-left corner. */
  screenPointOf(point: Readonly<Vec3>): [number, number] | undefined {
    const series = this.#series;
    if (!series) return undefined;
    const ratio = globalThis.devicePixelRatio || 1;
    if (this.orientation === '3d') {
      const p = projectToCanvas(series.volume.geometry, this.camera, this.#canvas.size, [...point] as Vec3);
      return [p.x / ratio, p.y / ratio];
    }
    const plane = this.plane;
    if (!plane) return undefined;
    const [column, row] = crosshairOnPlane(plane, point);
    return this.#screen(plane).toCss(column, row);
  }

  /** What the view shows, as the render worker drew it: RGBA bytes, top row first, device pixels. */
  async readPixels(): Promise<{ width: number; height: number; data: Uint8Array }> {
    const viewport = this.#canvas.viewport;
    if (!viewport) throw new FoveaError('NOT_READY', 'Nothing is shown yet');
    const [width, height] = this.#canvas.size;
    return { width, height, data: await viewport.readPixels() };
  }

  /** Resolves once everything asked for so far has been drawn. */
  async drawn(): Promise<void> {
    while (this.#frames.drawing || this.isUpdatePending) {
      await this.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (this.hasUpdated) void this.#reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tool')) this.#checkTool(changed.get('tool'));
    if (changed.has('fusionOpacity') || changed.has('fusionColormap')) this.#checkFusion(changed);
    if (changed.has('fusion')) this.#followFusion(this.fusion);
    const source = ['dicomwebRoot', 'studyUid', 'seriesUid', 'client', 'volume', 'renderDevice'] as const;
    if (this.hasUpdated && source.some((key) => changed.has(key))) void this.#reload();
    else if (REDRAWN_BY[this.orientation === '3d' ? 'rendering' : 'plane'].some((key) => changed.has(key)))
      this.#requestDraw();
  }

  protected override firstUpdated(): void {
    void this.#reload();
  }

  override updated(): void {
    const key = this.orientation === '3d' ? 'volumeRenderingLabel' : 'volumeViewportLabel';
    this.setAttribute('aria-label', message(resolveLang(this), key));
  }

  protected override render() {
    const lang = resolveLang(this);
    const t = (key: MessageKey, values?: Record<string, string>) => message(lang, key, values);
    const series = this.#series;
    const total = series?.total ?? 0;
    return html`
      ${
        this.status === 'ready' && series
          ? volumeOverlay({
              t,
              orientation: this.orientation,
              plane: this.plane,
              geometry: series.volume.geometry,
              cursor: this.#cursor(series),
              screen: this.plane && this.#screen(this.plane),
              window: this.shownWindow,
              slabThickness: this.slabThickness,
              slabMode: this.slabMode,
              preset: this.preset,
              crosshairs: this.crosshairs,
              axes: this.#screenAxes(series),
              width: this.canvasSize[0] / (globalThis.devicePixelRatio || 1),
            })
          : nothing
      }
      ${
        this.status === 'loading' || (this.status === 'ready' && this.loaded < total)
          ? html`<div part="status" role="status">
              ${t('volumeLoading', { loaded: String(this.loaded), total: String(total) })}
            </div>`
          : nothing
      }
      ${
        this.status === 'error'
          ? html`<div part="error" role="alert">${t('volumeError')} <code>${this.errorCode}</code></div>`
          : nothing
      }
    `;
  }

  /** What the screen's directions and pixels are in the patient now. */
  #screenAxes(series: SeriesVolume): ScreenAxes {
    const plane = this.plane;
    if (plane) return planeScreenAxes(plane, this.#screen(plane));
    const ratio = globalThis.devicePixelRatio || 1;
    return cameraScreenAxes(series.volume.geometry, this.camera, this.canvasSize, ratio);
  }

  /** Where the plane image lies on the canvas now (the frame drawn next puts it there). */
  #screen(plane: SlicePlane): PlaneScreen {
    const ratio = globalThis.devicePixelRatio || 1;
    return planeScreen([plane.columns, plane.rows], this.canvasSize, ratio, this.planeZoom);
  }

  #cursor(series: SeriesVolume): Readonly<Vec3> {
    return this.cursor ?? volumeCentre(series.volume.geometry);
  }

  async #reload(): Promise<void> {
    this.#load?.abort();
    this.#seriesListeners?.abort();
    this.#source.releaseSeries();
    this.#series = undefined;
    this.loaded = 0;
    const abort = new AbortController();
    this.#load = abort;
    const request = {
      volume: this.volume,
      client:
        this.client ?? (this.dicomwebRoot ? new DicomWebClient({ root: this.dicomwebRoot }) : undefined),
      studyUid: this.studyUid,
      seriesUid: this.seriesUid,
      decoderPool: this.decoderPool,
      renderDevice: this.renderDevice,
    };
    if (!VolumeSource.canLoad(request)) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    this.dispatchEvent(new FoveaLoadStartEvent(this.studyUid, this.seriesUid));
    try {
      const device = await this.#source.device(request);
      if (abort.signal.aborted) return;
      await this.#canvas.ensure(device);
      this.canvasSize = this.#canvas.size;
      const series = await this.#source.series(request, device, abort.signal);
      if (abort.signal.aborted) return;
      this.#series = series;
      this.#follow(series);
      await this.#frames.run();
      if (abort.signal.aborted) return;
      this.status = 'ready';
      this.dispatchEvent(new FoveaLoadEvent(series.total));
    } catch (error) {
      if (!abort.signal.aborted) this.#fail(error);
    }
  }

  /** Follows the volume's stream: progress, redraws, failure. */
  #follow(series: SeriesVolume): void {
    const listeners = new AbortController();
    this.#seriesListeners = listeners;
    this.loaded = series.loaded;
    const progress = () => {
      this.loaded = series.loaded;
      this.dispatchEvent(new FoveaProgressEvent(series.loaded, series.total));
    };
    const redraw = () => this.#requestDraw();
    followVolume(series, { progress, redraw, failed: (error) => this.#fail(error) }, listeners.signal);
  }

  /** Draws the latest state; calls made while a frame is drawn coalesce into one more frame. */
  #requestDraw(): void {
    if (this.#series && this.#canvas.viewport) this.#frames.request();
  }

  /** Draws one frame of the current state; false when there is nothing to draw. */
  async #drawOnce(): Promise<boolean> {
    const series = this.#series;
    const viewport = this.#canvas.viewport;
    if (!series || !viewport) return false;
    const interacting = this.#interacting || !series.complete;
    if (this.orientation === '3d') {
      await drawRenderingFrame(viewport, series, {
        preset: this.preset,
        window: this.shownWindow,
        camera: this.camera,
        interacting,
      });
      return true;
    }
    await drawPlaneFrame(viewport, series, {
      plane: this.plane as SlicePlane,
      window: this.shownWindow,
      slabThickness: this.slabThickness,
      slabMode: this.slabMode,
      canvasSize: this.#canvas.size,
      view: this.planeZoom,
      invert: this.inverted,
      fusion: fusionLayer({
        volume: this.fusion,
        opacity: this.fusionOpacity,
        colormap: this.fusionColormap,
      }),
      interacting,
    });
    return true;
  }

  #clickAt(x: number, y: number): void {
    const plane = this.plane;
    if (!plane) return;
    const [column, row] = this.#screen(plane).toImage(x, y);
    if (column < -0.5 || row < -0.5 || column > plane.columns - 0.5 || row > plane.rows - 0.5) return;
    this.setCursor(planePixelToPatient(plane, column, row));
  }

  #drag(dx: number, dy: number, done: boolean, start: DragStart): void {
    this.#interacting = !done;
    if (done) {
      this.#toolDrag.end();
      // The full-quality frame after the interactive ones.
      this.#requestDraw();
      return;
    }
    this.#toolDrag.drag(this, dx, dy, start);
  }

  #setPlaneZoom(view: PlaneZoom): void {
    this.planeZoom = view;
    this.#viewChanged();
  }

  #setCamera(camera: OrbitCamera): void {
    this.camera = camera;
    this.#viewChanged();
  }

  /** Tells the host what is shown changed: the window, and the plane's zoom and pan. */
  #viewChanged(): void {
    this.dispatchEvent(
      new FoveaViewChangeEvent(0, this.shownWindow, {
        ...this.planeZoom,
        rotation: 0,
        flipHorizontal: false,
        flipVertical: false,
      }),
    );
  }

  /** Keeps the fusion settings valid: a wrong value is reported and the previous one kept. */
  #checkFusion(changed: PropertyValues<this>): void {
    try {
      checkFusion({ opacity: this.fusionOpacity, colormap: this.fusionColormap });
    } catch (error) {
      if (changed.has('fusionOpacity')) this.fusionOpacity = changed.get('fusionOpacity') ?? 0.5;
      if (changed.has('fusionColormap')) this.fusionColormap = changed.get('fusionColormap') ?? 'hot-iron';
      this.dispatchEvent(new FoveaErrorEvent(error));
    }
  }

  /** Redraws as the fused volume streams in or is remade (its loader reports its errors). */
  #followFusion(fusion: SeriesVolume | undefined): void {
    this.#fusionListeners?.abort();
    this.#fusionListeners = fusion && new AbortController();
    if (fusion && this.#fusionListeners) {
      followVolume(fusion, { redraw: () => this.#requestDraw() }, this.#fusionListeners.signal);
    }
  }

  /** Keeps `tool` valid (an attribute may say anything) and tells the host it changed. */
  #checkTool(previous: ViewportTool | undefined): void {
    const { tool, event } = checkedTool(this.tool, previous);
    this.tool = tool;
    if (event) this.dispatchEvent(event);
  }

  #applyPreset(index: number): void {
    if (this.orientation === '3d') {
      const preset = VOLUME_RENDER_PRESETS[index];
      if (preset) this.preset = preset;
      return;
    }
    const preset = CT_WINDOW_PRESETS[index];
    if (preset) this.setWindow(preset.center, preset.width);
  }

  #fail(error: unknown): void {
    this.status = 'error';
    const code = (error as { code?: unknown } | undefined)?.code;
    this.errorCode = typeof code === 'string' ? code : 'UNEXPECTED';
    this.dispatchEvent(new FoveaErrorEvent(error));
  }

  #release(): void {
    this.#load?.abort();
    this.#seriesListeners?.abort();
    this.#fusionListeners?.abort();
    // A canvas handed to a worker cannot be taken back: a reconnected element makes a new one.
    this.#canvas.dispose();
    this.#series = undefined;
    this.#source.dispose();
  }
}
