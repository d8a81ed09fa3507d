import type { DecoderPool } from '@fovea/codecs';
import {
  type DicomWebClient,
  FoveaError,
  type FrameRef,
  Volume,
  type VolumeDisplaySet,
  VolumeSliceReadyEvent,
  VolumeWasmLoader,
} from '@fovea/core';
import { type RenderDevice, type RenderVolume, renderVolumeData, renderVolumeSlots } from '@fovea/render';
import type { ShownUnits } from '../overlays/annotations.js';
import { DecodedFrameSource } from '../viewport/decoded-frame-source.js';
import { loadSeriesFrames } from '../viewport/series-frames.js';
import { valueUnits } from '../viewport/value-units.js';

/** What {@link SeriesVolume.load} needs: where the series is, and the shared workers. */
export interface SeriesVolumeSource {
  client: DicomWebClient;
  /** (0020,000D) Study Instance UID. */
  studyUid: string;
  /** (0020,000E) Series Instance UID. */
  seriesUid: string;
  /** Decodes the frames (shared with the viewer's other views). */
  pool: DecoderPool;
  /** Holds the one GPU copy of the volume that every view of it draws from. */
  device: RenderDevice;
  /** The WASM volume core's loader; by default one is made for this volume. */
  wasm?: VolumeWasmLoader;
  signal?: AbortSignal;
}

/** Frames fetched and decoded at once while filling. */
const CONCURRENCY = 4;

/**
 * ms between uploads of the slots written meanwhile: every upload redraws each view of the
 * volume, so slots are sent in batches, not one by one (a redraw per slice made the fill wait on
 * the GPU).
 */
const UPLOAD_INTERVAL_MS = 250;

/**
 * A series assembled as a volume, for every view that shows it: one @fovea/core `Volume`
 * (voxels in WASM memory, modality units) and one `RenderVolume` on the shared render device.
 * Frames are fetched as stored, decoded in the pool and written slice by slice, nearest to the
 * volume centre first; each written slot is sent on to the GPU copy, so views show the volume
 * while it streams in.
 *
 * Events: `progress` after each slice (`loaded`, `total`), `replaced` when the GPU copy had to be
 * made again (a slice did not fit int16 and the volume widened to float32: views call
 * `setVolume` again with `renderVolume`), `complete` when every slice is in, and `error`
 * (`error`) when a slice could not be loaded.
 */
export class SeriesVolume extends EventTarget {
  /** Slices written so far. */
  loaded = 0;
  /** What stopped the fill, if anything did. */
  error: unknown;
  #renderVolume: RenderVolume;
  #abort = new AbortController();
  #pendingSlots = new Set<number>();
  #flushing: Promise<void> | undefined;
  #voxelType: Volume['voxelType'];
  #filling: Promise<void> | undefined;
  #complete = false;
  #disposed = false;

  private constructor(
    readonly volume: Volume,
    renderVolume: RenderVolume,
    readonly displaySet: VolumeDisplaySet,
    /** The default window of the series: its first slice's stored window, if it has one. */
    readonly storedWindow: { center: number; width: number } | undefined,
    /** How its voxels' values are shown to a reader (HU, SUVbw for a PET with an SUV, …). */
    readonly units: ShownUnits,
    private readonly source: SeriesVolumeSource,
  ) {
    super();
    this.#renderVolume = renderVolume;
    this.#voxelType = volume.voxelType;
  }

  /**
   * Fetches the series' metadata and makes its volume, empty (voxels hold the background until
   * their slice arrives); call {@link SeriesVolume.fill} to stream the slices in. Throws a
   * `FoveaError` `NOT_A_VOLUME` for a series that is not one (a single image, a cine), and core's
   * `VolumeError` for inconsistent geometry or pixels a volume cannot hold.
   */
  static async load(source: SeriesVolumeSource): Promise<SeriesVolume> {
    const signal = source.signal ?? new AbortController().signal;
    const series = await loadSeriesFrames(source.client, source.studyUid, source.seriesUid, signal);
    const set = series.displaySet;
    if (set.type !== 'volume') {
      throw new FoveaError(
        'NOT_A_VOLUME',
        `The series is a ${set.type}, not a volume: it needs two or more parallel slices with a position`,
      );
    }
    const modality = set.slices[0]?.instance.series.modality;
    // Slices not yet loaded show as air in CT (so a partial 3D rendering is not a grey block).
    const background = modality === 'CT' ? -1024 : 0;
    const volume = await Volume.create(set, {
      wasm: source.wasm ?? new VolumeWasmLoader(),
      background,
      signal,
    });
    try {
      const renderVolume = await source.device.createVolume(renderVolumeData(volume));
      const window = set.slices[0]?.instance.frames[set.slices[0].frameIndex]?.voi?.windows[0];
      const stored = window && window.width >= 1 ? { center: window.center, width: window.width } : undefined;
      const first = set.slices[0] && series.datasets.get(set.slices[0].instance);
      return new SeriesVolume(volume, renderVolume, set, stored, valueUnits(first), source);
    } catch (error) {
      volume.dispose();
      throw error;
    }
  }

