// @ts-check
import { access } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CorpusMissingError, corpusDir, corpusFiles, corpusManifest } from './corpus.mjs';

describe('corpus locator', () => {
  it('finds every file the manifest lists, and nothing unlisted', async () => {
    const manifest = await corpusManifest();
    const files = await corpusFiles();
    expect(manifest.length).toBeGreaterThan(100);
    await Promise.all(manifest.map((entry) => access(entry.file)));
    expect(new Set(manifest.map((entry) => entry.file))).toEqual(new Set(files));
  });

  it('fails with a clear, typed error when the corpus is missing', async () => {
    const error = await corpusDir('/nonexistent/corpus').catch((e) => e);
    expect(error).toBeInstanceOf(CorpusMissingError);
    expect(error.message).toContain('/nonexistent/corpus');
    expect(error.message).toContain('FOVEA_CORPUS_DIR');
  });
});
