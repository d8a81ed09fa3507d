import type { DecoderPool } from '@fovea/codecs';
import { DicomWebClient } from '@fovea/core';
import type { RenderDevice } from '@fovea/render';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FoveaErrorEvent } from '../events/error-event.js';
import { FoveaLoadStartEvent } from '../events/load-events.js';
import type { FoveaToolChangeEvent } from '../events/tool-change-event.js';
import type { FoveaViewChangeEvent } from '../events/view-change-event.js';
import { resolveLang } from '../i18n/lang.js';
import { type MessageKey, message } from '../i18n/messages.js';
import type { ViewportTool } from '../viewport/viewport-tool.js';
import { linkCursors } from './cursor-link.js';
import { checkFusionFrame } from './fusion-frame.js';
import { keepFusionValid } from './fusion-properties.js';
import { LayoutResources } from './layout-resources.js';
import { SeriesVolume } from './series-volume.js';
import { volumeLayoutStyles } from './volume-layout.styles.js';
import { VolumeLoadReport } from './volume-load-report.js';
import { PLANE_ORIENTATIONS } from './volume-planes.js';
import { volumePresetPicker } from './volume-preset-picker.js';
import { FoveaVolumeViewport, type VolumeRenderPreset } from './volume-viewport.js';

/**
 * The reconstructions of one series: `mpr` shows its axial, coronal and sagittal planes side by
 * side, with crosshairs, one shared 3D cursor (a click or a scroll in one view moves the
 * others) and one window (a drag or preset in one view applies to all); `3d` shows its volume
 * rendering with a preset picker. The series is loaded once into a {@link SeriesVolume} on the
 * shared render device and every view draws from it; the volume is freed when the element leaves
 * the DOM or the series changes.
 *
 * Fusion: `fusion-series-uid` (e.g. a PET) loads a second volume with the same device and decoder
 * pool and draws it over the MPR planes (3D ignores it). It must share the series' Frame of
 * Reference: otherwise the planes show the series alone, the element says why, and
 * `fovea-error` carries a `FusionFrameOfReferenceError` (`FUSION_FRAME_OF_REFERENCE`).
 * `fusion-window-center` / `fusion-window-width` window it in every plane (modality units, Bq/ml
 * for PET; by default its own stored window, else the min–max of its voxels); a wrong pair fires
 * `INVALID_FUSION` and the previous window stays.
 *
 * Events are the layout's, not its views': one `fovea-load-start` per load, `fovea-progress`
 * with the slices in of every volume streaming (series and fused series together), one
 * `fovea-load` when all of them are complete.
 *
 * @tagname fovea-volume-layout
 * @event fovea-load-start - loading of the volume (or of the fused volume) began
 * @event fovea-progress - slices written so far (`event.loaded` of `event.total`), over the volumes streaming
 * @event fovea-load - every volume shown is complete (`event.frameCount`: their slices)
 * @event fovea-error - the series cannot be shown as a volume (`event.error`, e.g. `NOT_A_VOLUME`), or the fused one cannot be fused
 * @event fovea-tool-change - a view's tool changed (a shortcut); the layout's `tool` follows
 * @csspart views - the row of volume views
 * @csspart view - one `<fovea-volume-viewport>` (also `view-axial`, `view-coronal`, `view-sagittal`, `view-3d`)
 * @csspart preset - the 3D preset picker
 * @csspart status - loading message
 * @csspart error - error message
 * @csspart fusion-error - why the fused series is not shown
 */
export class FoveaVolumeLayout extends LitElement {
  static override styles = volumeLayoutStyles;

