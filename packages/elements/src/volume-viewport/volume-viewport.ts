import { DecoderPool } from '@fovea/codecs';
import {
  DicomWebClient,
  FoveaError,
  type SlabMode,
  type SlicePlane,
  slicePlaneNormal,
  type Vec3,
} from '@fovea/core';
import {
  DEFAULT_ORBIT_CAMERA,
  type OrbitCamera,
  projectToCanvas,
  RenderDevice,
  type RenderViewport,
  TRANSFER_PRESETS,
  type TransferPresetName,
} from '@fovea/render';
import { html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FoveaErrorEvent } from '../events/error-event.js';
import { FoveaLoadEvent, FoveaLoadStartEvent } from '../events/load-events.js';
import { FoveaProgressEvent } from '../events/progress-event.js';
import { FoveaViewChangeEvent } from '../events/view-change-event.js';
import { resolveLang } from '../i18n/lang.js';
import { type MessageKey, message } from '../i18n/messages.js';
import { CT_WINDOW_PRESETS } from '../viewport/window-presets.js';
import { FoveaCursorChangeEvent } from './cursor-change-event.js';
import { type PlaneScreen, planeScreen } from './plane-screen.js';
import { SeriesVolume } from './series-volume.js';
import { VolumeInput } from './volume-input.js';
import {
  basePlane,
  crosshairOnPlane,
  distanceFromPlane,
  normalExtent,
  normalStep,
  PLANE_ORIENTATIONS,
  type PlaneOrientation,
  planeAt,
  volumeCentre,
} from './volume-planes.js';
import { volumeViewportStyles } from './volume-viewport.styles.js';

/** What a volume view shows: one of the three planes, or the volume rendering. */
export type VolumeOrientation = PlaneOrientation | '3d';

/** How the 3D view renders: a DVR transfer-function preset, or a maximum intensity projection. */
export type VolumeRenderPreset = TransferPresetName | 'mip';

/** The 3D presets, in the order keys 1–4 and pickers list them (MIP is 5th in pickers). */
export const VOLUME_RENDER_PRESETS: readonly VolumeRenderPreset[] = [
  'ct-bone',
  'ct-soft-tissue',
  'ct-lung',
  'ct-angio',
  'mip',
];

const ORIENTATION_KEYS: Record<VolumeOrientation, MessageKey> = {
  axial: 'planeAxial',
  coronal: 'planeCoronal',
  sagittal: 'planeSagittal',
  '3d': 'plane3d',
};

const SLAB_NAMES: Record<SlabMode, string> = { max: 'MIP', min: 'MinIP', mean: 'Avg' };

/** Degrees the 3D view turns per CSS pixel of drag. */
const ORBIT_DEGREES_PER_PIXEL = 0.5;

