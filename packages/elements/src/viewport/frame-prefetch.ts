import type { FrameRef } from '@fovea/core';

/** Where a prefetcher gets frames: stored bytes, or frames already decoded. */
export interface PrefetchSource<T> {
  /** Frame `ref`; `priority` is higher for the frame on screen than for prefetching. */
  frame(ref: FrameRef, signal: AbortSignal, priority: number): Promise<T>;
  /** Bytes `frame` keeps in memory, for the budget. */
  sizeOf(frame: T): number;
}

/** Priority of the frame asked for on screen, above the frames prefetched behind it. */
const SHOWN_PRIORITY = 1;

/** How a prefetcher works: how many requests at once, and how many bytes it may keep. */
export interface FramePrefetchOptions {
  /** Requests in flight at once, besides the frame on screen. */
  concurrency?: number;
  /** Stop prefetching once this many stored bytes are kept (frames past it load when shown). */
  budgetBytes?: number;
  /**
   * ms without a frame asked for on screen before prefetching goes on: while the reader pages,
   * the network and the main thread serve the frames being shown.
   */
  quietMs?: number;
}

/**
 * Fetches every frame of a series from its source, nearest to the frame on screen first, and keeps
 * them (stored bytes, or decoded frames) so paging and cine need not wait for the network. Reports
 * progress as frames arrive. One prefetcher per load: aborting its signal stops it.
 */
export class FramePrefetcher<T> {
  readonly #frames: readonly FrameRef[];
  readonly #cache = new Map<number, Promise<T>>();
  readonly #concurrency: number;
  readonly #budgetBytes: number;
  #loaded = 0;
  #bytes = 0;
  #queue: number[] = [];
  readonly #quietMs: number;
  /** When a frame was last asked for to be shown (performance.now()). */
  #lastDemand = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly source: PrefetchSource<T>,
    frames: readonly FrameRef[],
    private readonly signal: AbortSignal,
    private readonly onProgress: (loaded: number, total: number) => void,
    options: FramePrefetchOptions = {},
  ) {
    this.#frames = frames;
    this.#concurrency = Math.max(1, options.concurrency ?? 2);
    this.#budgetBytes = options.budgetBytes ?? 512 * 1024 * 1024;
    this.#quietMs = options.quietMs ?? 0;
  }

  /** Frames fetched so far. */
  get loaded(): number {
    return this.#loaded;
  }

  /** Frame `index` for the screen: kept, in flight, or fetched now (and then kept). */
  frame(index: number): Promise<T> {
    this.#lastDemand = performance.now();
    return this.#fetch(index, SHOWN_PRIORITY);
  }

  #fetch(index: number, priority: number): Promise<T> {
    const cached = this.#cache.get(index);
    if (cached) return cached;
    const ref = this.#frames[index];
    if (!ref)
      return Promise.reject(new RangeError(`No frame ${index} in a series of ${this.#frames.length}`));
    const request = this.source.frame(ref, this.signal, priority).then(
      (frame) => {
        this.#loaded++;
        this.#bytes += this.source.sizeOf(frame);
        if (!this.signal.aborted) this.onProgress(this.#loaded, this.#frames.length);
        return frame;
      },
      (error: unknown) => {
        // A failed frame is tried again when it is next asked for; showing it reports the error.
        this.#cache.delete(index);
        throw error;
      },
    );
    this.#cache.set(index, request);
    return request;
  }

  /** Starts fetching the whole series, outwards from frame `from`. */
  start(from: number): void {
    const count = this.#frames.length;
    const order: number[] = [];
    for (let distance = 0; order.length < count; distance++) {
      if (from + distance < count) order.push(from + distance);
      if (distance > 0 && from - distance >= 0) order.push(from - distance);
    }
    this.#queue = order;
    for (let i = 0; i < this.#concurrency; i++) void this.#work();
  }

  /** Resolves once no frame was asked for on screen for `quietMs`. */
  async #quiet(): Promise<void> {
    for (;;) {
      const wait = this.#lastDemand + this.#quietMs - performance.now();
      if (wait <= 0 || this.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async #work(): Promise<void> {
    while (!this.signal.aborted && this.#bytes < this.#budgetBytes) {
      const index = this.#queue.shift();
      if (index === undefined) return;
      if (this.#cache.has(index)) continue;
      await this.#quiet();
      if (this.signal.aborted) return;
      await this.#fetch(index, 0).catch(() => undefined);
    }
  }
}
