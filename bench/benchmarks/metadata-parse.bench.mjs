// @ts-check
/**
 * Metadata parsing throughput: every conformance corpus file that each library can read, parsed
 * from bytes already in memory. @fovea/core's readPart10 builds the DICOM JSON data set and the
 * typed model and locates the pixel data (frames are not copied); dcmjs's DicomMessage.readFile
 * builds its dictionary of the whole file, pixel data included. One run parses all files; divide
 * the file count by the median to get instances/s. dicom-parser (cornerstone's parser) belongs in
 * this table too but is not a dependency of the repository yet.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readPart10 } from '@fovea/core';
import dcmjs from 'dcmjs';

// The corpus as scripts/corpus/corpus.mjs finds it (bench may not import scripts/).
const CORPUS = process.env.FOVEA_CORPUS_DIR ?? resolve(import.meta.dirname, '../../../shared/corpus');

/** @type {Uint8Array[]} */
let files = [];

/** @type {import('../harness/runner.mjs').Benchmark} */
export default {
  name: 'metadata-parse',
  description: 'Parse every corpus file both libraries read (Part 10 → data set), bytes in memory',
  unit: 'ms per pass over the corpus',
  async setup() {
    /** @type {{ files: Array<{ file: string }> }} */
    const manifest = JSON.parse(await readFile(join(CORPUS, 'manifest.json'), 'utf8'));
    /** @type {Uint8Array[]} */
    const all = await Promise.all(
      manifest.files.map(async (entry) => new Uint8Array(await readFile(join(CORPUS, entry.file)))),
    );
    // Only files both can read, so the two do the same work: dcmjs rejects files without file meta
    // information and data sets with several character sets.
    files = all.filter((bytes) => {
      try {
        readPart10(bytes);
        dcmjs.data.DicomMessage.readFile(bytes.slice().buffer);
        return true;
      } catch {
        return false;
      }
    });
    const buffers = files.map((bytes) => bytes.slice().buffer);
    console.log(`metadata-parse: ${files.length} of ${all.length} files readable by both`);
    return [
      {
        name: `dcmjs DicomMessage.readFile (${files.length} files)`,
        run: () => {
          for (const buffer of buffers) dcmjs.data.DicomMessage.readFile(buffer);
        },
      },
      {
        name: `@fovea/core readPart10 (${files.length} files)`,
        run: () => {
          for (const bytes of files) readPart10(bytes);
        },
      },
    ];
  },
};
