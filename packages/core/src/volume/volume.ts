import type { VolumeDisplaySet } from '../display-sets/display-set.js';
import type { ModalityLut } from '../model/modality-lut.js';
import {
  VolumeWasm,
  type VolumeWasmLoader,
  WASM_COMBINE,
  WASM_DTYPE,
  WASM_INTERPOLATION,
} from '../wasm/volume-wasm.js';
import { type BrickLayout, copyBrick } from './brick-layout.js';
import { BrickReadiness } from './brick-readiness.js';
import { type Interpolation, type SlabOptions, voxelSlab } from './slab-parameters.js';
import type { SlicePlane } from './slice-plane.js';
import { VolumeError } from './volume-error.js';
import { VolumeBrickReadyEvent, VolumeSliceReadyEvent } from './volume-events.js';
import { type VolumeGeometry, type VolumeGeometryOptions, volumeGeometry } from './volume-geometry.js';
import { type VolumeStatistics, windowFromHistogram } from './volume-statistics.js';

/** How voxels are stored: int16 while every value fits exactly, float32 otherwise. */
export type VoxelType = 'int16' | 'float32';

/** Options of {@link Volume.create}. */
export interface VolumeOptions extends VolumeGeometryOptions {
  /** Loads the WASM core (create one per viewer and hand it down; it compiles once, lazily). */
  wasm: VolumeWasmLoader;
  /** Value of voxels not written yet and of missing slices, modality units (e.g. HU); default 0. */
  background?: number;
  /** Force float32 storage; by default int16 is used while values fit it exactly. */
  voxelType?: VoxelType;
  /** Stops creation while the WASM core loads: rejects with `VOLUME_ABORTED`, nothing is allocated. */
  signal?: AbortSignal;
}

/** Options of {@link Volume.reslice} and {@link Volume.slab}. */
export interface ResliceOptions {
  /** Default trilinear; nearest for label maps. */
  interpolation?: Interpolation;
  /** Value of output pixels outside the volume; default the volume's background. */
  fill?: number;
}

/** A resliced or projected image: float32 modality values, row-major, on its own plane. */
export interface ReslicedImage {
  /** `plane.rows × plane.columns` values, modality units. */
  pixels: Float32Array;
  /** Where the image lies in patient space (for a slab, its centre plane). */
  plane: SlicePlane;
}

/**
 * A volume filled slice by slice as frames are decoded, in any order: each slice is written into
 * the one voxel buffer in WebAssembly memory with its modality LUT (rescale) applied, and the
 * decoded frame can be dropped at once. Reports readiness per slice (`isSliceReady`,
 * `readyCount`, and a {@link VolumeSliceReadyEvent} per slice) so it can be shown before it is
 * complete; reslices planes and projects slabs. Call `dispose()` to release the memory.
 */
export class Volume extends EventTarget {
  /** Voxel grid in patient space. */
  readonly geometry: VolumeGeometry;
  readonly #set: VolumeDisplaySet;
  readonly #wasm: VolumeWasm;
  readonly #background: number;
  readonly #ready: Uint8Array;
  /** Per slot, source slices not written yet (0 for missing slots and complete ones). */
  readonly #slotPending: Uint8Array;
  /** Per slice, the slots it is written into and its weight there (one, weight 1, unless resampled). */
  readonly #targets: { slot: number; weight: number }[][];
  #readyCount = 0;
  /** Slots finished by the current write, for brick readiness. */
  #finished: number[] = [];
  #bricks: BrickReadiness | undefined;
  #type: VoxelType;
  #voxels: number;
  #staging: number;
  /** float32 rescaled slice of a resampled volume, before blending; allocated on first use. */
  #rescaled = 0;
  #out = 0;
  #outBytes = 0;
  #disposed = false;

