import { readFile } from 'node:fs/promises';
import { FoveaError, readPart10 } from '@fovea/core';
import { decodeFrame } from '../decode-frame.js';
import { frameSha256 } from '../hash/frame-sha256.js';
import { WasmCodecs } from '../wasm/wasm-codecs.js';

/** One output line of `fovea-frame-hash`. */
export type FrameHashLine =
  | { file: string; transferSyntax: string; frames: number; frame1Sha256: string }
  | { file: string; error: { code: string; message: string } };

/**
 * `fovea-frame-hash FILE...`: reads each DICOM Part 10 file, decodes frame 1 and prints one JSON line
 * per file, `{"file","transferSyntax","frames","frame1Sha256"}` with the hash of the canonical
 * decoded frame (see the conformance corpus README), or `{"file","error":{"code","message"}}`.
 * Returns the process exit code: 0 when every file hashed, 1 when any failed, 2 without files.
 */
export async function runFrameHash(files: string[], write: (line: string) => void): Promise<number> {
  if (files.length === 0) {
    write(JSON.stringify({ error: { code: 'USAGE', message: 'usage: fovea-frame-hash FILE...' } }));
    return 2;
  }
  const codecs = new WasmCodecs();
  let failures = 0;
  for (const file of files) {
    const line = await hashFile(file, codecs);
    if ('error' in line) failures++;
    write(JSON.stringify(line));
  }
  return failures > 0 ? 1 : 0;
}

/** Hashes frame 1 of one file, turning every failure into an error line. */
export async function hashFile(file: string, codecs: WasmCodecs): Promise<FrameHashLine> {
  try {
    const instance = readPart10(new Uint8Array(await readFile(file)));
    if (!instance.pixel) {
      return { file, error: { code: 'NO_PIXEL_DATA', message: 'The instance has no image pixel module' } };
    }
    const frame = await decodeFrame(instance.frame(0), instance.pixel, instance.transferSyntaxUid, {
      codecs,
      allowInPlace: true,
      ...(instance.pixelDataVr === 'OW' || instance.pixelDataVr === 'OB'
        ? { pixelDataVr: instance.pixelDataVr }
        : {}),
    });
    return {
      file,
      transferSyntax: instance.transferSyntaxUid,
      frames: instance.frameCount,
      frame1Sha256: await frameSha256(frame),
    };
  } catch (error) {
    if (error instanceof FoveaError) return { file, error: { code: error.code, message: error.message } };
    const code = (error as { code?: unknown }).code;
    return {
      file,
      error: {
        code: typeof code === 'string' ? code : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}
