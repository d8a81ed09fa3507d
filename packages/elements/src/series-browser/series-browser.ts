import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient, type SeriesSummary, searchForSeries } from '@fovea/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AsyncTask } from '../controllers/async-task.js';
import { FoveaErrorEvent } from '../events/error-event.js';
import { resolveLang } from '../i18n/lang.js';
import { type MessageKey, message } from '../i18n/messages.js';
import { themeStyles } from '../theme/theme.js';
import { seriesBrowserStyles } from './series-browser.styles.js';
import { FoveaSeriesSelectEvent } from './series-select-event.js';
import { renderSeriesThumbnail } from './series-thumbnail.js';
import { SeriesThumbnailError } from './series-thumbnail-error.js';

/** MIME type of a series dragged from the browser: JSON `{ studyInstanceUid, seriesInstanceUid }`. */
export const SERIES_DRAG_TYPE = 'application/x-fovea-series';

/** Thumbnail edge in CSS pixels (the canvas has that many device pixels times the pixel ratio). */
const THUMBNAIL_CSS_SIZE = 72;

/**
 * The series of one study, each with a thumbnail of its middle image, its modality, description and
 * image count. Click, Enter or Space picks a series (`fovea-series-select`); a series can also be
 * dragged (onto a `<fovea-viewer>` viewport). Usable alone with `dicomweb-root` and `study-uid`, or
 * handed a list already searched (`series`).
 *
 * Thumbnails are decoded in the decoder pool one after another, below the priority of what
 * viewports show, and drawn by the CPU renderer at thumbnail size: the page never waits on them.
 *
 * Keyboard: one Tab stop; Up/Down (and Home/End) move between series.
 *
 * @tagname fovea-series-browser
 * @event fovea-series-select - the user picked a series (`event.series`, a `SeriesSummary`)
 * @event fovea-error - the series search failed (`event.error`), or a series' thumbnail could not be
 *   made (`event.error` a `SeriesThumbnailError`, code `THUMBNAIL_FAILED`; once per series and list)
 * @csspart list - the list of series
 * @csspart series - one series' button (`series selected` for the current one)
 * @csspart thumbnail - a series' picture
 * @csspart status - loading and empty messages
 * @csspart error - the error message and its retry button
 * @cssproperty --fovea-surface-color - background
 * @cssproperty --fovea-text-color - text colour
 * @cssproperty --fovea-muted-color - numbers and counts
 * @cssproperty --fovea-border-color - hovered series
 * @cssproperty --fovea-accent-color - the selected series
 * @cssproperty --fovea-error-color - error messages
 * @cssproperty --fovea-focus-color - keyboard focus ring
 * @cssproperty --fovea-thumbnail-size - thumbnail edge (default 72px)
 * @cssproperty --fovea-font - font shorthand
 */
export class FoveaSeriesBrowser extends LitElement {
  static override styles = [themeStyles(), seriesBrowserStyles];

  /** Base URL of the DICOMweb service, e.g. `/dicom-web`. Ignored when `client` is set. */
  @property({ attribute: 'dicomweb-root' }) dicomwebRoot = '';
  /** (0020,000D) Study Instance UID whose series are listed. */
  @property({ attribute: 'study-uid' }) studyUid = '';
  /** (0020,000E) Series Instance UID shown as current. */
  @property({ attribute: 'selected-series-uid' }) selectedSeriesUid = '';
  /** `light` or `dark`; without it the browser inherits the colours of the element around it. */
  @property({ reflect: true }) theme: string | undefined;
  /** A configured client (auth, custom fetch); takes precedence over `dicomweb-root`. */
  @property({ attribute: false }) client: DicomWebClient | undefined;
  /** A decoder pool to share (a viewer's); by default the element makes its own for thumbnails. */
  @property({ attribute: false }) decoderPool: DecoderPool | undefined;
  /** The series to list, already searched; when unset the element searches the study itself. */
  @property({ attribute: false }) series: SeriesSummary[] | undefined;
  /**
   * While set, thumbnails wait. `<fovea-viewer>` sets it until its first image is on screen: the
   * thumbnails (one is of the very series being opened) would otherwise compete with that image
   * for the network and the decoder workers.
   */
  @property({ type: Boolean, attribute: 'defer-thumbnails' }) deferThumbnails = false;

