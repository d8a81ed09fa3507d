import { VolumeError } from '../volume/volume-error.js';
import type { FoveaVolumeExports } from './generated/fovea-volume.mjs';

/** Where the volume core's WebAssembly comes from. */
export interface VolumeWasmOptions {
  /**
   * URL of `fovea-volume.wasm`; by default the file beside the glue
   * (`generated/fovea-volume.wasm` next to this module). `file:` URLs are read from disk (Node).
   */
  wasmUrl?: string | URL;
}

/** Voxel storage types, as the C code numbers them. */
export const WASM_DTYPE = { int16: 0, float32: 1 } as const;
/** Interpolation, as the C code numbers it. */
export const WASM_INTERPOLATION = { nearest: 0, trilinear: 1 } as const;
/** Slab combination, as the C code numbers it. */
export const WASM_COMBINE = { max: 0, min: 1, mean: 2 } as const;

/** Everything `fovea_slab` needs, in voxel index space (x = column, y = row, z = slice). */
export interface WasmSlabCall {
  data: number;
  dtype: number;
  dimensions: readonly [number, number, number];
  /** Position of output pixel (0, 0), first sample. */
  origin: readonly [number, number, number];
  /** Step per output column. */
  row: readonly [number, number, number];
  /** Step per output row. */
  column: readonly [number, number, number];
  /** Step per slab sample. */
  step: readonly [number, number, number];
  samples: number;
  out: number;
  width: number;
  height: number;
  combine: number;
  interpolation: number;
  fill: number;
}

/**
 * Fetches and compiles the volume core once, lazily (on the first volume), from a URL the host
 * can override. Create one per viewer (or share one by property): there is no global.
 */
export class VolumeWasmLoader {
  readonly #url: URL;
  #compiled: Promise<WebAssembly.Module> | undefined;

  constructor(options: VolumeWasmOptions = {}) {
    this.#url = new URL(options.wasmUrl ?? new URL('./generated/fovea-volume.wasm', import.meta.url));
  }

  /**
   * The compiled module (fetched and compiled on the first call, then reused). A
   * `WebAssembly.Module` can be posted to workers, which then instantiate it without fetching.
   * Throws `VolumeError` `VOLUME_WASM_LOAD`; a failure does not stick (the next call retries).
   */
  async compile(): Promise<WebAssembly.Module> {
    this.#compiled ??= compileWasm(this.#url).catch((cause: unknown) => {
      this.#compiled = undefined;
      throw new VolumeError('VOLUME_WASM_LOAD', `Could not load the volume core from ${redact(this.#url)}`, {
        cause,
      });
    });
    return this.#compiled;
  }
}

/** One instance of the volume core: typed calls and memory management over the raw exports. */
export class VolumeWasm {
  readonly #m: FoveaVolumeExports;

  private constructor(exports: FoveaVolumeExports) {
    this.#m = exports;
  }

  /** A fresh instance of a compiled volume core, with its own memory. */
  static async instantiate(compiled: WebAssembly.Module): Promise<VolumeWasm> {
    try {
      const glue = await import('./generated/fovea-volume.mjs');
      const exports = await glue.default({
        instantiateWasm(imports, done) {
          WebAssembly.instantiate(compiled, imports).then((instance) => done(instance, compiled));
          return {};
        },
        locateFile: (path) => path,
      });
      return new VolumeWasm(exports);
    } catch (cause) {
      throw new VolumeError('VOLUME_WASM_LOAD', 'Could not instantiate the volume core', { cause });
    }
  }

  /** Allocates `bytes` (16-byte aligned); throws `VOLUME_OUT_OF_MEMORY` when memory cannot grow. */
  alloc(bytes: number): number {
    // Pointers come back as signed i32: read them unsigned so memory above 2 GiB works.
    const pointer = bytes > 0 && bytes < 2 ** 32 ? this.#m._malloc(bytes) >>> 0 : 0;
    if (pointer === 0) {
      throw new VolumeError(
        'VOLUME_OUT_OF_MEMORY',
        `Could not allocate ${bytes} bytes of WebAssembly memory`,
      );
    }
    return pointer;
  }

  free(pointer: number): void {
    if (pointer !== 0) this.#m._free(pointer);
  }

