import type { DecoderPool } from '@fovea/codecs';
import type { DicomWebClient, SeriesSummary, TokenProvider } from '@fovea/core';
import type { RenderDevice } from '@fovea/render';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AsyncTask } from '../controllers/async-task.js';
import { FoveaErrorEvent } from '../events/error-event.js';
import { resolveLang } from '../i18n/lang.js';
import { message } from '../i18n/messages.js';
import type { FoveaSeriesSelectEvent } from '../series-browser/series-select-event.js';
import { themeStyles } from '../theme/theme.js';
import type { ToolbarCommand } from '../toolbar/toolbar-command.js';
import type { FoveaToolbarCommandEvent } from '../toolbar/toolbar-command-event.js';
import { FoveaViewport } from '../viewport/viewport.js';
import type { ViewportTool } from '../viewport/viewport-tool.js';
import { assignSeries } from './assign-series.js';
import { fusionCandidate } from './fusion-candidate.js';
import { loadStudy, type StudyContents } from './load-study.js';
import { viewerStyles } from './viewer.styles.js';
import { ViewerClient } from './viewer-client.js';
import { layoutShape, parseLayout } from './viewer-layout.js';
import {
  errorCode,
  errorNotice,
  progressBar,
  statusNotice,
  studyHeader,
  type Translate,
} from './viewer-notices.js';
import { ViewerProgress } from './viewer-progress.js';
import { ViewerResources } from './viewer-resources.js';
import { applyToViewport } from './viewport-commands.js';
import { type ViewportGridHandlers, viewportGrid } from './viewport-grid.js';
import {
  applyToVolumeLayout,
  type VolumeBridgeHandlers,
  volumeBridge,
  volumeInverted,
  volumeLayoutIn,
} from './volume-bridge.js';

/** Toolbar commands the volume views cannot carry out (a plane is not rotated or flipped, nor played). */
const VOLUME_UNAVAILABLE: ReadonlyArray<ToolbarCommand['type']> = ['rotate', 'flip', 'cine'];
const NONE_UNAVAILABLE: ReadonlyArray<ToolbarCommand['type']> = [];

/**
 * A complete viewer from attributes alone: `<fovea-viewer dicomweb-root="/dicom-web"
 * study-uid="…">` lists the study's series with thumbnails, opens the first (or `series-uid`) and
 * offers a toolbar, layouts of 1, 2 or 4 viewports or the MPR and 3D reconstructions
 * (`<fovea-volume-layout>`), presets, cine and a progress bar. In the MPR layout of a CT (or MR)
 * whose study holds a PET in the same Frame of Reference, the toolbar offers "Fuse PET", which
 * draws the PET over the planes (a PET found in another frame of reference when its instances
 * load is refused: the planes show the CT alone and say why). Clicking a
 * thumbnail, or dragging it onto a viewport, shows that series there.
 *
 * The viewer owns one render device and one decoder pool, shared by its viewports and thumbnails,
 * and ends them when it leaves the DOM. Hosts may hand in their own (`renderDevice`,
 * `decoderPool`: then they stay the host's), a `client`, or a `tokenProvider` and `fetch` for the
 * client the viewer makes. `mode="portal"` is the patient's read-only view: no patient
 * identifiers, viewing tools only. Events of the viewports (`fovea-load-start`, `fovea-load`,
 * `fovea-view-change`, `fovea-error`) bubble out of the viewer unchanged.
 *
 * @tagname fovea-viewer
 * @event fovea-error - the study could not be loaded (`event.error`); viewports report their own
 * @csspart base - everything inside the viewer
 * @csspart header - study information (diagnostic mode only)
 * @csspart toolbar - the `<fovea-toolbar>`
 * @csspart series-browser - the `<fovea-series-browser>`
 * @csspart viewports - the grid of viewports
 * @csspart cell - one viewport's place in the grid (`cell active` for the active one)
 * @csspart progress - the load progress bar
 * @csspart status - loading and empty messages
 * @csspart error - error message and retry button
 * @csspart volume - the `<fovea-volume-layout>` of the MPR and 3D layouts
 * @csspart unavailable - the message for a layout not available yet
 * @cssproperty --fovea-background - viewer background
 * @cssproperty --fovea-surface-color - toolbar and series list background
 * @cssproperty --fovea-text-color - text colour
 * @cssproperty --fovea-muted-color - secondary text
 * @cssproperty --fovea-border-color - separators
 * @cssproperty --fovea-accent-color - active viewport, pressed tools, progress
 * @cssproperty --fovea-accent-contrast-color - text on accent
 * @cssproperty --fovea-error-color - error messages
 * @cssproperty --fovea-focus-color - keyboard focus ring
 * @cssproperty --fovea-viewport-background - behind the images
 * @cssproperty --fovea-series-browser-width - width of the series list (default 220px)
 * @cssproperty --fovea-font - font shorthand
 */
