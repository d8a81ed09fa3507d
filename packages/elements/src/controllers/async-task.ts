import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where an `AsyncTask` stands. */
export type TaskStatus = 'idle' | 'pending' | 'complete' | 'error';

/**
 * Runs one async job at a time for an element: a new run aborts the previous one, and the job is
 * aborted when the element leaves the DOM, so no late result lands on a removed element.
 */
export class AsyncTask<T> implements ReactiveController {
  status: TaskStatus = 'idle';
  value: T | undefined;
  error: unknown;
  #abort: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts `job`, aborting any run in progress. Resolves when this run settles. */
  async run(job: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await job(abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.error = undefined;
      this.status = 'complete';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.status === 'pending') this.status = 'idle';
  }
}
