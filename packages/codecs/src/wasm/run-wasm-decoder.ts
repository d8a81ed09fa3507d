import { DecodeError } from '../errors/decode-error.js';
import type { EmscriptenModule, WasmDecoder } from './emscripten-module.js';
import type { LoadedCodec, WasmCodecId, WasmCodecs } from './wasm-codecs.js';

type DecoderClass = 'JPEGDecoder' | 'JpegLSDecoder' | 'J2KDecoder' | 'HTJ2KDecoder';

/**
 * Runs `use` with a fresh decoder instance of a WASM codec and frees it afterwards. Failures become
 * `DecodeError`s naming the library and its own message (C++ exception text or last stderr line);
 * after any failure the module instance is discarded so the next frame gets a clean one.
 */
export async function withWasmDecoder<T>(
  codecs: WasmCodecs,
  id: WasmCodecId,
  className: DecoderClass,
  transferSyntaxUid: string,
  use: (decoder: WasmDecoder, codec: LoadedCodec) => T,
): Promise<T> {
  let codec: LoadedCodec;
  try {
    codec = await codecs.get(id);
  } catch (error) {
    throw new DecodeError(
      'DECODE_CODEC_UNAVAILABLE',
      transferSyntaxUid,
      `${id} WASM could not be loaded (set wasmBaseUrl?): ${messageOf(error)}`,
      { cause: error },
    );
  }
  const Decoder = codec.module[className];
  if (!Decoder) {
    throw new DecodeError('DECODE_CODEC_UNAVAILABLE', transferSyntaxUid, `${id} module has no ${className}`);
  }
  codec.messages.length = 0;
  let decoder: WasmDecoder | undefined;
  try {
    decoder = new Decoder();
    return use(decoder, codec);
  } catch (error) {
    // A library that failed half-way may have left its heap inconsistent (seen with CharLS: the
    // next valid frame trapped), so the instance is replaced; the compiled module is kept.
    codecs.discard(id);
    if (error instanceof DecodeError) throw error;
    const reason = exceptionText(codec.module, error) ?? codec.messages.at(-1) ?? messageOf(error);
    throw new DecodeError('DECODE_CODEC_FAILED', transferSyntaxUid, `${id}: ${reason}`, { cause: error });
  } finally {
    try {
      decoder?.delete();
    } catch {
      codecs.discard(id);
    }
  }
}

/** The text of a C++ exception thrown out of WASM (a pointer number), when the module can tell. */
function exceptionText(module: EmscriptenModule, error: unknown): string | undefined {
  if (typeof error !== 'number' || !module.getExceptionMessage) return undefined;
  try {
    const message = module.getExceptionMessage(error);
    const text = Array.isArray(message) ? message.filter(Boolean).join(': ') : message;
    return text || undefined;
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  if (typeof error === 'number') return 'the library threw an exception';
  return error instanceof Error ? error.message : String(error);
}

/** The error lines a library printed during the last call (OpenJPEG prints the cause before the summary). */
export function lastMessage(codec: LoadedCodec, fallback: string): string {
  const errors = codec.messages.filter((m) => /error/i.test(m)).map((m) => m.trim());
  const lines =
    errors.length > 0 ? [...new Set(errors)].slice(-3) : codec.messages.slice(-1).map((m) => m.trim());
  return lines.join('; ') || fallback;
}