export class FoveaViewer extends LitElement {
  static override styles = [themeStyles('dark'), viewerStyles];

  /** Base URL of the DICOMweb service, e.g. `/dicom-web`. Ignored when `client` is set. */
  @property({ attribute: 'dicomweb-root' }) dicomwebRoot = '';
  /** (0020,000D) Study Instance UID to show. */
  @property({ attribute: 'study-uid' }) studyUid = '';
  /** (0020,000E) Series Instance UID to open first; alone, its study is looked up. */
  @property({ attribute: 'series-uid' }) seriesUid = '';
  /** `1x1`, `1x2`, `2x2`, or `mpr` / `3d`: the reconstructions of the first viewport's series. */
  @property({ reflect: true }) layout = '1x1';
  /** `diagnostic` (default) or `portal`: a patient's read-only view without identifiers. */
  @property({ reflect: true }) mode: 'diagnostic' | 'portal' = 'diagnostic';
  /** `dark` (default) or `light`. */
  @property({ reflect: true }) theme: string | undefined;
  /** Language of the viewer's text (BCP 47, e.g. `es`); else the page's. */
  @property() override lang = '';
  /** A configured client (auth, custom fetch); takes precedence over `dicomweb-root`. */
  @property({ attribute: false }) client: DicomWebClient | undefined;
  /** Gives the bearer token for each request (sent as `Authorization`, never in URLs). */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined;
  /** A `fetch` to use instead of the page's (a proxy, a test double, extra headers). */
  @property({ attribute: false }) fetch: typeof globalThis.fetch | undefined;
  /** A decoder pool to share with other viewers; by default the viewer makes (and ends) its own. */
  @property({ attribute: false }) decoderPool: DecoderPool | undefined;
  /** A render device to share with other viewers; by default the viewer makes (and ends) its own. */
  @property({ attribute: false }) renderDevice: RenderDevice | undefined;

  /** Index of the viewport that thumbnails and tools act on. */
  @state() activeIndex = 0;
  /** Series UID shown in each viewport of the layout (`''`: empty). */
  @state() private cells: string[] = [];
  /** What the primary button does in every viewport; a viewport's own shortcut changes it for all. */
  @state() private tool: ViewportTool = 'windowLevel';
  @state() private activePlaying = false;
  @state() private activeInverted = false;
  @state() private dropTarget = -1;
  /** The user asked to fuse the study's PET over the MPR planes ("Fuse PET"). */
  @state() private fused = false;
  /**
   * A view of this study has shown its first image (or failed to). Until then thumbnails wait, so
   * they do not compete with the first image for the network and the decoder workers.
   */
  @state() private firstImageSettled = false;

