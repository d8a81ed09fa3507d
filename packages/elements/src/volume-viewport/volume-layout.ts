import { DecoderPool } from '@fovea/codecs';
import { DicomWebClient } from '@fovea/core';
import { RenderDevice } from '@fovea/render';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FoveaErrorEvent } from '../events/error-event.js';
import { FoveaLoadStartEvent } from '../events/load-events.js';
import type { FoveaViewChangeEvent } from '../events/view-change-event.js';
import { resolveLang } from '../i18n/lang.js';
import { type MessageKey, message } from '../i18n/messages.js';
import { linkCursors } from './cursor-link.js';
import { SeriesVolume } from './series-volume.js';
import { PLANE_ORIENTATIONS } from './volume-planes.js';
import { FoveaVolumeViewport, VOLUME_RENDER_PRESETS, type VolumeRenderPreset } from './volume-viewport.js';

const PRESET_KEYS: Record<VolumeRenderPreset, MessageKey> = {
  'ct-bone': 'presetCtBone',
  'ct-soft-tissue': 'presetCtSoftTissue',
  'ct-lung': 'presetCtLung',
  'ct-angio': 'presetCtAngio',
  mip: 'presetMip',
};

/**
 * The reconstructions of one series: `mpr` shows its axial, coronal and sagittal planes side by
 * side, with crosshairs, one shared 3D cursor (a click or a scroll in one view moves the
 * others) and one window (a drag or preset in one view applies to all); `3d` shows its volume rendering with a preset picker. The series is loaded once into a
 * {@link SeriesVolume} on the shared render device and every view draws from it; the volume is
 * freed when the element leaves the DOM or the series changes.
 *
 * @tagname fovea-volume-layout
 * @event fovea-load-start - loading of the volume began
 * @event fovea-error - the series cannot be shown as a volume (`event.error`, e.g. `NOT_A_VOLUME`)
 * @csspart views - the row of volume views
 * @csspart view - one `<fovea-volume-viewport>` (also `view-axial`, `view-coronal`, `view-sagittal`, `view-3d`)
 * @csspart preset - the 3D preset picker
 * @csspart status - loading message
 * @csspart error - error message
 */
export class FoveaVolumeLayout extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      position: relative;
    }
    [part='views'] {
      flex: 1;
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      gap: 2px;
      min-height: 0;
    }
    fovea-volume-viewport {
      min-height: 0;
      height: 100%;
    }
    [part='preset'] {
      position: absolute;
      top: 8px;
      right: 8px;
      z-index: 1;
    }
    [part='status'],
    [part='error'] {
      padding: 8px;
    }
    [part='error'] {
      color: var(--fovea-error-color, #ff8a80);
    }
  `;

  /** Base URL of the DICOMweb service, e.g. `/dicom-web`. Ignored when `client` is set. */
  @property({ attribute: 'dicomweb-root' }) dicomwebRoot = '';
  /** A configured client (the viewer's); takes precedence over `dicomweb-root`. */
  @property({ attribute: false }) client: DicomWebClient | undefined;
  /** (0020,000D) Study Instance UID. */
  @property({ attribute: 'study-uid' }) studyUid = '';
  /** (0020,000E) Series Instance UID of the series to reconstruct. */
  @property({ attribute: 'series-uid' }) seriesUid = '';
  /** The shared decoder pool; by default the element makes (and ends) its own. */
  @property({ attribute: false }) decoderPool: DecoderPool | undefined;
  /** The shared render device (the volume is uploaded to it once); by default the element's own. */
  @property({ attribute: false }) renderDevice: RenderDevice | undefined;
  /** `mpr` (three planes) or `3d` (volume rendering). */
  @property({ reflect: true }) layout: 'mpr' | '3d' = 'mpr';
  /** The 3D preset. */
  @property({ reflect: true }) preset: VolumeRenderPreset = 'ct-bone';

  @state() private series: SeriesVolume | undefined;
  /** The device the views draw with: the host's, or the element's own. */
  @state() private device: RenderDevice | undefined;
  #ownedDevice: RenderDevice | undefined;
  #ownedPool: DecoderPool | undefined;
  @state() private errorCode = '';
  #load: AbortController | undefined;
  #unlink: (() => void) | undefined;

  /** The volume views shown now. */
  get views(): FoveaVolumeViewport[] {
    return [...this.renderRoot.querySelectorAll('fovea-volume-viewport')].filter(
      (view): view is FoveaVolumeViewport => view instanceof FoveaVolumeViewport,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.series) void this.#reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
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
    if (changed.has('decoderPool') || changed.has('renderDevice')) {
      this.#release();
      this.#releaseOwned();
    }
    if (source.some((key) => changed.has(key))) void this.#reload();
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
      ${this.layout === '3d' ? this.#presetPicker(t) : nothing}
      <div part="views" @fovea-view-change=${this.#shareWindow}>
        ${orientations.map(
          (orientation) => html`<fovea-volume-viewport
            part=${`view view-${orientation}`}
            orientation=${orientation}
            preset=${this.preset}
            .renderDevice=${this.device}
            .volume=${series}
          ></fovea-volume-viewport>`,
        )}
      </div>
    `;
  }

  #presetPicker(t: (key: MessageKey) => string) {
    return html`<select
      part="preset"
      aria-label=${t('volumePreset')}
      @change=${(event: Event) => {
        this.preset = (event.target as HTMLSelectElement).value as VolumeRenderPreset;
      }}
    >
      ${VOLUME_RENDER_PRESETS.map(
        (preset) =>
          html`<option value=${preset} ?selected=${preset === this.preset}>${t(PRESET_KEYS[preset])}</option>`,
      )}
    </select>`;
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

  async #reload(): Promise<void> {
    this.#release();
    const client =
      this.client ?? (this.dicomwebRoot ? new DicomWebClient({ root: this.dicomwebRoot }) : undefined);
    if (!client || !this.seriesUid) return;
    const abort = new AbortController();
    this.#load = abort;
    this.errorCode = '';
    this.dispatchEvent(new FoveaLoadStartEvent(this.studyUid, this.seriesUid));
    try {
      if (!this.decoderPool) this.#ownedPool ??= new DecoderPool();
      const pool = (this.decoderPool ?? this.#ownedPool) as DecoderPool;
      if (!this.renderDevice) this.#ownedDevice ??= await RenderDevice.create({ signal: abort.signal });
      const device = (this.renderDevice ?? this.#ownedDevice) as RenderDevice;
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
    } catch (error) {
      if (abort.signal.aborted) return;
      const code = (error as { code?: unknown } | undefined)?.code;
      this.errorCode = typeof code === 'string' ? code : 'UNEXPECTED';
      this.dispatchEvent(new FoveaErrorEvent(error));
    }
  }

  #release(): void {
    this.#load?.abort();
    this.#load = undefined;
    this.#unlink?.();
    this.#unlink = undefined;
    this.series?.dispose();
    this.series = undefined;
  }

  /** Ends what the element made itself (a host's pool and device stay the host's). */
  #releaseOwned(): void {
    this.device = undefined;
    this.#ownedDevice?.dispose();
    this.#ownedDevice = undefined;
    this.#ownedPool?.dispose();
    this.#ownedPool = undefined;
  }
}
