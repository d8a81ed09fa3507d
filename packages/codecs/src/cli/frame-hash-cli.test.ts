import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import { type FrameHashLine, runFrameHash } from './frame-hash-cli.js';

const entries = await corpusManifest();
const pick = (name: string) => {
  const entry = entries.find((e) => e.path.endsWith(name));
  if (!entry) throw new Error(`${name} missing from the corpus`);
  return entry;
};

async function run(files: string[]): Promise<{ code: number; lines: FrameHashLine[] }> {
  const lines: FrameHashLine[] = [];
  const code = await runFrameHash(files, (line) => lines.push(JSON.parse(line)));
  return { code, lines };
}

describe('fovea-frame-hash', () => {
  it('prints one JSON line per file with the corpus definition of frame1Sha256', async () => {
    const files = ['SC_rgb_rle_2frame.dcm', 'JPEG-lossy.dcm', 'US1_J2KI.dcm', 'liver_deflate.dcm'].map(pick);
    const { code, lines } = await run(files.map((f) => f.file));
    expect(code).toBe(0);
    expect(lines).toEqual(
      files.map((f) => ({
        file: f.file,
        transferSyntax: f.transferSyntax,
        frames: f.frames,
        frame1Sha256: f.frame1?.sha256,
      })),
    );
  });

  it('prints an error line with the typed error’s code and exits 1 when a file fails', async () => {
    const junk = join(tmpdir(), `fovea-not-dicom-${process.pid}.bin`);
    await writeFile(junk, new Uint8Array(300).fill(7));
    const truncated = pick('MR_truncated.dcm').file;
    const { code, lines } = await run([junk, truncated, join(tmpdir(), 'fovea-no-such-file.dcm')]);
    expect(code).toBe(1);
    expect(lines.map((l) => ('error' in l ? l.error.code : 'ok'))).toEqual([
      'DICOM_NOT_DICOM',
      'DICOM_FRAME_LENGTH',
      'ENOENT',
    ]);
    for (const line of lines) expect('error' in line && line.error.message.length > 0).toBe(true);
  });

  it('prints usage and exits 2 without files', async () => {
    const { code, lines } = await run([]);
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
  });
});