  readonly #study = new AsyncTask<StudyContents>(this);
  readonly #resources = new ViewerResources(this, () => ({
    pool: this.decoderPool,
    device: this.renderDevice,
  }));
  readonly #clientOf = new ViewerClient();
  readonly #progress = new ViewerProgress(this);
  /** What the grid's cells and viewports report, made once: the grid binds these to each cell. */
  readonly #gridHandlers: ViewportGridHandlers = {
    activate: (index) => this.#activate(index),
    dropTarget: (index) => {
      this.dropTarget = index;
    },
    showSeries: (uid, index) => this.showSeries(uid, index),
    loadStart: (index) => this.#progress.started(index),
    settled: (index) => this.#onViewportSettled(index),
    viewChange: (index) => this.#syncFromViewport(index),
    toolChange: (tool) => {
      this.tool = tool;
    },
    progress: (index, event) => this.#progress.frames(index, event.loaded, event.total),
  };
  /** What the MPR or 3D layout reports; its volume counts as the first viewport's. */
  readonly #volumeHandlers: VolumeBridgeHandlers = {
    loadStart: () => this.#progress.started(0),
    settled: () => {
      this.#progress.settled(0);
      this.firstImageSettled = true;
    },
    progress: (event) => {
      this.#progress.frames(0, event.loaded, event.total);
      // The planes draw as soon as slices stream in: the first image is there.
      if (event.loaded > 0) this.firstImageSettled = true;
    },
    toolChange: (tool) => {
      this.tool = tool;
    },
    // A view's own shortcut (I) may have inverted it: the toolbar shows what the planes show.
    viewChange: () => {
      this.activeInverted = volumeInverted(volumeLayoutIn(this.renderRoot));
    },
  };

  /** The viewport thumbnails and tools act on, once the study is open. */
  get activeViewport(): FoveaViewport | undefined {
    return this.#viewport(this.activeIndex);
  }

  /** Shows series `seriesInstanceUid` of the open study in viewport `index` (default: the active one). */
  showSeries(seriesInstanceUid: string, index = this.activeIndex): void {
    if (index < 0 || index >= this.cells.length) return;
    const cells = [...this.cells];
    cells[index] = seriesInstanceUid;
    this.cells = cells;
    this.activeIndex = index;
  }

  /** Loads the study again (after an error, or when the server's content changed). */
  retry(): Promise<void> {
    return this.#loadStudy();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the DOM after the study search was aborted on removal: search again.
    if (this.hasUpdated && this.#study.status === 'idle') void this.#loadStudy();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source = ['dicomwebRoot', 'studyUid', 'seriesUid', 'client', 'tokenProvider', 'fetch'] as const;
    if (source.some((name) => changed.has(name))) void this.#loadStudy();
    if (changed.has('decoderPool') || changed.has('renderDevice')) this.#resources.sync();
    if (changed.has('layout')) {
      this.#fillCells();
      // New volume views start upright and not inverted; a stack viewport says its own state.
      if (layoutShape(parseLayout(this.layout)).volume) this.activeInverted = false;
      else if (this.hasUpdated) this.#syncFromViewport(this.activeIndex);
    }
    // The portal offers viewing tools only: dragging moves the image rather than the window.
    if (changed.has('mode') && this.mode === 'portal' && this.tool === 'windowLevel') this.tool = 'pan';
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('lang')) {
      // The parts read their language when they render: have them render again.
      for (const part of this.renderRoot.querySelectorAll(
        'fovea-toolbar, fovea-series-browser, fovea-viewport, fovea-volume-layout',
      )) {
        (part as LitElement).requestUpdate();
      }
    }
  }

  protected override render() {
    const lang = this.lang || resolveLang(this);
    const t: Translate = (key, values) => message(lang, key, values);
    const resources = this.#resources.current;
    const contents = this.#study.status === 'complete' ? this.#study.value : undefined;
    return html`<div part="base" lang=${lang} role="region" aria-label=${t('viewerLabel')}>
      ${progressBar(t, this.#progress.measure(this.#study.status === 'pending', this.cells.filter(Boolean).length))}
      ${this.mode === 'portal' ? nothing : studyHeader(t, contents?.study)}
      <fovea-toolbar
        part="toolbar"
        mode=${this.mode === 'portal' ? 'portal' : 'diagnostic'}
        tool=${this.tool}
        layout=${parseLayout(this.layout)}
        ?playing=${this.activePlaying}
        ?inverted=${this.activeInverted}
        ?fusion-available=${this.#fusionSeries(contents) !== undefined}
        ?fused=${this.fused}
        .unavailable=${layoutShape(parseLayout(this.layout)).volume ? VOLUME_UNAVAILABLE : NONE_UNAVAILABLE}
        @fovea-toolbar-command=${this.#onCommand}
      ></fovea-toolbar>
      <div class="body">
        ${
          resources && contents
            ? html`<fovea-series-browser
                part="series-browser"
                study-uid=${contents.studyInstanceUid}
                selected-series-uid=${this.cells[this.activeIndex] ?? ''}
                ?defer-thumbnails=${!this.firstImageSettled && this.cells.some(Boolean)}
                .client=${this.#client()}
                .decoderPool=${resources.pool}
                .series=${contents.series}
                @fovea-series-select=${(event: FoveaSeriesSelectEvent) => this.showSeries(event.series.seriesInstanceUid)}
              ></fovea-series-browser>`
            : html`<div part="series-browser"></div>`
        }
        ${this.#main(t, contents)}
      </div>
    </div>`;
  }

  #main(t: Translate, contents: StudyContents | undefined) {
    const resources = this.#resources.current;
    if (this.#resources.error) return errorNotice(t, 'viewerError', this.#resources.error, undefined);
    if (!this.#client() || (!this.studyUid && !this.seriesUid)) return statusNotice(t('viewerNoStudy'));
    if (this.#study.status === 'error') {
      const notFound = errorCode(this.#study.error) === 'STUDY_NOT_FOUND';
      return errorNotice(t, notFound ? 'viewerStudyNotFound' : 'viewerError', this.#study.error, () => {
        void this.retry();
      });
    }
    if (!resources || !contents) return statusNotice(t('viewerLoading'), { busy: true });
    const layout = parseLayout(this.layout);
    const shape = layoutShape(layout);
    if (!shape.available) {
      return statusNotice(t('viewerLayoutUnavailable', { layout: layout.toUpperCase() }), {
        part: 'unavailable',
      });
    }
    if (shape.volume) {
      // MPR and 3D reconstruct the series of the first viewport, on the viewer's device and pool.
      // Its load counts in the progress bar as the first viewport's: one volume, one bar.
      return volumeBridge({
        layout: layout === '3d' ? '3d' : 'mpr',
        studyInstanceUid: contents.studyInstanceUid,
        seriesUid: this.cells[0] ?? '',
        fusionSeriesUid: this.fused ? (this.#fusionSeries(contents)?.seriesInstanceUid ?? '') : '',
        tool: this.tool,
        client: this.#client(),
        resources,
        on: this.#volumeHandlers,
      });
    }
    return viewportGrid({
      t,
      shape,
      cells: this.cells,
      activeIndex: this.activeIndex,
      dropTarget: this.dropTarget,
      studyInstanceUid: contents.studyInstanceUid,
      tool: this.tool,
      portal: this.mode === 'portal',
      client: this.#client(),
      resources,
      on: this.#gridHandlers,
    });
  }

  /** The client the viewer and its parts use: the host's, or one made from the attributes. */
  #client(): DicomWebClient | undefined {
    return this.#clientOf.of(this);
  }

  async #loadStudy(): Promise<void> {
    const client = this.#client();
    this.cells = [];
    this.firstImageSettled = false;
    this.#progress.keep(0);
    this.activeIndex = 0;
    if (!client || (!this.studyUid && !this.seriesUid)) return;
    const uids = { studyInstanceUid: this.studyUid, seriesInstanceUid: this.seriesUid };
    await this.#study.run((signal) => loadStudy(client, uids, signal));
    if (this.#study.status === 'complete') this.#fillCells();
    else if (this.#study.status === 'error') this.dispatchEvent(new FoveaErrorEvent(this.#study.error));
  }

  /** Gives each viewport of the layout a series, keeping what is shown. */
  #fillCells(): void {
    const contents = this.#study.status === 'complete' ? this.#study.value : undefined;
    if (!contents) return;
    const shape = layoutShape(parseLayout(this.layout));
    const uids = contents.series.map((s) => s.seriesInstanceUid);
    const count = !shape.available ? 0 : shape.volume ? 1 : shape.columns * shape.rows;
    this.cells = assignSeries(this.cells, count, uids, this.seriesUid);
    this.activeIndex = Math.min(this.activeIndex, Math.max(0, this.cells.length - 1));
    this.#progress.keep(this.cells.length);
  }

  /** The PET to offer fusing over the MPR layout's series, if the layout is MPR and there is one. */
  #fusionSeries(contents: StudyContents | undefined): SeriesSummary | undefined {
    if (!contents || parseLayout(this.layout) !== 'mpr') return undefined;
    return fusionCandidate(contents.series, this.cells[0] ?? '');
  }

  #viewport(index: number): FoveaViewport | undefined {
    const element = this.renderRoot.querySelector(`fovea-viewport[data-cell="${index}"]`);
    return element instanceof FoveaViewport ? element : undefined;
  }

  #activate(index: number): void {
    if (this.activeIndex === index) return;
    this.activeIndex = index;
    this.#syncFromViewport(index);
  }

  #onViewportSettled(index: number): void {
    this.#progress.settled(index);
    this.firstImageSettled = true;
    this.#syncFromViewport(index);
  }

  /** The toolbar shows the active viewport's state (playing, inverted). */
  #syncFromViewport(index: number): void {
    if (index !== this.activeIndex) return;
    const viewport = this.#viewport(index);
    this.activePlaying = viewport?.playing ?? false;
    this.activeInverted = viewport?.inverted ?? false;
  }

  #onCommand = (event: FoveaToolbarCommandEvent): void => {
    const command: ToolbarCommand = event.command;
    if (command.type === 'layout') {
      this.layout = command.layout;
      return;
    }
    if (command.type === 'tool') {
      this.tool = command.tool;
      return;
    }
    if (command.type === 'fusion') {
      this.fused = command.on;
      return;
    }
    const layout = volumeLayoutIn(this.renderRoot);
    if (layout) {
      this.activeInverted = applyToVolumeLayout(layout, command);
      return;
    }
    const viewport = this.activeViewport;
    if (!viewport) return;
    applyToViewport(viewport, command);
    this.#syncFromViewport(this.activeIndex);
  };
}
