// @ts-check
/**
 * Metadata parsing throughput: every conformance corpus file that each library can read, parsed
 * from bytes already in memory. @fovea/core's readPart10 builds the DICOM JSON data set and the
 * typed model and locates the pixel data (frames are not copied); dcmjs's DicomMessage.readFile
 * builds its dictionary of the whole file, pixel data included; dicom-parser (Cornerstone's parser)
 * indexes the elements without converting values, so it does the least work of the three. One run
 * parses all files; divide the file count by the median to get instances/s.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPart10 } from '@fovea/core';
import dcmjs from 'dcmjs';
import dicomParser from 'dicom-parser';
import { corpusDir } from '../../scripts/corpus/corpus.mjs';

/** @type {Uint8Array[]} */
let files = [];

/** @type {import('../harness/runner.mjs').Benchmark} */
export default {
  name: 'metadata-parse',
  description: 'Parse every corpus file all three libraries read (Part 10 → data set), bytes in memory',
  unit: 'ms per pass over the corpus',
  async setup() {
    const CORPUS = await corpusDir();
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
        dicomParser.parseDicom(bytes);
        return true;
      } catch {
        return false;
      }
    });
    const buffers = files.map((bytes) => bytes.slice().buffer);
    console.log(`metadata-parse: ${files.length} of ${all.length} files readable by all three`);
    return [
      {
        name: `dcmjs DicomMessage.readFile (${files.length} files)`,
        run: () => {
          for (const buffer of buffers) dcmjs.data.DicomMessage.readFile(buffer);
        },
      },
      {
        name: `dicom-parser parseDicom (${files.length} files)`,
        run: () => {
          for (const bytes of files) dicomParser.parseDicom(bytes);
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
