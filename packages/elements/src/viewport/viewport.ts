import type { DecoderPool } from '@fovea/codecs';
import { DicomWebClient, type FrameInfo, type FrameRef } from '@fovea/core';
import type { RenderDevice, SliceImage, VoiTransform } from '@fovea/render';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FoveaErrorEvent } from '../events/error-event.js';
import { FoveaLoadEvent, FoveaLoadStartEvent } from '../events/load-events.js';
import { FoveaProgressEvent } from '../events/progress-event.js';
import { FoveaViewChangeEvent } from '../events/view-change-event.js';
import { resolveLang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import { frameIntervalMs, playFrames } from './cine-playback.js';
import { type FrameFacts, frameFacts } from './frame-facts.js';
import { probeReadout } from './pixel-probe.js';
import { RenderTarget } from './render-target.js';
import type { SeriesFrames } from './series-frames.js';
import { SeriesLoading } from './series-loading.js';
import { defaultVoi, sliceImageFromFrame } from './slice-image-from-frame.js';
import { PLAIN_VALUES } from './value-units.js';
import { FITTED_VIEW, flipOnScreen, panBy, rotateBy, type ViewGeometry, zoomAt } from './view-geometry.js';
import { viewportStyles } from './viewport.styles.js';
import { ViewportInput } from './viewport-input.js';
import { viewportTemplate } from './viewport-template.js';
import { checkedTool, type ViewportTool } from './viewport-tool.js';
import { CT_WINDOW_PRESETS, checkedWindow, draggedWindow, type ViewWindow } from './window-presets.js';

/**
 * One view of a series from a DICOMweb server: a volume's slices, a stack, or a cine's frames,
 * decoded exactly and drawn by the render worker, with corner annotations, orientation markers, a
 * scale bar and a frame scrollbar drawn above it by the element.
 *
 * Input (see `ViewportInput`): the primary button and one finger use the active `tool` (window,
 * pan, zoom, rotate, scroll, or probe: the value of the pixel pressed, in HU, SUVbw, …); the
 * middle button pans, the right button zooms, Ctrl+wheel zooms about the pointer, two fingers
 * pinch-zoom and pan; the wheel, arrow and Page keys and the scrollbar page through frames. The
 * window is shown in the values' units (SUVbw for a PET whose SUV can be computed). Keys: Space play, 1–4 CT presets, I invert, R reset, W/P/Z/T/S
 * tools, `]`/`[` rotate 90°, H/V flip, +/− zoom.
 *
 * Shared objects may be handed in as properties (`decoderPool`, `renderDevice`, `client`); what
 * the element creates itself it also disposes when it leaves the DOM.
 *
 * @tagname fovea-viewport
 * @event fovea-load-start - loading of a series began
 * @event fovea-load - the first image is on screen (`event.frameCount`)
 * @event fovea-progress - frames of the series fetched so far (`event.loaded` of `event.total`)
 * @event fovea-view-change - the frame, the window or the view geometry changed
 * @event fovea-tool-change - the active tool changed (`event.tool`, `event.previousTool`)
 * @event fovea-error - loading or showing failed (`event.error`)
 * @csspart overlay - the layer of text and marks above the image
 * @csspart annotations - each corner's text block (also `annotations-top-left`, `-top-right`,
 *   `-bottom-left`, `-bottom-right`)
 * @csspart orientation-marker - an edge's orientation letters (`data-edge` top, right, bottom, left)
 * @csspart scale-bar - the scale bar; `scale-bar-label` its length
 * @csspart probe - the probe tool's value of the pixel under the pointer
 * @csspart scrollbar - the frame slider on the right edge; `scrollbar-thumb` its thumb
 * @csspart status - loading message
 * @csspart error - error message
 * @cssproperty --fovea-viewport-background - behind the image
 * @cssproperty --fovea-overlay-color - overlay text colour
 * @cssproperty --fovea-error-color - error text colour
 * @cssproperty --fovea-orientation-color - orientation letters
 * @cssproperty --fovea-scrollbar-track - frame scrollbar track
 * @cssproperty --fovea-scrollbar-thumb - frame scrollbar thumb
 * @cssproperty --fovea-focus-color - keyboard focus ring
 * @cssproperty --fovea-font - font shorthand
 */
export class FoveaViewport extends LitElement {
  static override styles = viewportStyles;

  /** Base URL of the DICOMweb service, e.g. `/dicom-web`. Ignored when `client` is set. */
  @property({ attribute: 'dicomweb-root' }) dicomwebRoot = '';
  /** (0020,000D) Study Instance UID of the series to show. */
  @property({ attribute: 'study-uid' }) studyUid = '';
  /** (0020,000E) Series Instance UID of the series to show. */
  @property({ attribute: 'series-uid' }) seriesUid = '';
  /**
   * A configured client (auth, custom fetch); takes precedence over `dicomweb-root`. Frames are
   * fetched and decoded in the decoder workers, the client handing them a fresh Authorization
   * header per request; a client with its own `fetch` keeps frame fetching on the page (a function
   * cannot cross to a worker), with more main-thread work while a series streams in.
   */
  @property({ attribute: false }) client: DicomWebClient | undefined;
  /** A decoder pool to share with other viewports; by default the element makes its own. */
  @property({ attribute: false }) decoderPool: DecoderPool | undefined;
  /** A render device to share with other viewports; by default the element makes its own. */
  @property({ attribute: false }) renderDevice: RenderDevice | undefined;
  /** What the primary button and one finger do. Changing it fires `fovea-tool-change`. */
  @property({ reflect: true }) tool: ViewportTool = 'windowLevel';
  /**
   * Patient-portal mode: the annotations leave out what identifies the patient (name, ID, study
   * date). Set it wherever the viewer may be seen by someone other than a clinician.
   */
  @property({ type: Boolean, reflect: true }) portal = false;
  /**
   * Where and how the image sits: magnification relative to the fitted image, pan in CSS pixels,
   * rotation and flips. Kept across frames; `resetView()` restores the fitted upright image.
   */
  @property({ attribute: false }) viewGeometry: ViewGeometry = FITTED_VIEW;

  /** 0-based index of the frame asked for last, in display order (it may still be loading). */
  @state() frameIndex = 0;
  /** 0-based index of the frame on screen now; the overlay and events describe this one. */
  @state() shownFrameIndex = 0;
  /** True while the viewport plays through its frames (Space toggles). */
  @state() playing = false;
  /** True when the grey scale is shown inverted (I toggles). */
  @state() inverted = false;
  @state() private series: SeriesFrames | undefined;
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private errorCode = '';
  /** Window chosen by the user; `undefined` follows each frame's stored window. */
  @state() private userWindow: ViewWindow | undefined;
  @state() private shownVoi: VoiTransform | undefined;
  @state() private shownFacts: FrameFacts | undefined;
  /** The viewport's size in CSS pixels, for the scale bar. */
  @state() private cssSize: readonly [number, number] = [0, 0];
  /** Where the probe tool was pressed or dragged last, CSS pixels from the centre. */
  @state() private probePoint: readonly [number, number] | undefined;

  constructor() {
    super();
    // The controller registers itself with the element and lives as long as it does.
    new ViewportInput(this, {
      tool: () => this.tool,
      setTool: (tool) => {
        this.tool = tool;
      },
      pan: (dx, dy) => this.#setGeometry(panBy(this.viewGeometry, dx, dy)),
      zoom: (factor, point) => this.#setGeometry(zoomAt(this.viewGeometry, factor, point)),
      rotate: (degrees) => this.rotate(degrees),
      flip: (axis) => (axis === 'horizontal' ? this.flipHorizontal() : this.flipVertical()),
      step: (delta) => this.showFrame(this.frameIndex + delta),
      jump: (to) => this.showFrame(to === 'first' ? 0 : this.frameCount - 1),
      adjustWindow: (dx, dy) => this.#adjustWindow(dx, dy),
      togglePlay: () => (this.playing ? this.pause() : this.play()),
      preset: (index) => {
        const preset = CT_WINDOW_PRESETS[index];
        if (preset) this.setWindow(preset.center, preset.width);
      },
      invert: () => this.invert(),
      reset: () => this.resetView(),
      probe: (point) => {
        this.probePoint = point;
      },
    });
  }

  /** The canvas and the render worker's viewport drawing into it. */
  readonly #target = new RenderTarget(this, {
    cssSizeChanged: (size) => {
      this.cssSize = size;
    },
    resized: () => void this.#drawGeometry(),
  });
  /** The series loaded now: its frames fetched, decoded and kept. */
  readonly #loading = new SeriesLoading(() => this.decoderPool, {
    progress: (loaded, total) => this.dispatchEvent(new FoveaProgressEvent(loaded, total)),
  });
  #frame: AbortController | undefined;
  #shownInfo: FrameInfo | undefined;
  /** The frame on screen as the renderer was given it (stored values): what the probe reads. */
  #shownImage: SliceImage | undefined;

  /** Frames in the series shown. */
  get frameCount(): number {
    return this.series?.frames.length ?? 0;
  }

  /** ms between frames when playing (see `frameIntervalMs()` of cine-playback). */
  get frameIntervalMs(): number {
    return frameIntervalMs(this.series?.displaySet);
  }

  /** Plays through the frames at `frameIntervalMs`, looping, until `pause()`. */
  play(): void {
    if (this.playing || this.frameCount < 2) return;
    this.playing = true;
    void playFrames({
      playing: () => this.playing && this.isConnected && this.frameCount > 1,
      next: async () => {
        await this.showFrame((this.frameIndex + 1) % this.frameCount);
        if (this.status === 'error') this.playing = false;
        return this.playing;
      },
      intervalMs: () => this.frameIntervalMs,
    });
  }

  /** Stops playing; the frame shown stays. */
  pause(): void {
    this.playing = false;
  }

  /** Applies a window (modality units, e.g. HU) to this and every following frame. */
  setWindow(center: number, width: number): void {
    this.userWindow = checkedWindow(center, width);
    this.#applyVoi({ kind: 'window', center, width });
  }

  /** Back to each frame's stored window (or min–max), not inverted, the whole image upright. */
  resetView(): void {
    this.userWindow = undefined;
    this.#setInverted(false);
    this.viewGeometry = FITTED_VIEW;
    this.#applyVoi(defaultVoi(this.#shownInfo));
  }

  /** Toggles the grey-scale inversion (a presentation choice; MONOCHROME1 is already shown inverse). */
  invert(): void {
    this.#setInverted(!this.inverted);
  }

  /** Turns the image clockwise by `degrees` (negative: anticlockwise) about the viewport centre. */
  rotate(degrees = 90): void {
    this.#setGeometry(rotateBy(this.viewGeometry, degrees));
  }

  /** Mirrors the image left-right as seen on screen, whatever its rotation. */
  flipHorizontal(): void {
    this.#setGeometry(flipOnScreen(this.viewGeometry, 'horizontal'));
  }

  /** Mirrors the image top-bottom as seen on screen, whatever its rotation. */
  flipVertical(): void {
    this.#setGeometry(flipOnScreen(this.viewGeometry, 'vertical'));
  }

  /** Magnifies by `factor` (2: twice as large) about the viewport centre. */
  zoomBy(factor: number): void {
    this.#setGeometry(zoomAt(this.viewGeometry, factor, [0, 0]));
  }

  /** Moves the image by (dx, dy) CSS pixels. */
  panBy(dx: number, dy: number): void {
    this.#setGeometry(panBy(this.viewGeometry, dx, dy));
  }

  /** Shows frame `index` (clamped to the series). Resolves when it is on screen. */
  async showFrame(index: number): Promise<void> {
    const frames = this.series?.frames;
    if (!frames || frames.length === 0) return;
    const clamped = Math.min(frames.length - 1, Math.max(0, Math.round(index)));
    this.frameIndex = clamped;
    await this.#present(frames[clamped] as FrameRef, clamped);
  }

  /**
   * What the viewport shows, as the render worker drew it: RGBA bytes, row-major from the top-left,
   * in device pixels. For screenshots, reports and tests.
   */
  readPixels(): Promise<{ width: number; height: number; data: Uint8Array }> {
    return this.#target.readPixels();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    if (this.hasUpdated) void this.#reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.playing = false;
    this.#frame?.abort();
    this.#loading.dispose();
    // A reconnected element makes a new canvas: one handed to a worker cannot be taken back.
    this.#target.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tool')) {
      this.#checkTool(changed.get('tool'));
      if (this.tool !== 'probe') this.probePoint = undefined;
    }
    if (changed.has('viewGeometry') && this.hasUpdated) void this.#drawGeometry();
    if (
      changed.has('dicomwebRoot') ||
      changed.has('studyUid') ||
      changed.has('seriesUid') ||
      changed.has('client')
    ) {
      if (this.hasUpdated) void this.#reload();
    }
  }

  protected override firstUpdated(): void {
    // After this update completes: state set within it would schedule another (Lit warns).
    queueMicrotask(() => void this.#reload());
  }

  protected override render() {
    return viewportTemplate({
      lang: resolveLang(this),
      status: this.status,
      errorCode: this.errorCode,
      portal: this.portal,
      facts: this.shownFacts,
      frameIndex: this.frameIndex,
      shownFrameIndex: this.shownFrameIndex,
      frameCount: this.frameCount,
      voi: this.shownVoi,
      playing: this.playing,
      view: this.viewGeometry,
      imageSize: this.#target.imageSize,
      cssSize: this.cssSize,
      probe: this.#probe(),
      seek: (index) => void this.showFrame(index),
    });
  }

  override updated(): void {
    this.setAttribute('aria-label', message(resolveLang(this), 'viewportLabel'));
  }

  /** The probe's reading of the frame on screen, where it was pressed (it follows pan, zoom, frames). */
  #probe() {
    const image = this.#shownImage;
    if (!this.probePoint || !image || this.status !== 'ready') return undefined;
    const lang = resolveLang(this);
    return probeReadout(
      image,
      this.viewGeometry,
      this.cssSize,
      this.probePoint,
      this.shownFacts?.values ?? PLAIN_VALUES,
      (key, values) => message(lang, key, values),
    );
  }

  async #reload(): Promise<void> {
    this.#loading.abort();
    this.#frame?.abort();
    this.playing = false;
    this.series = undefined;
    this.userWindow = undefined;
    this.shownFacts = undefined;
    this.#shownImage = undefined;
    this.probePoint = undefined;
    this.viewGeometry = FITTED_VIEW;
    if (!this.studyUid || !this.seriesUid) {
      this.status = 'idle';
      return;
    }
    const client =
      this.client ?? (this.dicomwebRoot ? new DicomWebClient({ root: this.dicomwebRoot }) : undefined);
    if (!client) return;
    this.status = 'loading';
    this.dispatchEvent(new FoveaLoadStartEvent(this.studyUid, this.seriesUid));
    // The metadata request and the render target's start overlap.
    const opening = this.#loading.open(client, this.studyUid, this.seriesUid);
    opening.catch(() => {}); // awaited below; no unhandled rejection while the target starts
    const signal = this.#loading.signal;
    try {
      await this.#target.ensure(this.renderDevice);
      const opened = await opening;
      if (!opened) return;
      const { series, start } = opened;
      this.series = series;
      this.dispatchEvent(new FoveaProgressEvent(0, series.frames.length));
      await this.showFrame(start);
      // showFrame() reports its own failure; only a frame actually shown counts as loaded.
      if (opened.signal.aborted || (this.status as string) !== 'ready') return;
      this.dispatchEvent(new FoveaLoadEvent(series.frames.length));
      // The rest of the series comes in behind the first image, nearest frames first.
      this.#loading.prefetchFrom(start);
    } catch (error) {
      if (!signal?.aborted) this.#fail(error);
    }
  }

  async #drawGeometry(): Promise<void> {
    await this.#target.setGeometry(this.viewGeometry).catch((error: unknown) => this.#fail(error));
  }

  #setGeometry(view: ViewGeometry): void {
    this.viewGeometry = view;
    this.#viewChanged();
  }

  /** Tells the host what is shown now: the frame, its window (when a window), the geometry. */
  #viewChanged(): void {
    const voi = this.shownVoi;
    const window = voi?.kind === 'window' ? { center: voi.center, width: voi.width } : undefined;
    this.dispatchEvent(new FoveaViewChangeEvent(this.shownFrameIndex, window, this.viewGeometry));
  }

  /** Keeps `tool` valid (an attribute may say anything) and tells the host it changed. */
  #checkTool(previous: ViewportTool | undefined): void {
    const checked = checkedTool(this.tool, previous);
    this.tool = checked.tool;
    if (checked.event) this.dispatchEvent(checked.event);
  }

  async #present(ref: FrameRef, index: number): Promise<void> {
    this.#frame?.abort();
    const abort = new AbortController();
    this.#frame = abort;
    const frame = this.#loading.frame(index);
    if (!this.#target.viewport || !frame) return;
    try {
      const decoded = await frame;
      if (abort.signal.aborted) return;
      const info = ref.instance.frames[ref.frameIndex];
      const image = sliceImageFromFrame(decoded, ref.instance, info);
      const voi = this.userWindow ? { kind: 'window' as const, ...this.userWindow } : defaultVoi(info);
      await this.#target.show(image, { voi, invert: this.inverted }, this.viewGeometry);
      if (abort.signal.aborted) return;
      this.#shownInfo = info;
      this.#shownImage = image;
      this.shownFacts = frameFacts(ref, this.series?.datasets.get(ref.instance));
      this.shownFrameIndex = index;
      this.shownVoi = voi;
      this.status = 'ready';
      this.#viewChanged();
    } catch (error) {
      if (!abort.signal.aborted) this.#fail(error);
    }
  }

  #adjustWindow(dx: number, dy: number): void {
    const current = this.userWindow ?? (this.shownVoi?.kind === 'window' ? this.shownVoi : undefined);
    if (!current || !this.#target.viewport) return;
    const next = draggedWindow(current, dx, dy, this.clientHeight);
    this.userWindow = next;
    this.#applyVoi({ kind: 'window', ...next });
  }

  #applyVoi(voi: VoiTransform | undefined): void {
    this.shownVoi = voi;
    void this.#target.viewport?.setView({ voi }).catch((error: unknown) => this.#fail(error));
    this.#viewChanged();
  }

  #setInverted(inverted: boolean): void {
    this.inverted = inverted;
    void this.#target.viewport?.setView({ invert: inverted }).catch((error: unknown) => this.#fail(error));
  }

  #fail(error: unknown): void {
    this.status = 'error';
    const code = (error as { code?: unknown } | undefined)?.code;
    this.errorCode = typeof code === 'string' ? code : 'UNEXPECTED';
    this.dispatchEvent(new FoveaErrorEvent(error));
  }
}