  /** Base URL of the DICOMweb service, e.g. `/dicom-web`. Ignored when `client` is set. */
  @property({ attribute: 'dicomweb-root' }) dicomwebRoot = '';
  /** A configured client (the viewer's); takes precedence over `dicomweb-root`. */
  @property({ attribute: false }) client: DicomWebClient | undefined;
  /** (0020,000D) Study Instance UID. */
  @property({ attribute: 'study-uid' }) studyUid = '';
  /** (0020,000E) Series Instance UID of the series to reconstruct. */
  @property({ attribute: 'series-uid' }) seriesUid = '';
  /** (0020,000E) of a series to fuse over the MPR planes (e.g. the PET of a PET/CT); empty: none. */
  @property({ attribute: 'fusion-series-uid' }) fusionSeriesUid = '';
  /** (0020,000D) of the fused series' study, when it is not `study-uid`'s. */
  @property({ attribute: 'fusion-study-uid' }) fusionStudyUid = '';
  /** The fused series' window centre in every plane (see `<fovea-volume-viewport>`'s); with the width. */
  @property({ type: Number, attribute: 'fusion-window-center' }) fusionWindowCenter: number | undefined;
  /** The fused series' window width in every plane, modality units, ≥ 1; with the centre. */
  @property({ type: Number, attribute: 'fusion-window-width' }) fusionWindowWidth: number | undefined;
  /** The shared decoder pool; by default the element makes (and ends) its own. */
  @property({ attribute: false }) decoderPool: DecoderPool | undefined;
  /** The shared render device (the volume is uploaded to it once); by default the element's own. */
  @property({ attribute: false }) renderDevice: RenderDevice | undefined;
  /** `mpr` (three planes) or `3d` (volume rendering). */
  @property({ reflect: true }) layout: 'mpr' | '3d' = 'mpr';
  /** The 3D preset. */
  @property({ reflect: true }) preset: VolumeRenderPreset = 'ct-bone';
  /** What the primary button does in every view (see `<fovea-volume-viewport>`'s `tool`). */
  @property({ reflect: true }) tool: ViewportTool = 'windowLevel';

  @state() private series: SeriesVolume | undefined;
  /** The volume fused over the planes, once loaded and found in the series' frame of reference. */
  @state() private fusion: SeriesVolume | undefined;
  /** The device the views draw with: the host's, or the element's own. */
  @state() private device: RenderDevice | undefined;
  @state() private errorCode = '';
  @state() private fusionErrorCode = '';
  readonly #resources = new LayoutResources();
  #load: AbortController | undefined;
  #fusionLoad: AbortController | undefined;
  /** The fused volume as loaded, before its frame of reference is checked against the series'. */
  #fusionCandidate: SeriesVolume | undefined;
  #seriesListeners: AbortController | undefined;
  #unlink: (() => void) | undefined;
  readonly #report = new VolumeLoadReport(this);

  /** The volume views shown now. */
  get views(): FoveaVolumeViewport[] {
    return [...this.renderRoot.querySelectorAll('fovea-volume-viewport')].filter(
      (view): view is FoveaVolumeViewport => view instanceof FoveaVolumeViewport,
    );
  }

  /** The series shown, as a volume, once loaded (it may still be streaming in). */
  get seriesVolume(): SeriesVolume | undefined {
    return this.series;
  }

