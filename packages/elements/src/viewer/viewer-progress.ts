import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a viewport's frame progress may stand still before it stops counting, ms. */
const STALLED_PROGRESS_MS = 5000;

/**
 * What a viewer's progress bar shows: the study search, then each viewport's load. Viewports are
 * counted as steps (loading → first image) until they report frames fetched (`fovea-progress`);
 * then the bar counts frames. A viewport may stop fetching short of its whole series (a byte
 * budget, frames that failed) without a last event: its count is dropped after it stands still
 * for a while rather than holding the bar forever.
 */
export class ViewerProgress implements ReactiveController {
  /** Viewports between `fovea-load-start` and their first image (or error). */
  readonly #loading = new Set<number>();
  /** Frames fetched and in all, per viewport still fetching its series. */
  readonly #frames = new Map<number, { loaded: number; total: number }>();
  readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Viewport `index` began loading a series. */
  started(index: number): void {
    this.#loading.add(index);
    this.host.requestUpdate();
  }

  /** Viewport `index` shows its first image (a volume layout: its whole volume), or failed. */
  settled(index: number): void {
    this.#loading.delete(index);
    const frames = this.#frames.get(index);
    if (frames && frames.loaded >= frames.total) this.#frames.delete(index);
    this.host.requestUpdate();
  }

  /**
   * Viewport `index` has `loaded` of `total` frames. All in ends its count, unless the viewport
   * has still to settle (a volume layout is loaded once its volume is on the GPU, after the last
   * frame): then the bar stays full until it does.
   */
  frames(index: number, loaded: number, total: number): void {
    clearTimeout(this.#timers.get(index));
    if (loaded >= total && !this.#loading.has(index)) {
      this.#frames.delete(index);
    } else if (loaded >= total) {
      this.#frames.set(index, { loaded: total, total });
    } else {
      this.#frames.set(index, { loaded, total });
      this.#timers.set(
        index,
        setTimeout(() => {
          this.#frames.delete(index);
          this.host.requestUpdate();
        }, STALLED_PROGRESS_MS),
      );
    }
    this.host.requestUpdate();
  }

  /** Forgets viewports at `count` and beyond (the layout shrank), or all of them (`0`). */
  keep(count: number): void {
    for (const index of [...this.#loading]) if (index >= count) this.#loading.delete(index);
    for (const index of [...this.#frames.keys()]) {
      if (index >= count) {
        this.#frames.delete(index);
        clearTimeout(this.#timers.get(index));
      }
    }
    this.host.requestUpdate();
  }

  /**
   * The bar's value and maximum, or `undefined` when nothing loads. `studyPending`: the study
   * search runs; `opened`: viewports with a series.
   */
  measure(studyPending: boolean, opened: number): { done: number; total: number } | undefined {
    const fetching = [...this.#frames.values()];
    if (!studyPending && this.#loading.size === 0 && fetching.length === 0) return undefined;
    if (!studyPending && fetching.length > 0) {
      return {
        done: fetching.reduce((sum, p) => sum + p.loaded, 0),
        total: fetching.reduce((sum, p) => sum + p.total, 0),
      };
    }
    return { done: (studyPending ? 0 : 1) + opened - this.#loading.size, total: 1 + opened };
  }

  hostDisconnected(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#frames.clear();
  }
}
