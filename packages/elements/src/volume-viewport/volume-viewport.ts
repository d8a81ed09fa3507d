import type { DecoderPool } from '@fovea/codecs';
import { DicomWebClient, FoveaError, type SlabMode, type SlicePlane, type Vec3 } from '@fovea/core';
import { type ColormapName, DEFAULT_ORBIT_CAMERA, type OrbitCamera, type RenderDevice } from '@fovea/render';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resolveLang } from '../i18n/lang.js';
import { type MessageKey, message } from '../i18n/messages.js';
import { checkedTool, type ViewportTool } from '../viewport/viewport-tool.js';
import { checkedWindow } from '../viewport/window-presets.js';
import { CoalescedDraw } from './coalesced-draw.js';
import { FoveaCursorChangeEvent } from './cursor-change-event.js';
import { defaultedFusionWindow } from './fusion-layer.js';
import { MinMaxFusionWindow } from './fusion-overlay.js';
import { fusionWindowOf, keepFusionValid } from './fusion-properties.js';
import { FITTED_PLANE, type PlaneZoom } from './plane-screen.js';
import type { SeriesVolume } from './series-volume.js';
import { VolumeCanvas } from './volume-canvas.js';
import { type PlaneOrientation, scrolledCursor } from './volume-planes.js';
import type { VolumeRenderPreset } from './volume-render-preset.js';
import { followVolume } from './volume-stream.js';
import { drawVolumeView, REDRAWN_BY } from './volume-view-draw.js';
import { VolumeViewGestures } from './volume-view-gestures.js';
import { VolumeViewLoad } from './volume-view-load.js';
import { pannedView, viewChangeEvent, zoomedView } from './volume-view-navigation.js';
import { viewCursor, viewPlane, viewPlaneScreen, viewScreenPoint } from './volume-view-placement.js';
import { viewOverlay, volumeViewTemplate } from './volume-view-template.js';
import { volumeViewportStyles } from './volume-viewport.styles.js';