  private constructor(
    set: VolumeDisplaySet,
    geometry: VolumeGeometry,
    wasm: VolumeWasm,
    type: VoxelType,
    background: number,
  ) {
    super();
    this.#set = set;
    this.geometry = geometry;
    this.#wasm = wasm;
    this.#type = type;
    this.#background = background;
    this.#ready = new Uint8Array(set.slices.length);
    this.#slotPending = new Uint8Array(geometry.dimensions[2]);
    this.#targets = set.slices.map(() => []);
    if (geometry.slotSources) {
      geometry.slotSources.forEach(({ sources }, slot) => {
        for (const { sliceIndex, weight } of sources) this.#targets[sliceIndex]?.push({ slot, weight });
        this.#slotPending[slot] = sources.length;
      });
    } else {
      geometry.slotOfSlice.forEach((slot, sliceIndex) => {
        this.#targets[sliceIndex]?.push({ slot, weight: 1 });
        this.#slotPending[slot] = 1;
      });
    }
    const count = this.voxelCount;
    this.#voxels = wasm.alloc(count * bytesPer(type));
    this.#staging = wasm.alloc(this.sliceVoxelCount * 2);
    if (type === 'int16') wasm.int16(this.#voxels, count).fill(background);
    else wasm.float32(this.#voxels, count).fill(background);
  }

  /**
   * Computes the geometry of `set` (throws `VolumeError` for bad geometry, see `volumeGeometry`),
   * checks that its pixels can be stored (one 16-bit sample, linear rescale), loads a WASM
   * instance and allocates the voxel buffer.
   */
  static async create(set: VolumeDisplaySet, options: VolumeOptions): Promise<Volume> {
    const geometry = volumeGeometry(set, options);
    let integral = options.voxelType !== 'float32';
    set.slices.forEach((slice, i) => {
      const pixel = slice.instance.pixel;
      if (pixel?.samplesPerPixel !== 1 || pixel.bitsAllocated !== 16 || pixel.floatPixelData) {
        throw new VolumeError(
          'VOLUME_UNSUPPORTED_PIXELS',
          'Only one 16-bit sample per pixel is supported so far (8/32-bit and float pixels are not)',
          { sliceIndex: i },
        );
      }
      const lut = modalityLut(set, i);
      if (lut.lut) {
        throw new VolumeError('VOLUME_UNSUPPORTED_PIXELS', 'Modality LUT Sequence is not supported yet', {
          sliceIndex: i,
        });
      }
      if (
        !Number.isFinite(lut.rescaleSlope) ||
        !Number.isFinite(lut.rescaleIntercept) ||
        lut.rescaleSlope === 0
      ) {
        throw new VolumeError('VOLUME_UNSUPPORTED_PIXELS', 'Rescale Slope or Intercept is not usable', {
          sliceIndex: i,
        });
      }
      if (!Number.isInteger(lut.rescaleSlope) || !Number.isInteger(lut.rescaleIntercept)) integral = false;
    });
    // Interpolated slots are fractional.
    if (geometry.slotSources) integral = false;
    const background = options.background ?? 0;
    if (!Number.isInteger(background) || background < -32768 || background > 32767) integral = false;
    const { signal } = options;
    const checkAborted = () => {
      if (signal?.aborted) {
        throw new VolumeError('VOLUME_ABORTED', 'Volume creation was aborted', { cause: signal.reason });
      }
    };
    checkAborted();
    const compiled = await options.wasm.compile();
    checkAborted();
    const wasm = await VolumeWasm.instantiate(compiled);
    // A fresh instance holds nothing yet: dropping it on abort frees everything.
    checkAborted();
    return new Volume(set, geometry, wasm, integral ? 'int16' : 'float32', background);
  }

  /** Storage type; an int16 volume becomes float32 when a slice's values do not fit int16. */
  get voxelType(): VoxelType {
    return this.#type;
  }

  /** Voxels in the buffer (x · y · z). */
  get voxelCount(): number {
    const [x, y, z] = this.geometry.dimensions;
    return x * y * z;
  }

  /** Voxels per slice (x · y). */
  get sliceVoxelCount(): number {
    return this.geometry.dimensions[0] * this.geometry.dimensions[1];
  }

  /** Bytes of the voxel buffer. */
  get byteLength(): number {
    return this.voxelCount * bytesPer(this.#type);
  }

  /**
   * Bytes of WebAssembly memory held for this volume: the voxels plus one staging slice, the last
   * output image and allocator slack. Compare with `byteLength` for the overhead.
   */
  get memoryBytes(): number {
    return this.#wasm.memoryBytes;
  }

  /** Slices written so far. */
  get readyCount(): number {
    return this.#readyCount;
  }

  /** True once every slice of the display set is written (missing slices never are). */
  get isComplete(): boolean {
    return this.#readyCount === this.#ready.length;
  }

  /** Whether slice `sliceIndex` (into `VolumeDisplaySet.slices`) has been written. */
  isSliceReady(sliceIndex: number): boolean {
    return this.#ready[sliceIndex] === 1;
  }

  /**
   * Writes decoded slice `sliceIndex` (index into `VolumeDisplaySet.slices`, any order) with its
   * modality LUT applied. `pixels` are the stored values, rows × columns, signed (`Int16Array`)
   * or unsigned (`Uint16Array`); they are copied, so the caller may drop or reuse them at once.
   * Writing a slice again replaces it, except in a resampled volume (`spacingKind: 'resampled'`),
   * where it throws `VOLUME_BAD_ARGUMENT`: its slots blend two slices and the first is not kept.
   * In a resampled volume a slot shows its first source slice until the second one is written.
   */
  writeSlice(sliceIndex: number, pixels: Int16Array | Uint16Array): void {
    const n = this.sliceVoxelCount;
    if (pixels.length !== n || !(pixels instanceof Int16Array || pixels instanceof Uint16Array)) {
      throw new VolumeError(
        'VOLUME_UNSUPPORTED_PIXELS',
        `Expected ${n} 16-bit values, got ${pixels.length} in a ${pixels.constructor.name}`,
        { sliceIndex },
      );
    }
    this.#write(
      sliceIndex,
      new Uint8Array(pixels.buffer, pixels.byteOffset, n * 2),
      pixels instanceof Int16Array,
    );
  }

  /**
   * Like {@link Volume.writeSlice}, from the bytes of a native frame: rows × columns 16-bit stored
   * values, little endian (swap big-endian frames first), `signed` per (0028,0103) Pixel
   * Representation. The bytes go straight into WebAssembly memory: no typed array, no alignment
   * copy (a frame inside a Part 10 file or a multipart response may start at an odd offset).
   */
  writeSliceBytes(sliceIndex: number, bytes: Uint8Array, signed: boolean): void {
    const n = this.sliceVoxelCount;
    if (!(bytes instanceof Uint8Array) || bytes.byteLength !== n * 2) {
      throw new VolumeError(
        'VOLUME_UNSUPPORTED_PIXELS',
        `Expected ${n * 2} bytes (${n} 16-bit values), got ${bytes.byteLength}`,
        { sliceIndex },
      );
    }
    this.#write(sliceIndex, bytes, signed);
  }

  #write(sliceIndex: number, bytes: Uint8Array, signed: boolean): void {
    this.#assertLive();
    const slot = this.geometry.slotOfSlice[sliceIndex];
    if (slot === undefined || !Number.isInteger(sliceIndex)) {
      throw new VolumeError('VOLUME_SLICE_INDEX', `No slice ${sliceIndex} in a set of ${this.#ready.length}`);
    }
    if (this.geometry.slotSources && this.#ready[sliceIndex] === 1) {
      throw new VolumeError('VOLUME_BAD_ARGUMENT', 'A slice of a resampled volume cannot be written twice', {
        sliceIndex,
      });
    }
    const n = this.sliceVoxelCount;
    const wasm = this.#wasm;
    wasm.bytes(this.#staging, n * 2).set(bytes);
    const { rescaleSlope, rescaleIntercept } = modalityLut(this.#set, sliceIndex);
    if (this.geometry.slotSources) {
      this.#blendInto(sliceIndex, signed, rescaleSlope, rescaleIntercept);
    } else {
      if (this.#type === 'int16') {
        const target = this.#voxels + slot * n * 2;
        const outside = wasm.fillInt16(this.#staging, signed, target, n, rescaleSlope, rescaleIntercept);
        if (outside > 0) this.#promote();
      }
      if (this.#type === 'float32') {
        wasm.fillFloat32(
          this.#staging,
          signed,
          this.#voxels + slot * n * 4,
          n,
          rescaleSlope,
          rescaleIntercept,
        );
      }
      if (this.#ready[sliceIndex] !== 1) {
        this.#slotPending[slot] = 0;
        this.#finished.push(slot);
      }
    }
    if (this.#ready[sliceIndex] !== 1) {
      this.#ready[sliceIndex] = 1;
      this.#readyCount++;
    }
    this.dispatchEvent(
      new VolumeSliceReadyEvent({
        sliceIndex,
        slot,
        readyCount: this.#readyCount,
        complete: this.isComplete,
      }),
    );
    const finished = this.#finished;
    this.#finished = [];
    for (const slot of finished) {
      for (const brickIndex of this.#bricks?.finish(slot) ?? []) {
        this.dispatchEvent(
          new VolumeBrickReadyEvent({ brickIndex, readyCount: this.#bricks?.readyCount ?? 0 }),
        );
      }
    }
  }

  /**
   * Tracks the bricks of `layout` (from {@link brickLayout} on this volume's dimensions) from now
   * on: a {@link VolumeBrickReadyEvent} fires for each brick when its last slot is written, while
   * the series streams; bricks already complete are ready at once (`isBrickReady`). Replaces an
   * earlier layout. A renderer whose 3D-texture limit the volume exceeds pages these bricks.
   */
  useBrickLayout(layout: BrickLayout): void {
    this.#assertLive();
    if (!layout.dimensions.every((n, a) => n === this.geometry.dimensions[a])) {
      throw new VolumeError(
        'VOLUME_BAD_ARGUMENT',
        `A brick layout for ${layout.dimensions.join(' × ')} voxels does not fit a ${this.geometry.dimensions.join(' × ')} volume`,
      );
    }
    this.#bricks = new BrickReadiness(layout, (slot) => this.#slotPending[slot] === 0);
  }

  /** The brick layout set by {@link Volume.useBrickLayout}, if any. */
  get brickLayout(): BrickLayout | undefined {
    return this.#bricks?.layout;
  }

  /** Whether every slot of brick `brickIndex` of the current layout is written. */
  isBrickReady(brickIndex: number): boolean {
    return this.#bricks?.isReady(brickIndex) ?? false;
  }

  /**
   * A copy of one brick's voxels (overlap included), x fastest, in the volume's current voxel
   * type: ready to upload as one 3D texture. A brick fetched before it is ready holds the
   * background where slices are still missing; an int16 volume promoted to float32 later (a
   * slice outside int16) needs its ready bricks fetched again.
   */
  brickVoxels(brickIndex: number): Int16Array | Float32Array {
    const brick = this.#bricks?.layout.bricks[brickIndex];
    if (!brick) throw new VolumeError('VOLUME_BAD_ARGUMENT', `No brick ${brickIndex} in the brick layout`);
    return copyBrick(this.voxels(), this.geometry.dimensions, brick);
  }

  /**
   * The voxel buffer, x fastest then y then z, modality units: a view of WebAssembly memory, valid
   * until the next call on this volume (memory may grow). Copy it (or upload it) at once.
   */
  voxels(): Int16Array | Float32Array {
    this.#assertLive();
    return this.#type === 'int16'
      ? this.#wasm.int16(this.#voxels, this.voxelCount)
      : this.#wasm.float32(this.#voxels, this.voxelCount);
  }

  /** Samples the volume on `plane` (any orientation, patient space). */
  reslice(plane: SlicePlane, options: ResliceOptions = {}): ReslicedImage {
    return this.slab(plane, { thickness: 0, mode: 'max' }, options);
  }

  /** Projects a slab of `slab.thickness` mm centred on `plane` along its normal (MIP, MinIP, average). */
  slab(plane: SlicePlane, slab: SlabOptions, options: ResliceOptions = {}): ReslicedImage {
    this.#assertLive();
    const params = voxelSlab(this.geometry, plane, slab);
    const count = params.width * params.height;
    const out = this.#output(count * 4);
    this.#wasm.slab({
      data: this.#voxels,
      dtype: WASM_DTYPE[this.#type],
      dimensions: this.geometry.dimensions,
      origin: params.origin,
      row: params.row,
      column: params.column,
      step: params.step,
      samples: params.samples,
      out,
      width: params.width,
      height: params.height,
      combine: WASM_COMBINE[slab.mode],
      interpolation: WASM_INTERPOLATION[options.interpolation ?? 'trilinear'],
      fill: options.fill ?? this.#background,
    });
    return { pixels: this.#wasm.float32(out, count).slice(), plane: structuredClone(plane) };
  }

  /**
   * Minimum, maximum, histogram (`bins` bins, default 256) and an automatic window of the slices
   * written so far; `undefined` before the first slice or when every written value is NaN.
   */
  statistics(bins = 256): VolumeStatistics | undefined {
    this.#assertLive();
    if (!Number.isInteger(bins) || bins < 1)
      throw new VolumeError('VOLUME_BAD_ARGUMENT', `Bad bin count ${bins}`);
    const slots = this.geometry.slotOfSlice.filter((_, i) => this.#ready[i] === 1);
    if (slots.length === 0) return undefined;
    const wasm = this.#wasm;
    const n = this.sliceVoxelCount;
    const size = bytesPer(this.#type);
    const dtype = WASM_DTYPE[this.#type];
    const scratch = wasm.alloc(8 + bins * 4);
    try {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const slot of slots) {
        const [lo, hi] = wasm.minMax(this.#voxels + slot * n * size, dtype, n, scratch);
        if (lo < min) min = lo;
        if (hi > max) max = hi;
      }
      if (!(min <= max)) return undefined;
      const counts = scratch + 8;
      wasm.uint32(counts, bins).fill(0);
      for (const slot of slots)
        wasm.histogram(this.#voxels + slot * n * size, dtype, n, min, max, bins, counts);
      const histogram = wasm.uint32(counts, bins).slice();
      return { min, max, histogram, window: windowFromHistogram(histogram, min, max) };
    } finally {
      wasm.free(scratch);
    }
  }

  /** Releases the voxel buffer and the WASM instance; the volume cannot be used afterwards. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#wasm.free(this.#voxels);
    this.#wasm.free(this.#staging);
    this.#wasm.free(this.#rescaled);
    this.#wasm.free(this.#out);
  }

  /**
   * Resampled volumes: rescales the staged slice to float32 once, then writes it into each slot it
   * is a source of: copied where it comes first, blended with the slot's other source otherwise.
   */
  #blendInto(sliceIndex: number, signed: boolean, slope: number, intercept: number): void {
    const wasm = this.#wasm;
    const n = this.sliceVoxelCount;
    if (this.#rescaled === 0) this.#rescaled = wasm.alloc(n * 4);
    wasm.fillFloat32(this.#staging, signed, this.#rescaled, n, slope, intercept);
    for (const { slot, weight } of this.#targets[sliceIndex] ?? []) {
      const target = this.#voxels + slot * n * 4;
      const sources = this.geometry.slotSources?.[slot]?.sources.length ?? 1;
      if (this.#slotPending[slot] === sources)
        wasm.bytes(target, n * 4).set(wasm.bytes(this.#rescaled, n * 4));
      else wasm.blend(target, this.#rescaled, n, 1 - weight, weight);
      this.#slotPending[slot] = (this.#slotPending[slot] as number) - 1;
      if (this.#slotPending[slot] === 0) this.#finished.push(slot);
    }
  }

  /** Widens the buffer to float32 (a slice did not fit int16); peak memory is 3× the int16 buffer. */
  #promote(): void {
    const count = this.voxelCount;
    const wide = this.#wasm.alloc(count * 4);
    this.#wasm.widen(this.#voxels, wide, count);
    this.#wasm.free(this.#voxels);
    this.#voxels = wide;
    this.#type = 'float32';
  }

  /** The reused output buffer, grown to `bytes`. */
  #output(bytes: number): number {
    if (bytes > this.#outBytes) {
      this.#wasm.free(this.#out);
      this.#out = 0;
      this.#outBytes = 0;
      this.#out = this.#wasm.alloc(bytes);
      this.#outBytes = bytes;
    }
    return this.#out;
  }

  #assertLive(): void {
    if (this.#disposed) throw new VolumeError('VOLUME_DISPOSED', 'The volume was disposed');
  }
}

function modalityLut(set: VolumeDisplaySet, sliceIndex: number): ModalityLut {
  const slice = set.slices[sliceIndex];
  const lut = slice?.instance.frames[slice.frameIndex]?.modalityLut;
  return (
    lut ?? {
      rescaleSlope: 1,
      rescaleIntercept: 0,
      rescaleType: undefined,
      lut: undefined,
      lutType: undefined,
    }
  );
}

function bytesPer(type: VoxelType): number {
  return type === 'int16' ? 2 : 4;
}
