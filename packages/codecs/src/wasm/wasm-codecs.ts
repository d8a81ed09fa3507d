import type { EmscriptenFactory, EmscriptenModule } from './emscripten-module.js';

/** The WASM codecs, by library. */
export type WasmCodecId = 'libjpeg-turbo' | 'charls' | 'openjpeg' | 'openjph';

/** Where the `.wasm` files of the codecs come from. */
export interface WasmLocation {
  /**
   * Folder (URL ending in `/`) holding the four `.wasm` files under their published names
   * (`libjpegturbowasm_decode.wasm`, `charlswasm_decode.wasm`, `openjpegwasm_decode.wasm`,
   * `openjphjs.wasm`). Default: in Node, the installed `@cornerstonejs/codec-*` packages; in
   * browsers, `./wasm/` beside this module in `dist` (the build copies them there).
   */
  wasmBaseUrl?: string | URL;
  /** One URL per codec, overriding `wasmBaseUrl` for that codec. */
  wasmUrls?: Partial<Record<WasmCodecId, string | URL>>;
}

interface CodecSource {
  file: string;
  /** Package export of the `.wasm` file, resolved in Node when no URL is given. */
  packageWasm: string;
  glue: () => Promise<{ default: unknown }>;
}

// Literal specifiers so bundlers see and split the glue; the .wasm itself is fetched by URL.
const sources: Record<WasmCodecId, CodecSource> = {
  'libjpeg-turbo': {
    file: 'libjpegturbowasm_decode.wasm',
    packageWasm: '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm',
    glue: () => import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs'),
  },
  charls: {
    file: 'charlswasm_decode.wasm',
    packageWasm: '@cornerstonejs/codec-charls/decodewasm',
    glue: () => import('@cornerstonejs/codec-charls/decodewasmjs'),
  },
  openjpeg: {
    file: 'openjpegwasm_decode.wasm',
    packageWasm: '@cornerstonejs/codec-openjpeg/decodewasm',
    glue: () => import('@cornerstonejs/codec-openjpeg/decodewasmjs'),
  },
  openjph: {
    file: 'openjphjs.wasm',
    packageWasm: '@cornerstonejs/codec-openjph/wasm',
    glue: () => import('@cornerstonejs/codec-openjph/wasmjs'),
  },
};

/** A loaded codec module plus the messages it printed to stderr during the last call. */
export interface LoadedCodec {
  module: EmscriptenModule;
  /** Last lines the library printed (OpenJPEG and OpenJPH report errors this way). */
  messages: string[];
}

/**
 * The WASM codec modules of one decoding context (a worker, a test, a CLI run): each is fetched,
 * compiled and instantiated on first use only, then kept. A module that trapped is dropped with
 * `discard` and re-instantiated from the compiled code on next use. Owns no global state: two
 * instances never share memory.
 */
export class WasmCodecs {
  private readonly loaded = new Map<WasmCodecId, Promise<LoadedCodec>>();
  private readonly compiled = new Map<WasmCodecId, Promise<WebAssembly.Module>>();

  constructor(private readonly location: WasmLocation = {}) {}

  /** The module of `id`, loading it on first call. Rejects if it cannot be fetched or compiled. */
  get(id: WasmCodecId): Promise<LoadedCodec> {
    let codec = this.loaded.get(id);
    if (!codec) {
      codec = this.instantiate(id);
      this.loaded.set(id, codec);
      codec.catch(() => {
        this.loaded.delete(id);
        this.compiled.delete(id);
      });
    }
    return codec;
  }

  /** Forgets the instance of `id` (after a trap, its memory may be inconsistent). */
  discard(id: WasmCodecId): void {
    this.loaded.delete(id);
  }

  /** The URL the `.wasm` of `id` is (or would be) loaded from. */
  async wasmUrl(id: WasmCodecId): Promise<URL> {
    const explicit = this.location.wasmUrls?.[id];
    if (explicit !== undefined) return new URL(explicit, baseForRelative());
    const source = sources[id];
    if (this.location.wasmBaseUrl !== undefined) {
      const base = String(this.location.wasmBaseUrl);
      return new URL(source.file, new URL(base.endsWith('/') ? base : `${base}/`, baseForRelative()));
    }
    if (isNode()) {
      const { createRequire } = await import('node:module');
      const { pathToFileURL } = await import('node:url');
      return pathToFileURL(createRequire(import.meta.url).resolve(source.packageWasm));
    }
    // Beside this module (dist/wasm/, where the build copies the codecs). Not written as
    // `new URL('./', import.meta.url)`: Vite rewrites that literal to the folder without its
    // trailing slash, and the file then resolves one level up.
    const here = import.meta.url;
    return new URL(source.file, here);
  }

  private async instantiate(id: WasmCodecId): Promise<LoadedCodec> {
    let compiled = this.compiled.get(id);
    if (!compiled) {
      compiled = this.wasmUrl(id).then(compileWasm);
      this.compiled.set(id, compiled);
    }
    const [wasm, glue] = await Promise.all([compiled, sources[id].glue()]);
    const factory = (glue.default ?? glue) as EmscriptenFactory;
    const messages: string[] = [];
    const remember = (text: string): void => {
      messages.push(text);
      if (messages.length > 8) messages.shift();
    };
    const module = await factory({
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm));
        return {};
      },
      locateFile: (path) => path,
      // OpenJPEG's wrapper reports errors with printf (stdout), OpenJPH on stderr.
      print: remember,
      printErr: remember,
    });
    return { module, messages };
  }
}

async function compileWasm(url: URL): Promise<WebAssembly.Module> {
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} fetching ${url.href}`);
  if (response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

function baseForRelative(): string {
  return typeof location !== 'undefined' ? location.href : import.meta.url;
}
