/** The parts of the cornerstone emscripten codec modules this package uses. */

/** Width, height, depth and components a codec reports for a decoded image. */
export interface CodecFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned?: boolean;
  isUsingColorTransform?: boolean;
}

/** A decoder instance living in WASM memory; `delete()` frees it. */
export interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): CodecFrameInfo;
  decode(): void;
  delete(): void;
  decodeSubResolution?(level: number, layer?: number): void;
  calculateSizeAtDecompositionLevel?(level: number): { width: number; height: number };
  getNumDecompositions?(): number;
  getInterleaveMode?(): number;
  getNearLossless?(): number;
  readHeader?(): void;
}

/** An instantiated emscripten module with the decoder classes it exports. */
export interface EmscriptenModule {
  JPEGDecoder?: new () => WasmDecoder;
  JpegLSDecoder?: new () => WasmDecoder;
  J2KDecoder?: new () => WasmDecoder;
  HTJ2KDecoder?: new () => WasmDecoder;
  getExceptionMessage?(exception: unknown): [string, string] | string;
}

/** Options emscripten's MODULARIZE factory accepts that this package sets. */
export interface EmscriptenFactoryOptions {
  instantiateWasm(
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ): object;
  locateFile(path: string): string;
  print(text: string): void;
  printErr(text: string): void;
}

/** The default export of an emscripten MODULARIZE glue file. */
export type EmscriptenFactory = (options: Partial<EmscriptenFactoryOptions>) => Promise<EmscriptenModule>;
