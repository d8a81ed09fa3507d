import type { RenderDevice } from '@fovea/render';
import type { ReactiveControllerHost } from 'lit';
import { FoveaErrorEvent } from '../events/error-event.js';
import { FoveaLoadEvent, FoveaLoadStartEvent } from '../events/load-events.js';
import { FoveaProgressEvent } from '../events/progress-event.js';
import type { SeriesVolume } from './series-volume.js';
import { VolumeSource, type VolumeSourceRequest } from './volume-source.js';
import { followVolume } from './volume-stream.js';

/** Where a volume view stands with its volume. */
export type VolumeViewStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the view does at each step of a load. */
export interface VolumeViewLoadSteps {
  /** The render device is known: make (or keep) the canvas on it. */
  canvas(device: RenderDevice): Promise<void>;
  /** Draw the volume's first frame (it may still be streaming in). */
  firstFrame(): Promise<void>;
  /** Draw again: the volume's GPU copy changed. */
  redraw(): void;
}

/**
 * The volume of one volume view: finds it (shared, or loaded from the series), follows its stream
 * (progress, redraws, failure) and says where the load stands (`status`, `loaded`, `errorCode`),
 * updating the host as they change. Fires the view's `fovea-load-start`, `fovea-progress`,
 * `fovea-load` and `fovea-error` on the host.
 */
export class VolumeViewLoad {
  status: VolumeViewStatus = 'idle';
  /** Slices written into the volume so far. */
  loaded = 0;
  /** The code of the error shown, once `status` is `error`. */
  errorCode = '';
  #series: SeriesVolume | undefined;
  readonly #source = new VolumeSource();
  #load: AbortController | undefined;
  #listeners: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly steps: VolumeViewLoadSteps,
  ) {}

  /** The volume shown, once found. */
  get series(): SeriesVolume | undefined {
    return this.#series;
  }

  /** Drops the volume shown and loads the one `request` names (nothing when it names none). */
  async reload(request: VolumeSourceRequest): Promise<void> {
    this.#stop();
    this.#set({ loaded: 0 });
    const abort = new AbortController();
    this.#load = abort;
    if (!VolumeSource.canLoad(request)) {
      this.#set({ status: 'idle' });
      return;
    }
    this.#set({ status: 'loading' });
    this.host.dispatchEvent(new FoveaLoadStartEvent(request.studyUid, request.seriesUid));
    try {
      const device = await this.#source.device(request);
      if (abort.signal.aborted) return;
      await this.steps.canvas(device);
      const series = await this.#source.series(request, device, abort.signal);
      if (abort.signal.aborted) return;
      this.#series = series;
      this.#follow(series);
      await this.steps.firstFrame();
      if (abort.signal.aborted) return;
      this.#set({ status: 'ready' });
      this.host.dispatchEvent(new FoveaLoadEvent(series.total));
    } catch (error) {
      if (!abort.signal.aborted) this.fail(error);
    }
  }

  /** Shows `error` in the view (by its code) and fires `fovea-error`. */
  fail(error: unknown): void {
    const code = (error as { code?: unknown } | undefined)?.code;
    this.#set({ status: 'error', errorCode: typeof code === 'string' ? code : 'UNEXPECTED' });
    this.host.dispatchEvent(new FoveaErrorEvent(error));
  }

  /** Stops loading and following, and frees what was loaded here. */
  dispose(): void {
    this.#stop();
    this.#source.dispose();
  }

  #stop(): void {
    this.#load?.abort();
    this.#listeners?.abort();
    this.#source.releaseSeries();
    this.#series = undefined;
  }

  /** Follows the volume's stream: progress, redraws, failure. */
  #follow(series: SeriesVolume): void {
    const listeners = new AbortController();
    this.#listeners = listeners;
    this.#set({ loaded: series.loaded });
    const progress = () => {
      this.#set({ loaded: series.loaded });
      this.host.dispatchEvent(new FoveaProgressEvent(series.loaded, series.total));
    };
    const handlers = { progress, redraw: () => this.steps.redraw(), failed: (e: unknown) => this.fail(e) };
    followVolume(series, handlers, listeners.signal);
  }

  #set(state: Partial<Pick<VolumeViewLoad, 'status' | 'loaded' | 'errorCode'>>): void {
    Object.assign(this, state);
    this.host.requestUpdate();
  }
}