  /** The GPU copy every view draws (it changes only on `replaced`). */
  get renderVolume(): RenderVolume {
    return this.#renderVolume;
  }

  /** True once every slice is written and on the GPU. */
  get complete(): boolean {
    return this.#complete;
  }

  /** Slices in the series. */
  get total(): number {
    return this.displaySet.slices.length;
  }

  /**
   * Fetches, decodes and writes every slice, nearest to the centre first, `CONCURRENCY` at a time.
   * Resolves when all are in (or on dispose); a failed slice rejects, fires `error` and stops.
   * Every view of the volume may call it: the fill runs once.
   */
  fill(): Promise<void> {
    this.#filling ??= this.#fill();
    return this.#filling;
  }

  async #fill(): Promise<void> {
    const slices = this.displaySet.slices;
    const order = outwardOrder(slices.length, Math.floor(slices.length / 2));
    // Fetched, parsed and decoded in the decoder workers where the client allows it: the page
    // only receives decoded slices while the volume streams in.
    const frames = new DecodedFrameSource(this.source.client, () => this.source.pool);
    const signal = this.#abort.signal;
    const onSlice = (event: Event) => {
      this.#pendingSlots.add((event as VolumeSliceReadyEvent).slot);
    };
    this.volume.addEventListener(VolumeSliceReadyEvent.type, onSlice);
    const worker = async () => {
      for (let index = order.shift(); index !== undefined; index = order.shift()) {
        const ref = slices[index] as FrameRef;
        const pixel = ref.instance.pixel;
        if (!pixel) throw new FoveaError('NO_PIXELS', `Slice ${index} has no pixel description`);
        const decoded = await frames.frame(ref, signal, 0);
        if (signal.aborted || this.#disposed) return;
        const pixels = decoded.pixels;
        if (!(pixels instanceof Int16Array || pixels instanceof Uint16Array)) {
          throw new FoveaError('VOLUME_UNSUPPORTED_PIXELS', 'Volume slices must decode to 16-bit values');
        }
        this.volume.writeSlice(index, pixels);
        this.loaded++;
        this.dispatchEvent(new Event('progress'));
      }
    };
    try {
      let decoding = true;
      const uploads = async () => {
        while (decoding && !signal.aborted) {
          await new Promise((resolve) => setTimeout(resolve, UPLOAD_INTERVAL_MS));
          await this.#flush();
        }
      };
      const decoded = Promise.all(Array.from({ length: CONCURRENCY }, worker)).finally(() => {
        decoding = false;
      });
      // Either failing stops the other (the catch aborts the signal both watch).
      await Promise.all([decoded, uploads()]);
      await this.#flush();
      if (this.#disposed) return;
      this.#complete = true;
      this.dispatchEvent(new Event('complete'));
    } catch (error) {
      if (signal.aborted || this.#disposed) return;
      this.error = error;
      this.#abort.abort();
      this.dispatchEvent(new Event('error'));
      throw error;
    } finally {
      this.volume.removeEventListener(VolumeSliceReadyEvent.type, onSlice);
    }
  }

  /** Frees the volume's WASM memory and its GPU copy, and stops the fill. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#abort.abort();
    this.#renderVolume.dispose();
    this.volume.dispose();
  }

  /** Sends the slots written since the last flush to the GPU copy, one update at a time. */
  async #flush(): Promise<void> {
    while (this.#flushing) await this.#flushing;
    if (this.#pendingSlots.size === 0 || this.#disposed) return;
    this.#flushing = this.#send().finally(() => {
      this.#flushing = undefined;
    });
    await this.#flushing;
  }

  async #send(): Promise<void> {
    if (this.volume.voxelType !== this.#voxelType) {
      // A slice widened the volume to float32: the GPU copy's texture type must change with it.
      this.#voxelType = this.volume.voxelType;
      this.#pendingSlots.clear();
      const previous = this.#renderVolume;
      this.#renderVolume = await this.source.device.createVolume(renderVolumeData(this.volume));
      this.dispatchEvent(new Event('replaced'));
      previous.dispose();
      return;
    }
    const slots = [...this.#pendingSlots];
    this.#pendingSlots.clear();
    // One update (one redraw of every view) from the lowest slot to the highest: slots between
    // that are not written yet hold the background, as the GPU copy does already.
    const first = Math.min(...slots);
    const update = renderVolumeSlots(this.volume, first, Math.max(...slots) - first + 1);
    await this.#renderVolume.update(update.firstSlot, update.voxels);
  }
}

/** Indices 0 … count − 1 ordered outwards from `from`: from, from + 1, from − 1, … */
export function outwardOrder(count: number, from: number): number[] {
  const order: number[] = [];
  for (let distance = 0; order.length < count; distance++) {
    if (from + distance < count) order.push(from + distance);
    if (distance > 0 && from - distance >= 0) order.push(from - distance);
  }
  return order;
}