export { VOLUME_RENDER_PRESETS, type VolumeRenderPreset } from './volume-render-preset.js';

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
 * (PET over CT) in `fusion-colormap` at `fusion-opacity`, through `fusion-window-center` /
 * `fusion-window-width` (by default its own stored window, else the min–max of its voxels); the
 * overlay names it ("Fused: PT · W 6.00 / C 3.00 SUVbw · 50 %"). The overlay names the patient direction at each edge and draws a scale
 * bar in mm (exact: plane pixels are the volume's spacing, the 3D camera is orthographic), with the
 * plane's position and the window.
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
 * @event fovea-error - the series could not be shown as a volume (`event.error`, e.g. code `NOT_A_VOLUME`), or a fusion setting was refused (`INVALID_FUSION`, the previous one kept)
 * @csspart overlay - the layer of lines and text above the image
 * @csspart crosshair - a reference line (`data-plane`: the plane it shows)
 * @csspart label - the plane's name and position
 * @csspart window - the window or rendering preset
 * @csspart fusion - the fused volume's modality, window and opacity (planes with `fusion` set)
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
  /** The colour map of `fusion`'s levels. */
  @property({ attribute: 'fusion-colormap' }) fusionColormap: ColormapName = 'hot-iron';
  /**
   * Centre of `fusion`'s window, in its modality units: the rescaled values its voxels hold (core's
   * `Volume` applies each slice's Rescale Slope and Intercept), so Bq/ml for a PET, not stored
   * values. Set with `fusion-window-width` (≥ 1), or neither for the fused series' stored window
   * (its first slice's Window Center/Width), else the min–max of its voxels.
   */
  @property({ type: Number, attribute: 'fusion-window-center' }) fusionWindowCenter: number | undefined;
  /** Width of `fusion`'s window, modality units (see `fusionWindowCenter`). */
  @property({ type: Number, attribute: 'fusion-window-width' }) fusionWindowWidth: number | undefined;

  /** The window chosen by the user, modality units; undefined follows the series' window. */
  @state() window: { center: number; width: number } | undefined;
  /** The 3D camera: azimuth and elevation (degrees), zoom, and pan (canvas pixels). */
  @state() camera: OrbitCamera = DEFAULT_ORBIT_CAMERA;
  /** The canvas size, device pixels (the overlay follows it). */
  @state() private canvasSize: readonly [number, number] = [1, 1];

  readonly #volume = new VolumeViewLoad(this, {
    canvas: async (device) => {
      await this.#canvas.ensure(device);
      this.canvasSize = this.#canvas.size;
    },
    firstFrame: () => this.#frames.run(),
    redraw: () => this.#requestDraw(),
  });
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
  #fusionListeners: AbortController | undefined;
  readonly #minMaxFusionWindow = new MinMaxFusionWindow();

  readonly #gestures = new VolumeViewGestures(this, {
    toImage: (plane, x, y) => viewPlaneScreen(this, plane, this.canvasSize).toImage(x, y),
    dragEnded: () => this.#requestDraw(),
  });

  /** True once the volume is on screen (it may still be streaming in). */
  get isReady(): boolean {
    return this.#volume.status === 'ready';
  }

  /** The volume shown, once loaded. */
  get seriesVolume(): SeriesVolume | undefined {
    return this.#volume.series;
  }

  /** The plane shown now (undefined in 3D or before the volume is loaded). */
  get plane(): SlicePlane | undefined {
    return viewPlane(this, this.#volume.series);
  }

  /** The window applied now: the user's, else the series' stored window, else soft tissue. */
  get shownWindow(): { center: number; width: number } {
    return this.window ?? this.#volume.series?.storedWindow ?? { center: 40, width: 400 };
  }

  /** Moves the cursor `steps` voxel spacings along this plane's normal (no-op in 3D). */
  scrollPlane(steps: number): void {
    const series = this.#volume.series;
    if (!series || this.orientation === '3d' || steps === 0) return;
    this.setCursor(scrolledCursor(series.volume.geometry, this.orientation, viewCursor(this, series), steps));
  }

  /** Moves the 3D cursor (mm LPS) and fires `fovea-cursor-change`. */
  setCursor(point: Readonly<Vec3>): void {
    if (!point.every(Number.isFinite)) {
      throw new FoveaError('INVALID_CURSOR', `Cursor ${point.join(', ')} is not a point`);
    }
    this.cursor = [point[0], point[1], point[2]];
    const frameOfReference = this.#volume.series?.displaySet.slices[0]?.instance.series.frameOfReferenceUid;
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
    Object.assign(this, zoomedView(this, factor, point));
    this.#viewChanged();
  }

  /** Moves the plane image, or the 3D rendering, by (dx, dy) CSS pixels. */
  panBy(dx: number, dy: number): void {
    Object.assign(this, pannedView(this, dx, dy));
    this.#viewChanged();
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
    return viewScreenPoint(this, this.#volume.series, this.#canvas.size, point);
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
    const refused = keepFusionValid(this, changed);
    if (refused) this.dispatchEvent(refused);
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
    const { status, loaded, errorCode, series } = this.#volume;
    const fused = status === 'ready' ? this.fusion : undefined;
    const fusion = fused && {
      modality: fused.displaySet.modality ?? '',
      window: defaultedFusionWindow(fusionWindowOf(this), fused) ?? this.#minMaxFusionWindow.of(fused),
      units: fused.units,
      opacity: this.fusionOpacity,
    };
    const overlay = series && viewOverlay(this, series, this.canvasSize, t, fusion);
    return volumeViewTemplate({ t, status, loaded, total: series?.total ?? 0, errorCode, overlay });
  }

  #reload(): Promise<void> {
    return this.#volume.reload({
      volume: this.volume,
      client:
        this.client ?? (this.dicomwebRoot ? new DicomWebClient({ root: this.dicomwebRoot }) : undefined),
      studyUid: this.studyUid,
      seriesUid: this.seriesUid,
      decoderPool: this.decoderPool,
      renderDevice: this.renderDevice,
    });
  }

  /** Draws the latest state; calls made while a frame is drawn coalesce into one more frame. */
  #requestDraw(): void {
    if (this.#volume.series && this.#canvas.viewport) this.#frames.request();
  }

  /** Draws one frame of the current state; false when there is nothing to draw. */
  async #drawOnce(): Promise<boolean> {
    const series = this.#volume.series;
    const viewport = this.#canvas.viewport;
    if (!series || !viewport) return false;
    const interacting = this.#gestures.interacting || !series.complete;
    await drawVolumeView(viewport, series, this, this.#canvas.size, interacting);
    return true;
  }

  /** Tells the host what is shown changed: the window, and the plane's zoom and pan. */
  #viewChanged(): void {
    this.dispatchEvent(viewChangeEvent(this));
  }

  /** Redraws as the fused volume streams in or is remade (its loader reports its errors). */
  #followFusion(fusion: SeriesVolume | undefined): void {
    this.#fusionListeners?.abort();
    this.#fusionListeners = fusion && new AbortController();
    if (fusion && this.#fusionListeners) {
      // Once complete, a min–max fusion window (no stored one) covers all its voxels.
      const redraw = () => {
        this.#requestDraw();
        this.requestUpdate();
      };
      followVolume(fusion, { redraw }, this.#fusionListeners.signal);
    }
  }

  /** Keeps `tool` valid (an attribute may say anything) and tells the host it changed. */
  #checkTool(previous: ViewportTool | undefined): void {
    const { tool, event } = checkedTool(this.tool, previous);
    this.tool = tool;
    if (event) this.dispatchEvent(event);
  }

  #fail(error: unknown): void {
    this.#volume.fail(error);
  }

  #release(): void {
    this.#volume.dispose();
    this.#fusionListeners?.abort();
    // A canvas handed to a worker cannot be taken back: a reconnected element makes a new one.
    this.#canvas.dispose();
  }
}