/**
 * One view of a series as a volume: an axial, coronal or sagittal plane through a 3D cursor, or
 * a volume rendering (DVR preset or MIP) seen by an orbiting camera. The volume streams in: the
 * view shows it while slices arrive and reports progress.
 *
 * Views of one volume share it: hand the same `volume` (a `SeriesVolume`) and `renderDevice` to
 * each, and the series is fetched, decoded and uploaded once. Alone, the element loads the series
 * from `dicomweb-root` / `client`, `study-uid` and `series-uid` itself.
 *
 * Input: a click moves the cursor to the point under the pointer; the wheel, arrow and Page keys
 * move the plane along its normal by one voxel spacing (ten with Page keys); dragging changes the
 * window (planes) or turns the volume (3D); keys 1–4 apply the CT window presets (planes) or the
 * 3D presets.
 *
 * @tagname fovea-volume-viewport
 * @event fovea-load-start - loading of the series began
 * @event fovea-load - the first view of the volume is on screen (`event.frameCount`: slices)
 * @event fovea-progress - slices written into the volume so far (`event.loaded` of `event.total`)
 * @event fovea-cursor-change - the 3D cursor moved (`event.point`, mm LPS)
 * @event fovea-view-change - the window changed
 * @event fovea-error - the series could not be shown as a volume (`event.error`, e.g. code `NOT_A_VOLUME`)
 * @csspart overlay - the layer of lines and text above the image
 * @csspart crosshair - a reference line (`data-plane`: the plane it shows)
 * @csspart label - the plane's name and position
 * @csspart window - the window or rendering preset
 * @csspart status - loading message
 * @csspart error - error message
 * @cssproperty --fovea-viewport-background - behind the image
 * @cssproperty --fovea-overlay-color - overlay text colour
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

  /** The window chosen by the user, modality units; undefined follows the series' window. */
  @state() window: { center: number; width: number } | undefined;
  /** The 3D camera's azimuth and elevation, degrees. */
  @state() camera: OrbitCamera = DEFAULT_ORBIT_CAMERA;
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private errorCode = '';
  @state() private loaded = 0;
  @state() private screen: PlaneScreen | undefined;

  #series: SeriesVolume | undefined;
  #ownedSeries: SeriesVolume | undefined;
  #ownedDevice: RenderDevice | undefined;
  #ownedPool: DecoderPool | undefined;
  #canvas: HTMLCanvasElement | undefined;
  #viewport: RenderViewport | undefined;
  #viewportDevice: RenderDevice | undefined;
  #canvasSize: [number, number] = [1, 1];
  #resize: ResizeObserver | undefined;
  #load: AbortController | undefined;
  #drawing = false;
  #drawAgain = false;
  #interacting = false;
  #seriesListeners: AbortController | undefined;
  #screenKey = '';

  constructor() {
    super();
    new VolumeInput(this, {
      click: (x, y) => this.#clickAt(x, y),
      drag: (dx, dy, done) => this.#drag(dx, dy, done),
      step: (delta) => this.scrollPlane(delta),
      preset: (index) => this.#applyPreset(index),
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
    const plane = this.plane;
    if (!series || !plane || steps === 0) return;
    const base = basePlane(series.volume.geometry, this.orientation as PlaneOrientation);
    const step = normalStep(series.volume.geometry, base) * steps;
    const cursor = this.#cursor(series);
    // Stay on the volume: the plane may not leave the voxels along the normal.
    const [lo, hi] = normalExtent(series.volume.geometry, base);
    const along =
      Math.min(hi, Math.max(lo, distanceFromPlane(base, cursor) + step)) - distanceFromPlane(base, cursor);
    const normal = slicePlaneNormal(plane);
    this.setCursor([
      cursor[0] + along * normal[0],
      cursor[1] + along * normal[1],
      cursor[2] + along * normal[2],
    ]);
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
    if (!Number.isFinite(center) || !Number.isFinite(width) || width < 1) {
      throw new FoveaError(
        'INVALID_WINDOW',
        `Window centre ${center} and width ${width} are not a valid window`,
      );
    }
    this.window = { center, width };
    this.dispatchEvent(new FoveaViewChangeEvent(0, this.window));
  }

  /** Where a patient point (mm LPS) is drawn in this view: CSS pixels from the top-left corner. */
  screenPointOf(point: Readonly<Vec3>): [number, number] | undefined {
    const series = this.#series;
    if (!series) return undefined;
    const ratio = globalThis.devicePixelRatio || 1;
    if (this.orientation === '3d') {
      const p = projectToCanvas(series.volume.geometry, this.camera, this.#canvasSize, [...point] as Vec3);
      return [p.x / ratio, p.y / ratio];
    }
    const plane = this.plane;
    if (!plane || !this.screen) return undefined;
    const [column, row] = crosshairOnPlane(plane, point);
    return this.screen.toCss(column, row);
  }

  /** What the view shows, as the render worker drew it: RGBA bytes, top row first, device pixels. */
  async readPixels(): Promise<{ width: number; height: number; data: Uint8Array }> {
    if (!this.#viewport) throw new FoveaError('NOT_READY', 'Nothing is shown yet');
    const [width, height] = this.#canvasSize;
    return { width, height, data: await this.#viewport.readPixels() };
  }

  /** Resolves once everything asked for so far has been drawn. */
  async drawn(): Promise<void> {
    while (this.#drawing || this.isUpdatePending) {
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
    const source = ['dicomwebRoot', 'studyUid', 'seriesUid', 'client', 'volume', 'renderDevice'] as const;
    if (this.hasUpdated && source.some((key) => changed.has(key))) void this.#reload();
    else if (
      ['orientation', 'cursor', 'slabThickness', 'slabMode', 'preset', 'window', 'camera'].some((key) =>
        changed.has(key as keyof FoveaVolumeViewport),
      )
    )
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
      ${this.status === 'ready' ? this.#overlay(t) : nothing}
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

  #overlay(t: (key: MessageKey, values?: Record<string, string>) => string) {
    const series = this.#series as SeriesVolume;
    const plane = this.plane;
    const name = t(ORIENTATION_KEYS[this.orientation]);
    const { center, width } = this.shownWindow;
    let label = name;
    if (plane) {
      const normal = slicePlaneNormal(plane);
      // The patient coordinate (LPS) along the axis the plane is most nearly across, e.g. z for axial.
      const axis = [0, 1, 2].reduce(
        (best, i) => (Math.abs(normal[i] as number) > Math.abs(normal[best] as number) ? i : best),
        0,
      );
      const along = normal[0] * plane.origin[0] + normal[1] * plane.origin[1] + normal[2] * plane.origin[2];
      const position = along * Math.sign(normal[axis] as number);
      label = t('planePosition', { plane: name, position: position.toFixed(1) });
      if (this.slabThickness > 0) {
        label += ` · ${t('slabLabel', { mode: SLAB_NAMES[this.slabMode], thickness: String(this.slabThickness) })}`;
      }
    }
    const windowText =
      this.orientation === '3d' && this.preset !== 'mip'
        ? this.preset
        : t('windowLevel', { width: String(Math.round(width)), center: String(Math.round(center)) });
    return html`<div part="overlay">
      ${plane && this.crosshairs ? this.#crosshairLines(series, plane) : nothing}
      <div part="label">${label}</div>
      <div part="window">${windowText}</div>
    </div>`;
  }

  /** The other two planes through the cursor, as lines across this one. */
  #crosshairLines(series: SeriesVolume, plane: SlicePlane) {
    const screen = this.screen;
    if (!screen) return nothing;
    const [column, row] = crosshairOnPlane(plane, this.#cursor(series));
    const [x, y] = screen.toCss(column, row);
    const lines = PLANE_ORIENTATIONS.filter((o) => o !== this.orientation).map((other) => {
      const normal = slicePlaneNormal(basePlane(series.volume.geometry, other));
      const acrossRows = Math.abs(dot(normal, plane.rowDirection));
      const acrossColumns = Math.abs(dot(normal, plane.columnDirection));
      // A plane whose normal runs along this image's rows cuts it in a vertical line.
      return acrossRows >= acrossColumns
        ? svg`<line part="crosshair crosshair-vertical" data-plane=${other} x1=${x} y1="0" x2=${x} y2="100%"></line>`
        : svg`<line part="crosshair crosshair-horizontal" data-plane=${other} x1="0" y1=${y} x2="100%" y2=${y}></line>`;
    });
    return html`<svg aria-hidden="true">${lines}</svg>`;
  }

  #cursor(series: SeriesVolume): Readonly<Vec3> {
    return this.cursor ?? volumeCentre(series.volume.geometry);
  }

  async #reload(): Promise<void> {
    this.#load?.abort();
    this.#seriesListeners?.abort();
    this.#ownedSeries?.dispose();
    this.#ownedSeries = undefined;
    this.#series = undefined;
    this.loaded = 0;
    const abort = new AbortController();
    this.#load = abort;
    const shared = this.volume;
    const client =
      this.client ?? (this.dicomwebRoot ? new DicomWebClient({ root: this.dicomwebRoot }) : undefined);
    if (!shared && (!client || !this.studyUid || !this.seriesUid)) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    this.dispatchEvent(new FoveaLoadStartEvent(this.studyUid, this.seriesUid));
    try {
      const device = await this.#device();
      if (abort.signal.aborted) return;
      await this.#ensureViewport(device);
      let series = shared;
      if (!series) {
        this.#ownedPool ??= this.decoderPool ? undefined : new DecoderPool();
        series = await SeriesVolume.load({
          client: client as DicomWebClient,
          studyUid: this.studyUid,
          seriesUid: this.seriesUid,
          pool: (this.decoderPool ?? this.#ownedPool) as DecoderPool,
          device,
          signal: abort.signal,
        });
        if (abort.signal.aborted) {
          series.dispose();
          return;
        }
        this.#ownedSeries = series;
      }
      this.#series = series;
      this.#follow(series);
      await this.#draw();
      if (abort.signal.aborted) return;
      this.status = 'ready';
      this.dispatchEvent(new FoveaLoadEvent(series.total));
    } catch (error) {
      if (!abort.signal.aborted) this.#fail(error);
    }
  }

  /** Listens to the volume's streaming and starts it (it runs once, whoever starts it). */
  #follow(series: SeriesVolume): void {
    const listeners = new AbortController();
    this.#seriesListeners = listeners;
    const options = { signal: listeners.signal };
    this.loaded = series.loaded;
    series.addEventListener(
      'progress',
      () => {
        this.loaded = series.loaded;
        this.dispatchEvent(new FoveaProgressEvent(series.loaded, series.total));
      },
      options,
    );
    series.addEventListener('replaced', () => this.#requestDraw(), options);
    // Streaming frames are drawn at interactive quality (each upload redraws): the full one at the end.
    series.addEventListener('complete', () => this.#requestDraw(), options);
    series.addEventListener('error', () => this.#fail(series.error), options);
    series.fill().catch(() => undefined);
  }

  async #device(): Promise<RenderDevice> {
    if (this.renderDevice) return this.renderDevice;
    this.#ownedDevice ??= await RenderDevice.create();
    return this.#ownedDevice;
  }

  async #ensureViewport(device: RenderDevice): Promise<void> {
    if (this.#viewport && this.#viewportDevice === device) return;
    this.#viewport?.dispose();
    this.#canvas?.remove();
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    this.renderRoot.prepend(canvas);
    this.#canvas = canvas;
    [canvas.width, canvas.height] = this.#measure(canvas);
    this.#viewport = await device.createViewport(canvas);
    this.#viewportDevice = device;
    this.#resize?.disconnect();
    this.#resize = new ResizeObserver(() => void this.#onResize());
    this.#resize.observe(this);
  }

  #measure(canvas: HTMLCanvasElement): [number, number] {
    const ratio = globalThis.devicePixelRatio || 1;
    this.#canvasSize = [
      Math.max(1, Math.round(canvas.clientWidth * ratio)),
      Math.max(1, Math.round(canvas.clientHeight * ratio)),
    ];
    return this.#canvasSize;
  }

  async #onResize(): Promise<void> {
    const viewport = this.#viewport;
    const canvas = this.#canvas;
    if (!viewport || !canvas) return;
    const before = this.#canvasSize;
    const size = this.#measure(canvas);
    if (size[0] === before[0] && size[1] === before[1]) return;
    await viewport.resize(size[0], size[1]).catch((error: unknown) => this.#fail(error));
    this.#requestDraw();
  }

  /** Draws the latest state; calls made while a frame is drawn coalesce into one more frame. */
  #requestDraw(): void {
    if (!this.#series || !this.#viewport) return;
    if (this.#drawing) {
      this.#drawAgain = true;
      return;
    }
    void this.#draw().catch((error: unknown) => this.#fail(error));
  }

  async #draw(): Promise<void> {
    const series = this.#series;
    const viewport = this.#viewport;
    if (!series || !viewport) return;
    this.#drawing = true;
    try {
      do {
        this.#drawAgain = false;
        await this.#drawOnce(series, viewport);
      } while (this.#drawAgain && this.#series === series);
    } finally {
      this.#drawing = false;
    }
  }

  async #drawOnce(series: SeriesVolume, viewport: RenderViewport): Promise<void> {
    const window = this.shownWindow;
    if (this.orientation === '3d') {
      const mip = this.preset === 'mip';
      const transfer = TRANSFER_PRESETS[mip ? 'ct-bone' : (this.preset as TransferPresetName)];
      if (!transfer) throw new FoveaError('INVALID_PRESET', `"${this.preset}" is not a 3D preset`);
      await viewport.setVolumeRendering(series.renderVolume, {
        mode: mip ? 'mip' : 'dvr',
        transferFunction: transfer,
        mipWindow: window,
        camera: { azimuth: this.camera.azimuth, elevation: this.camera.elevation },
        interacting: this.#interacting || !series.complete,
      });
      this.screen = undefined;
      this.#screenKey = '';
      return;
    }
    const plane = this.plane as SlicePlane;
    const screen = planeScreen(
      [plane.columns, plane.rows],
      this.#canvasSize,
      globalThis.devicePixelRatio || 1,
    );
    await viewport.setVolume(series.renderVolume, {
      plane,
      slab: this.slabThickness > 0 ? { thickness: this.slabThickness, mode: this.slabMode } : undefined,
      interacting: this.#interacting || !series.complete,
    });
    await viewport.setView({ voi: { kind: 'window', ...window }, zoom: screen.zoom, pan: [0, 0] });
    // A new map only when the image or canvas size changed: each one re-renders the overlay.
    const key = `${plane.columns}x${plane.rows}@${this.#canvasSize.join('x')}`;
    if (key !== this.#screenKey) {
      this.#screenKey = key;
      this.screen = screen;
    }
  }

  #clickAt(x: number, y: number): void {
    const plane = this.plane;
    const screen = this.screen;
    if (!plane || !screen) return;
    const [column, row] = screen.toImage(x, y);
    if (column < -0.5 || row < -0.5 || column > plane.columns - 0.5 || row > plane.rows - 0.5) return;
    const s = plane.pixelSpacing;
    const o = plane.origin;
    const r = plane.rowDirection;
    const c = plane.columnDirection;
    this.setCursor([
      o[0] + column * s[1] * r[0] + row * s[0] * c[0],
      o[1] + column * s[1] * r[1] + row * s[0] * c[1],
      o[2] + column * s[1] * r[2] + row * s[0] * c[2],
    ]);
  }

  #drag(dx: number, dy: number, done: boolean): void {
    this.#interacting = !done;
    if (this.orientation === '3d') {
      const elevation = Math.max(-90, Math.min(90, this.camera.elevation + dy * ORBIT_DEGREES_PER_PIXEL));
      this.camera = {
        ...this.camera,
        azimuth: this.camera.azimuth - dx * ORBIT_DEGREES_PER_PIXEL,
        elevation,
      };
      if (done) this.#requestDraw();
      return;
    }
    if (done) {
      this.#requestDraw();
      return;
    }
    const current = this.shownWindow;
    // One element height of drag spans the current width: fine control at any window.
    const scale = current.width / Math.max(1, this.clientHeight);
    this.setWindow(current.center + dy * scale, Math.max(1, current.width + dx * scale));
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
    this.#resize?.disconnect();
    this.#viewport?.dispose();
    this.#viewport = undefined;
    this.#viewportDevice = undefined;
    // A canvas handed to a worker cannot be taken back: a reconnected element makes a new one.
    this.#canvas?.remove();
    this.#canvas = undefined;
    this.#ownedSeries?.dispose();
    this.#ownedSeries = undefined;
    this.#series = undefined;
    this.#ownedDevice?.dispose();
    this.#ownedDevice = undefined;
    this.#ownedPool?.dispose();
    this.#ownedPool = undefined;
  }
}

function dot(a: Readonly<Vec3>, b: Readonly<Vec3>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
