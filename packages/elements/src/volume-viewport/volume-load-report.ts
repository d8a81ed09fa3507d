import { FoveaLoadEvent } from '../events/load-events.js';
import { FoveaProgressEvent } from '../events/progress-event.js';
import type { SeriesVolume } from './series-volume.js';

/** What is counted: the volume, or `undefined` while its metadata is still being fetched. */
interface Entry {
  volume: SeriesVolume | undefined;
  listeners: AbortController;
}

/**
 * Reports the volumes an element streams in (a layout's series, and the series fused over it) as
 * one load on `target`: `fovea-progress` with the slices written of all of them after each slice,
 * and one `fovea-load` (`frameCount`: their slices) once every volume asked for is loaded and
 * complete. Each volume has a key (`series`, `fusion`): {@link expect} says it is coming,
 * {@link add} that it is made and streaming, {@link remove} that it is no longer wanted (changed,
 * failed, turned off). A volume asked for after the load was reported starts a new load, counted
 * on its own.
 */
export class VolumeLoadReport {
  readonly #entries = new Map<string, Entry>();
  #reported = false;

  constructor(private readonly target: EventTarget) {}

  /** Volume `key` is being made: the load is not complete before it is. */
  expect(key: string): void {
    this.remove(key);
    if (this.#reported) {
      // The previous load was reported complete: this volume is a load of its own.
      this.#clear();
      this.#reported = false;
    }
    this.#entries.set(key, { volume: undefined, listeners: new AbortController() });
  }

  /** Volume `key` is made: counts its slices as they arrive. */
  add(key: string, volume: SeriesVolume): void {
    if (!this.#entries.has(key)) this.expect(key);
    const entry = this.#entries.get(key) as Entry;
    entry.volume = volume;
    const options = { signal: entry.listeners.signal };
    volume.addEventListener('progress', () => this.#progress(), options);
    volume.addEventListener('complete', () => this.#settle(), options);
    this.#progress();
    this.#settle();
  }

  /** Stops counting volume `key`; if the others are complete, the load ends there. */
  remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    entry.listeners.abort();
    this.#entries.delete(key);
    this.#settle();
  }

  /** Forgets every volume without reporting anything more. */
  reset(): void {
    this.#clear();
    this.#reported = false;
  }

  #clear(): void {
    for (const entry of this.#entries.values()) entry.listeners.abort();
    this.#entries.clear();
  }

  #volumes(): SeriesVolume[] {
    return [...this.#entries.values()].flatMap((entry) => (entry.volume ? [entry.volume] : []));
  }

  #progress(): void {
    if (this.#reported) return;
    const volumes = this.#volumes();
    if (volumes.length === 0) return;
    const loaded = volumes.reduce((sum, volume) => sum + volume.loaded, 0);
    const total = volumes.reduce((sum, volume) => sum + volume.total, 0);
    this.target.dispatchEvent(new FoveaProgressEvent(loaded, total));
  }

  #settle(): void {
    if (this.#reported || this.#entries.size === 0) return;
    const entries = [...this.#entries.values()];
    if (!entries.every((entry) => entry.volume?.complete)) return;
    this.#reported = true;
    const total = this.#volumes().reduce((sum, volume) => sum + volume.total, 0);
    this.target.dispatchEvent(new FoveaLoadEvent(total));
  }
}
