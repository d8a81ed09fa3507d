import type { Volume } from './volume.js';
import { VolumeError } from './volume-error.js';

/** One decoded slice for {@link fillVolume}: which slice of the display set, and its stored values. */
export interface DecodedSlice {
  /** Index into `VolumeDisplaySet.slices`. */
  sliceIndex: number;
  /** Stored values, rows × columns (see `Volume.writeSlice`). */
  pixels: Int16Array | Uint16Array;
}

/** Options of {@link fillVolume}. */
export interface FillVolumeOptions {
  /** Stops the fill: the promise rejects with `VOLUME_ABORTED` and the source is closed. */
  signal?: AbortSignal;
}

/**
 * Writes slices into `volume` as a source yields them (a decoder pool's output, in any order),
 * until the source ends; resolves to the number of slices written. Each slice is written and
 * dropped at once, so only one decoded slice is held here. Aborting through `signal` stops it
 * between slices, even while it waits for the next one: the source's `return()` is called (so a
 * generator can cancel its requests) and the promise rejects with `VolumeError` `VOLUME_ABORTED`.
 * Slices written before the abort stay written and ready.
 */
export async function fillVolume(
  volume: Volume,
  source: AsyncIterable<DecodedSlice> | Iterable<DecodedSlice>,
  options: FillVolumeOptions = {},
): Promise<number> {
  const { signal } = options;
  const aborted = () =>
    new VolumeError('VOLUME_ABORTED', 'The volume fill was aborted', { cause: signal?.reason });
  if (signal?.aborted) throw aborted();
  const iterator =
    Symbol.asyncIterator in source
      ? source[Symbol.asyncIterator]()
      : (source as Iterable<DecodedSlice>)[Symbol.iterator]();
  let stop: ((error: VolumeError) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  // Keeps an abort that lands after the fill from surfacing as an unhandled rejection.
  stopped.catch(() => {});
  const onAbort = () => stop?.(aborted());
  signal?.addEventListener('abort', onAbort, { once: true });
  let written = 0;
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), stopped]);
      if (next.done) return written;
      if (signal?.aborted) throw aborted();
      volume.writeSlice(next.value.sliceIndex, next.value.pixels);
      written++;
    }
  } catch (error) {
    // Close the source (it may hold requests or decoders); do not wait on one stuck in next().
    void Promise.resolve(iterator.return?.()).catch(() => {});
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