  /** The volume fused over the planes, once loaded and accepted (it may still be streaming in). */
  get fusionVolume(): SeriesVolume | undefined {
    return this.fusion;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.series) void this.#reload();
    if (this.hasUpdated && !this.#fusionCandidate) void this.#reloadFusion();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
    this.#releaseFusion();
    this.#releaseOwned();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = [
      'client',
      'dicomwebRoot',
      'studyUid',
      'seriesUid',
      'decoderPool',
      'renderDevice',
    ] as const;
    const fusionSource = ['fusionSeriesUid', 'fusionStudyUid'] as const;
    const refused = keepFusionValid(this, changed);
    if (refused) this.dispatchEvent(refused);
    if (changed.has('decoderPool') || changed.has('renderDevice')) {
      this.#release();
      this.#releaseFusion();
      this.#releaseOwned();
    }
    if (source.some((key) => changed.has(key))) void this.#reload();
    if ([...source, ...fusionSource].some((key) => changed.has(key))) void this.#reloadFusion();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('series') || changed.has('layout')) {
      this.#unlink?.();
      this.#unlink = linkCursors(this.views);
    }
  }

  protected override render() {
    const lang = resolveLang(this);
    const t = (key: MessageKey) => message(lang, key);
    this.setAttribute('aria-label', t('volumeLayoutLabel'));
    if (this.errorCode) {
      return html`<div part="error" role="alert">${t('volumeError')} <code>${this.errorCode}</code></div>`;
    }
    const series = this.series;
    if (!series) return html`<div part="status" role="status">${t('viewportLoading')}</div>`;
    const orientations = this.layout === '3d' ? (['3d'] as const) : PLANE_ORIENTATIONS;
    return html`
      ${
        this.layout === '3d'
          ? volumePresetPicker(t, this.preset, (preset) => {
              this.preset = preset;
            })
          : nothing
      }
      ${this.#fusionError(t)}
      <div
        part="views"
        @fovea-view-change=${this.#shareWindow}
        @fovea-tool-change=${this.#followTool}
        @fovea-load-start=${stop}
        @fovea-load=${stop}
        @fovea-progress=${stop}
        @fovea-error=${this.#onViewError}
      >
        ${orientations.map(
          (orientation) => html`<fovea-volume-viewport
            part=${`view view-${orientation}`}
            orientation=${orientation}
            preset=${this.preset}
            tool=${this.tool}
            .renderDevice=${this.device}
            .volume=${series}
            .fusion=${orientation === '3d' ? undefined : this.fusion}
            .fusionWindowCenter=${this.fusionWindowCenter ?? undefined}
            .fusionWindowWidth=${this.fusionWindowWidth ?? undefined}
          ></fovea-volume-viewport>`,
        )}
      </div>
    `;
  }

  #fusionError(t: (key: MessageKey) => string) {
    if (!this.fusionErrorCode || this.layout === '3d') return nothing;
    const key: MessageKey =
      this.fusionErrorCode === 'FUSION_FRAME_OF_REFERENCE' ? 'fusionFrameOfReference' : 'fusionError';
    return html`<div part="fusion-error" role="alert">${t(key)} <code>${this.fusionErrorCode}</code></div>`;
  }

  /** One window for all planes of the volume: a drag or preset in one view applies to the others. */
  #shareWindow = (event: FoveaViewChangeEvent): void => {
    const window = event.window;
    if (!window) return;
    for (const view of this.views) {
      if (
        view !== event.target &&
        (view.window?.center !== window.center || view.window?.width !== window.width)
      ) {
        // Set directly (not setWindow): echoing the event back would loop.
        view.window = { ...window };
      }
    }
  };

  /** A view's own tool change (a shortcut) becomes every view's; the event goes on to the host. */
  #followTool = (event: FoveaToolChangeEvent): void => {
    this.tool = event.tool;
  };

  /** A view failing because its volume failed is the layout's error, already reported once. */
  #onViewError = (event: FoveaErrorEvent): void => {
    const failed: unknown[] = [this.series?.error, this.fusion?.error].filter((error) => error !== undefined);
    if (failed.includes(event.error)) event.stopPropagation();
  };

  async #reload(): Promise<void> {
    this.#release();
    const client = this.#client();
    if (!client || !this.seriesUid) return;
    const abort = new AbortController();
    this.#load = abort;
    this.errorCode = '';
    this.#report.expect('series');
    this.dispatchEvent(new FoveaLoadStartEvent(this.studyUid, this.seriesUid));
    try {
      const { pool, device } = await this.#resources.get(this, abort.signal);
      if (abort.signal.aborted) return;
      this.device = device;
      const series = await SeriesVolume.load({
        client,
        studyUid: this.studyUid,
        seriesUid: this.seriesUid,
        pool,
        device,
        signal: abort.signal,
      });
      if (abort.signal.aborted) {
        series.dispose();
        return;
      }
      this.series = series;
      this.#follow(series, abort.signal);
      this.#acceptFusion();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#report.remove('series');
      const code = (error as { code?: unknown } | undefined)?.code;
      this.errorCode = typeof code === 'string' ? code : 'UNEXPECTED';
      this.dispatchEvent(new FoveaErrorEvent(error));
    }
  }

  /** Loads the series to fuse; it is shown once {@link #acceptFusion} finds it in the series' space. */
  async #reloadFusion(): Promise<void> {
    this.#releaseFusion();
    this.fusionErrorCode = '';
    const client = this.#client();
    const studyUid = this.fusionStudyUid || this.studyUid;
    if (!client || !this.fusionSeriesUid || !this.seriesUid) return;
    const abort = new AbortController();
    this.#fusionLoad = abort;
    this.#report.expect('fusion');
    this.dispatchEvent(new FoveaLoadStartEvent(studyUid, this.fusionSeriesUid));
    try {
      const { pool, device } = await this.#resources.get(this, abort.signal);
      if (abort.signal.aborted) return;
      const fusion = await SeriesVolume.load({
        client,
        studyUid,
        seriesUid: this.fusionSeriesUid,
        pool,
        device,
        signal: abort.signal,
      });
      if (abort.signal.aborted) {
        fusion.dispose();
        return;
      }
      this.#fusionCandidate = fusion;
      this.#acceptFusion();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#fusionFailed(error);
    }
  }

  /**
   * Shows the fused volume once both it and the series are loaded and share a frame of reference;
   * otherwise drops it with a `FusionFrameOfReferenceError` and the series stays alone.
   */
  #acceptFusion(): void {
    const series = this.series;
    const candidate = this.#fusionCandidate;
    if (!series || !candidate || this.fusion === candidate) return;
    try {
      checkFusionFrame(series.displaySet, candidate.displaySet);
    } catch (error) {
      this.#fusionFailed(error);
      return;
    }
    this.fusion = candidate;
    const signal = this.#fusionLoad?.signal;
    candidate.addEventListener('error', () => this.#fusionFailed(candidate.error), signal && { signal });
    this.#report.add('fusion', candidate);
    candidate.fill().catch(() => undefined);
  }

  #fusionFailed(error: unknown): void {
    this.#releaseFusion();
    const code = (error as { code?: unknown } | undefined)?.code;
    this.fusionErrorCode = typeof code === 'string' ? code : 'UNEXPECTED';
    this.dispatchEvent(new FoveaErrorEvent(error));
  }

  /** Streams the series in (the views show it as it comes), reporting its progress as the layout's. */
  #follow(series: SeriesVolume, signal: AbortSignal): void {
    const listeners = new AbortController();
    this.#seriesListeners = listeners;
    signal.addEventListener('abort', () => listeners.abort(), { once: true });
    series.addEventListener(
      'error',
      () => {
        this.#report.remove('series');
        this.dispatchEvent(new FoveaErrorEvent(series.error));
      },
      { signal: listeners.signal },
    );
    this.#report.add('series', series);
    series.fill().catch(() => undefined);
  }

  #client(): DicomWebClient | undefined {
    return this.client ?? (this.dicomwebRoot ? new DicomWebClient({ root: this.dicomwebRoot }) : undefined);
  }

  #release(): void {
    this.#load?.abort();
    this.#load = undefined;
    this.#seriesListeners?.abort();
    this.#seriesListeners = undefined;
    this.#unlink?.();
    this.#unlink = undefined;
    this.#report.reset();
    this.series?.dispose();
    this.series = undefined;
  }

  #releaseFusion(): void {
    this.#fusionLoad?.abort();
    this.#fusionLoad = undefined;
    const candidate = this.#fusionCandidate;
    this.#fusionCandidate = undefined;
    this.fusion = undefined;
    this.#report.remove('fusion');
    candidate?.dispose();
  }

  /** Ends what the element made itself (a host's pool and device stay the host's). */
  #releaseOwned(): void {
    this.device = undefined;
    this.#resources.release();
  }
}

/** Keeps a view's own load events inside the layout, which reports the load as a whole. */
function stop(event: Event): void {
  event.stopPropagation();
}