  /** Bytes of WebAssembly memory this instance holds (it grows, never shrinks). */
  get memoryBytes(): number {
    return this.#m.HEAPU8.buffer.byteLength;
  }

  /** A view of module memory; invalid after the next allocation (memory may grow). */
  bytes(pointer: number, length: number): Uint8Array {
    return this.#m.HEAPU8.subarray(pointer, pointer + length);
  }

  /** An int16 view of module memory (pointer 2-byte aligned); invalid after the next allocation. */
  int16(pointer: number, length: number): Int16Array {
    return this.#m.HEAP16.subarray(pointer >>> 1, (pointer >>> 1) + length);
  }

  /** A float32 view of module memory (pointer 4-byte aligned); invalid after the next allocation. */
  float32(pointer: number, length: number): Float32Array {
    return this.#m.HEAPF32.subarray(pointer >>> 2, (pointer >>> 2) + length);
  }

  /** Rescales n 16-bit stored values to int16; returns how many did not fit (and were clamped). */
  fillInt16(src: number, signed: boolean, dst: number, n: number, slope: number, intercept: number): number {
    return this.#m._fovea_fill_i16(src, signed ? 1 : 0, dst, n, slope, intercept);
  }

  /** Rescales n 16-bit stored values to float32. */
  fillFloat32(src: number, signed: boolean, dst: number, n: number, slope: number, intercept: number): void {
    this.#m._fovea_fill_f32(src, signed ? 1 : 0, dst, n, slope, intercept);
  }

  /** Converts n int16 voxels to float32 (volume promotion). */
  widen(src: number, dst: number, n: number): void {
    this.#m._fovea_widen_i16_f32(src, dst, n);
  }

  /** float32 `dst = dst × keep + src × add` over n values (blending neighbouring slices). */
  blend(dst: number, src: number, n: number, keep: number, add: number): void {
    this.#m._fovea_blend_f32(dst, src, n, keep, add);
  }

  /** [min, max] of n voxels of `dtype` at `data` (NaN ignored; NaN, NaN when all are). */
  minMax(data: number, dtype: number, n: number, scratch: number): [number, number] {
    if (dtype === WASM_DTYPE.int16) this.#m._fovea_minmax_i16(data, n, scratch);
    else this.#m._fovea_minmax_f32(data, n, scratch);
    const out = this.float32(scratch, 2);
    return [out[0] as number, out[1] as number];
  }

  /** Adds n voxels into `bins` uint32 counts at `counts` over [lo, hi] (outside values not counted). */
  histogram(
    data: number,
    dtype: number,
    n: number,
    lo: number,
    hi: number,
    bins: number,
    counts: number,
  ): void {
    this.#m._fovea_histogram(data, dtype, n, lo, hi, bins, counts);
  }

  /** A uint32 view of module memory; invalid after the next allocation. */
  uint32(pointer: number, length: number): Uint32Array {
    return new Uint32Array(this.#m.HEAPU8.buffer, pointer, length);
  }

  /** Runs `fovea_slab`; throws `VOLUME_OUT_OF_MEMORY` if its scratch row could not be allocated. */
  slab(call: WasmSlabCall): void {
    const [nx, ny, nz] = call.dimensions;
    const status = this.#m._fovea_slab(
      call.data,
      call.dtype,
      nx,
      ny,
      nz,
      ...call.origin,
      ...call.row,
      ...call.column,
      ...call.step,
      call.samples,
      call.out,
      call.width,
      call.height,
      call.combine,
      call.interpolation,
      call.fill,
    );
    if (status !== 0) throw new VolumeError('VOLUME_OUT_OF_MEMORY', 'No memory for the slab scratch row');
  }
}

async function compileWasm(url: URL): Promise<WebAssembly.Module> {
  if (url.protocol === 'file:') {
    // Node only; a computed specifier keeps bundlers and core's DOM-only types out of it.
    const specifier: string = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ specifier)) as {
      readFile(url: URL): Promise<Uint8Array<ArrayBuffer>>;
    };
    return WebAssembly.compile(await fs.readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The URL without query or credentials (a host may sign its asset URLs). */
function redact(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
