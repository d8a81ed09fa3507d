/**
 * Types of the emscripten glue built by wasm/build.sh (hand-written: emscripten 3.1.6 emits no
 * declarations). Pointers are byte offsets into the module's memory.
 */
export interface FoveaVolumeExports {
  /** Views of the module memory; replaced when the memory grows, so read them after every allocation. */
  HEAPU8: Uint8Array;
  HEAP16: Int16Array;
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _fovea_fill_i16(src: number, isSigned: number, dst: number, n: number, slope: number, intercept: number): number;
  _fovea_fill_f32(src: number, isSigned: number, dst: number, n: number, slope: number, intercept: number): void;
  _fovea_widen_i16_f32(src: number, dst: number, n: number): void;
  _fovea_blend_f32(dst: number, src: number, n: number, keep: number, add: number): void;
  _fovea_minmax_i16(data: number, n: number, out: number): void;
  _fovea_minmax_f32(data: number, n: number, out: number): void;
  _fovea_histogram(data: number, dtype: number, n: number, lo: number, hi: number, bins: number, counts: number): void;
  _fovea_slab(
    data: number,
    dtype: number,
    nx: number,
    ny: number,
    nz: number,
    ox: number,
    oy: number,
    oz: number,
    rx: number,
    ry: number,
    rz: number,
    cx: number,
    cy: number,
    cz: number,
    sx: number,
    sy: number,
    sz: number,
    samples: number,
    out: number,
    width: number,
    height: number,
    combine: number,
    interp: number,
    fill: number,
  ): number;
  _fovea_reslice(
    data: number,
    dtype: number,
    nx: number,
    ny: number,
    nz: number,
    ox: number,
    oy: number,
    oz: number,
    rx: number,
    ry: number,
    rz: number,
    cx: number,
    cy: number,
    cz: number,
    out: number,
    width: number,
    height: number,
    interp: number,
    fill: number,
  ): number;
}

/** Options the glue reads (a subset of emscripten's Module object). */
export interface FoveaVolumeModuleOptions {
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => object;
  locateFile?: (path: string, prefix: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

declare function createFoveaVolumeModule(options?: FoveaVolumeModuleOptions): Promise<FoveaVolumeExports>;
export default createFoveaVolumeModule;
