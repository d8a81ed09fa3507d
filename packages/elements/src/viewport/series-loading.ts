import { type DecodedFrame, DecoderPool } from '@fovea/codecs';
import type { DicomWebClient } from '@fovea/core';
import { DecodedFrameSource } from './decoded-frame-source.js';
import { FramePrefetcher } from './frame-prefetch.js';
import { loadSeriesFrames, type SeriesFrames } from './series-frames.js';

/** Prefetching waits this long after the last frame the reader paged to (see FramePrefetcher). */
const PREFETCH_QUIET_MS = 400;
/** Progress is reported at most this often (and always at the end): each report may redraw a host's bar. */
const PROGRESS_INTERVAL_MS = 100;

/** What a viewport's loading tells it. */
export interface SeriesLoadingEvents {
  /** Frames of the series fetched and decoded so far. */
  progress(loaded: number, total: number): void;
}

/** One series opened by {@link SeriesLoading.open}. */
export interface OpenedSeries {
  series: SeriesFrames;
  /** Aborts when another series is opened or the loading is disposed. */
  signal: AbortSignal;
  /** The frame to show first: a volume's middle slice (most anatomy), else the first frame. */
  start: number;
}

/**
 * The loading side of a viewport, one series at a time: its metadata, then each frame fetched and
 * decoded (in the decoder workers where possible, see {@link DecodedFrameSource}) and kept, the
 * frame on screen first and the rest prefetched behind it. Owns a decoder pool only when none is
 * handed in, and disposes of that one.
 */
export class SeriesLoading {
  #abort: AbortController | undefined;
  #prefetch: FramePrefetcher<DecodedFrame> | undefined;
  #ownedPool: DecoderPool | undefined;

  constructor(
    private readonly sharedPool: () => DecoderPool | undefined,
    private readonly events: SeriesLoadingEvents,
  ) {}

  /** The signal of the load in progress; a new one from each `open` (set before it first waits). */
  get signal(): AbortSignal | undefined {
    return this.#abort?.signal;
  }

  /** The decoder pool handed in, else one of its own, made on first use. */
  pool(): DecoderPool {
    const shared = this.sharedPool();
    if (shared) return shared;
    this.#ownedPool ??= new DecoderPool();
    return this.#ownedPool;
  }

  /**
   * Aborts what was loading and opens a series; resolves with its frames, or `undefined` when
   * another `open` or `abort` came first. Rejects with the typed error of the metadata request.
   */
  async open(client: DicomWebClient, studyUid: string, seriesUid: string): Promise<OpenedSeries | undefined> {
    this.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const series = await loadSeriesFrames(client, studyUid, seriesUid, abort.signal);
    if (abort.signal.aborted) return undefined;
    const total = series.frames.length;
    this.#prefetch = new FramePrefetcher(
      new DecodedFrameSource(client, () => this.pool()),
      series.frames,
      abort.signal,
      this.#throttledProgress(total, abort.signal),
      { quietMs: PREFETCH_QUIET_MS },
    );
    const start = series.displaySet.type === 'volume' ? Math.floor(total / 2) : 0;
    return { series, signal: abort.signal, start };
  }

  /** Reports progress at most every PROGRESS_INTERVAL_MS, the latest count last, the end at once. */
  #throttledProgress(total: number, signal: AbortSignal): (loaded: number) => void {
    let reportedAt = Number.NEGATIVE_INFINITY;
    let latest = 0;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const report = (): void => {
      clearTimeout(trailing);
      trailing = undefined;
      reportedAt = performance.now();
      if (!signal.aborted) this.events.progress(latest, total);
    };
    return (loaded) => {
      latest = loaded;
      const since = performance.now() - reportedAt;
      if (loaded === total || since >= PROGRESS_INTERVAL_MS) report();
      else trailing ??= setTimeout(report, PROGRESS_INTERVAL_MS - since);
    };
  }

  /** Frame `index` of the open series, decoded: kept, in flight, or fetched now (and then kept). */
  frame(index: number): Promise<DecodedFrame> | undefined {
    return this.#prefetch?.frame(index);
  }

  /** Fetches the rest of the open series behind the image, nearest to frame `from` first. */
  prefetchFrom(from: number): void {
    this.#prefetch?.start(from);
  }

  /** Stops the load in progress; the frames kept so far are let go. */
  abort(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#prefetch = undefined;
  }

  /** Aborts, and ends the decoder pool made here. */
  dispose(): void {
    this.abort();
    this.#ownedPool?.dispose();
    this.#ownedPool = undefined;
  }
}