  /** Per series UID: its picture, `null` when it has none, `'error'` when it failed. */
  @state() private thumbnails = new Map<string, ImageData | null | 'error'>();

  readonly #search = new AsyncTask<SeriesSummary[]>(this);
  #thumbnailRun: AbortController | undefined;
  #ownedPool: DecoderPool | undefined;
  /** Index of the series that holds the list's single Tab stop. */
  #focusIndex = 0;
  #thumbnailsStale = true;

  /** The series listed, sorted by (0020,0011) Series Number. */
  get listedSeries(): SeriesSummary[] {
    const list = this.series ?? (this.#search.status === 'complete' ? (this.#search.value ?? []) : []);
    return [...list].sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0));
  }

  /** Searches the study's series again (after an error). */
  refresh(): Promise<void> {
    const client = this.#client();
    if (this.series || !client || !this.studyUid) return Promise.resolve();
    const studyInstanceUid = this.studyUid;
    return this.#search
      .run((signal) => searchForSeries(client, { studyInstanceUid }, { signal }))
      .then(() => {
        this.#thumbnailsStale = true;
        this.requestUpdate();
        if (this.#search.status === 'error') this.dispatchEvent(new FoveaErrorEvent(this.#search.error));
      });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.#thumbnailsStale = true;
      if (!this.series) void this.refresh();
      else this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#thumbnailRun?.abort();
    this.#ownedPool?.dispose();
    this.#ownedPool = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A host may hand in an equal list as a new array on every render: only a different list counts.
    const seriesChanged = changed.has('series') && !sameSeries(changed.get('series'), this.series);
    if (changed.has('dicomwebRoot') || changed.has('client') || changed.has('studyUid') || seriesChanged) {
      this.thumbnails = new Map();
      this.#thumbnailsStale = true;
      if (!this.series) void this.refresh();
    }
    if (changed.has('decoderPool')) this.#thumbnailsStale = true;
  }

  protected override render() {
    const t = (key: MessageKey, values?: Record<string, string>) => message(resolveLang(this), key, values);
    if (!this.series) {
      const task = this.#search;
      if (task.status === 'error') {
        const code = (task.error as { code?: unknown } | undefined)?.code;
        return html`<div part="error" role="alert">
          ${t('seriesError')} ${typeof code === 'string' ? html`<code>${code}</code>` : nothing}
          <button @click=${() => this.refresh()}>${t('seriesRetry')}</button>
        </div>`;
      }
      if (task.status === 'pending') {
        return html`<div part="status" role="status" aria-busy="true">${t('seriesLoading')}</div>`;
      }
    }
    const list = this.listedSeries;
    if (list.length === 0) {
      return this.series || this.#search.status === 'complete'
        ? html`<div part="status" role="status">${t('seriesEmpty')}</div>`
        : nothing;
    }
    return html`<ul part="list" aria-label=${t('seriesBrowserLabel')} @keydown=${this.#onKeyDown}>
      ${repeat(
        list,
        (series) => series.seriesInstanceUid,
        (series) => {
          const count = String(series.numberOfInstances ?? '');
          const selected = series.seriesInstanceUid === this.selectedSeriesUid;
          const thumbnail = this.thumbnails.get(series.seriesInstanceUid);
          return html`<li>
            <button
              part=${selected ? 'series selected' : 'series'}
              data-series-uid=${series.seriesInstanceUid}
              aria-current=${String(selected)}
              draggable="true"
              @click=${() => this.#select(series)}
              @dragstart=${(event: DragEvent) => this.#onDragStart(event, series)}
            >
              <span part="thumbnail" aria-hidden="true" data-state=${thumbnailState(thumbnail)}>
                ${
                  thumbnail === null || thumbnail === 'error'
                    ? html`<span class="no-preview">${t('seriesNoPreview')}</span>`
                    : html`<canvas data-series-uid=${series.seriesInstanceUid}></canvas>`
                }
              </span>
              <span><span class="modality">${series.modality ?? ''}</span> <span class="number">#${series.seriesNumber ?? ''}</span></span>
              <span class="description">${series.seriesDescription ?? ''}</span>
              <span class="count">${t('seriesImages', { count })}</span>
            </button>
          </li>`;
        },
      )}
    </ul>`;
  }

  protected override updated(): void {
    const buttons = this.#buttons();
    const selected = buttons.findIndex((button) => button.getAttribute('aria-current') === 'true');
    if (!buttons.some((button) => button.matches(':focus'))) {
      this.#focusIndex = selected >= 0 ? selected : Math.min(this.#focusIndex, buttons.length - 1);
    }
    buttons.forEach((button, index) => {
      button.tabIndex = index === this.#focusIndex ? 0 : -1;
    });
    for (const canvas of this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-series-uid]')) {
      const picture = this.thumbnails.get(canvas.dataset.seriesUid ?? '');
      if (!(picture instanceof ImageData) || canvas.dataset.drawn === 'true') continue;
      canvas.width = picture.width;
      canvas.height = picture.height;
      canvas.getContext('2d')?.putImageData(picture, 0, 0);
      canvas.dataset.drawn = 'true';
    }
    if (this.#thumbnailsStale && !this.deferThumbnails && this.isConnected && this.listedSeries.length > 0) {
      this.#thumbnailsStale = false;
      void this.#loadThumbnails();
    }
  }

  #client(): DicomWebClient | undefined {
    return this.client ?? (this.dicomwebRoot ? new DicomWebClient({ root: this.dicomwebRoot }) : undefined);
  }

  #buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-series-uid]')];
  }

  #select(series: SeriesSummary): void {
    this.selectedSeriesUid = series.seriesInstanceUid;
    this.dispatchEvent(new FoveaSeriesSelectEvent(series));
  }

  #onDragStart(event: DragEvent, series: SeriesSummary): void {
    if (!event.dataTransfer) return;
    const studyInstanceUid = series.studyInstanceUid ?? this.studyUid;
    event.dataTransfer.setData(
      SERIES_DRAG_TYPE,
      JSON.stringify({ studyInstanceUid, seriesInstanceUid: series.seriesInstanceUid }),
    );
    event.dataTransfer.setData('text/plain', series.seriesInstanceUid);
    event.dataTransfer.effectAllowed = 'copy';
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const buttons = this.#buttons();
    const current = buttons.indexOf(event.target as HTMLButtonElement);
    if (current < 0) return;
    const last = buttons.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, current + 1),
      ArrowUp: Math.max(0, current - 1),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#focusIndex = next;
    buttons.forEach((button, index) => {
      button.tabIndex = index === next ? 0 : -1;
    });
    buttons[next]?.focus();
  };

  /** One thumbnail at a time, in list order; a new list or client aborts the run. */
  async #loadThumbnails(): Promise<void> {
    this.#thumbnailRun?.abort();
    const run = new AbortController();
    this.#thumbnailRun = run;
    const client = this.#client();
    if (!client) return;
    if (!this.decoderPool && !this.#ownedPool) this.#ownedPool = new DecoderPool({ size: 1 });
    const pool = (this.decoderPool ?? this.#ownedPool) as DecoderPool;
    const size = Math.round(THUMBNAIL_CSS_SIZE * (globalThis.devicePixelRatio || 1));
    for (const series of this.listedSeries) {
      const uid = series.seriesInstanceUid;
      if (run.signal.aborted) return;
      // Made, without pixels, or failed: each series is tried once per list (a failure is reported
      // once; a new list, client or study tries again).
      if (this.thumbnails.has(uid)) continue;
      let picture: ImageData | null | 'error';
      let failure: unknown;
      try {
        const studyInstanceUid = series.studyInstanceUid ?? this.studyUid;
        picture =
          (await renderSeriesThumbnail(
            client,
            pool,
            { studyInstanceUid, seriesInstanceUid: uid },
            size,
            run.signal,
          )) ?? null;
      } catch (error) {
        // A series without a picture stays usable: it says "No preview" and can still be opened.
        picture = 'error';
        failure = error;
      }
      if (run.signal.aborted) return;
      this.thumbnails = new Map(this.thumbnails).set(uid, picture);
      if (picture === 'error')
        this.dispatchEvent(new FoveaErrorEvent(new SeriesThumbnailError(uid, failure)));
    }
  }
}

function thumbnailState(thumbnail: ImageData | null | 'error' | undefined): string {
  if (thumbnail === undefined) return 'loading';
  if (thumbnail === null) return 'none';
  return thumbnail === 'error' ? 'error' : 'drawn';
}

function sameSeries(
  a: readonly SeriesSummary[] | undefined,
  b: readonly SeriesSummary[] | undefined,
): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((s, i) => s.seriesInstanceUid === b[i]?.seriesInstanceUid);
}
