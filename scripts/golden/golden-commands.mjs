// @ts-check
/**
 * Vitest browser commands for the golden rendering tests (packages/elements/src/golden): the
 * browser cannot run dcmtk, so these run in the Vitest (Node) process. `goldenPlan` lists the
 * images to compare (single-frame corpus files, the generated CT/MR/MG) and the ones left out with
 * the reason; `goldenReference` renders one image at one window with dcmtk to a raw PGM. Files are
 * placed under `<repo>/.cache/golden` (git-ignored) and read by the page through Vite's `/@fs/`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { corpusManifest } from '../corpus/corpus.mjs';
import { generateSamples, sampleDataDir } from '../sample-data/generate.mjs';

const run = promisify(execFile);
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(REPO_ROOT, '.cache', 'golden');

/** dcmtk's renderer per transfer syntax family (test-data.md); none of them reads JPEG 2000. */
const DCMTK_TOOL = /** @type {Record<string, 'dcm2pnm' | 'dcmj2pnm' | 'dcml2pnm'>} */ ({
  '1.2.840.10008.1.2': 'dcm2pnm',
  '1.2.840.10008.1.2.1': 'dcm2pnm',
  '1.2.840.10008.1.2.2': 'dcm2pnm',
  '1.2.840.10008.1.2.1.99': 'dcm2pnm',
  '1.2.840.10008.1.2.5': 'dcm2pnm',
  '1.2.840.10008.1.2.4.50': 'dcmj2pnm',
  '1.2.840.10008.1.2.4.51': 'dcmj2pnm',
  '1.2.840.10008.1.2.4.53': 'dcmj2pnm',
  '1.2.840.10008.1.2.4.55': 'dcmj2pnm',
  '1.2.840.10008.1.2.4.57': 'dcmj2pnm',
  '1.2.840.10008.1.2.4.70': 'dcmj2pnm',
  '1.2.840.10008.1.2.4.80': 'dcml2pnm',
  '1.2.840.10008.1.2.4.81': 'dcml2pnm',
});

/**
 * One image to render and compare.
 * @typedef {object} GoldenCase
 * @property {string} name       short, unique, for test titles
 * @property {string} url        where the page fetches the DICOM file (`/@fs/…`)
 * @property {string} file       absolute path of that file (handed back to goldenReference)
 * @property {'grey' | 'colour'} kind  grey: compared to dcmtk; colour: compared to the decoded RGB
 * @property {'dcm2pnm' | 'dcmj2pnm' | 'dcml2pnm' | null} tool  dcmtk's renderer for grey images
 * @property {string} transferSyntax
 */

/**
 * @typedef {{ name: string, reason: string }} GoldenExclusion
 * @typedef {{ cases: GoldenCase[], excluded: GoldenExclusion[] }} GoldenPlan
 */

/** @param {string} path */
const fsUrl = (path) => `/@fs${path}`;

/**
 * Everything the golden tests compare, and what they leave out (with why).
 * @returns {Promise<GoldenPlan>}
 */
export async function goldenPlan() {
  await mkdir(join(CACHE, 'files'), { recursive: true });
  /** @type {GoldenCase[]} */
  const cases = [];
  /** @type {GoldenExclusion[]} */
  const excluded = [];
  const entries = await corpusManifest();
  const seen = new Set();
  for (const [index, entry] of entries.entries()) {
    let name = basename(entry.path);
    if (seen.has(name)) name = `${entry.repo.split('/')[1]}:${name}`;
    seen.add(name);
    const photometric = /** @type {string} */ (entry.photometric);
    const grey = photometric === 'MONOCHROME1' || photometric === 'MONOCHROME2';
    const reason = exclusionReason(entry, grey);
    if (reason) {
      excluded.push({ name, reason });
      continue;
    }
    // The corpus lives outside the repository, where Vite serves nothing: copy it in.
    const file = join(CACHE, 'files', `${index}-${basename(entry.path)}`);
    await copyFile(entry.file, file);
    cases.push({
      name,
      url: fsUrl(file),
      file,
      kind: grey ? 'grey' : 'colour',
      tool: grey ? (DCMTK_TOOL[entry.transferSyntax] ?? null) : null,
      transferSyntax: entry.transferSyntax,
    });
  }
  const outDir = sampleDataDir();
  await generateSamples({ outDir });
  for (const [name, path, transferSyntax] of GENERATED) {
    const file = join(outDir, path);
    cases.push({
      name,
      url: fsUrl(file),
      file,
      kind: 'grey',
      tool: DCMTK_TOOL[transferSyntax] ?? null,
      transferSyntax,
    });
  }
  // "Images dcmtk can render": ask dcmtk. What it refuses has no reference, and is listed with its words.
  const refused = await Promise.all(cases.map((c) => (c.kind === 'grey' ? dcmtkRefusal(c) : undefined)));
  return {
    cases: cases.filter((_, i) => !refused[i]),
    excluded: [
      ...excluded,
      ...cases.flatMap((c, i) =>
        refused[i] ? [{ name: c.name, reason: /** @type {string} */ (refused[i]) }] : [],
      ),
    ],
  };
}

/**
 * The generated images: the primaries the issue names (a CT slice through the lesion, the MR slice
 * with its sphere, the 3328 × 4096 MONOCHROME1 mammogram) and the same slices in the compressed
 * syntaxes dcmtk reads (12-bit lossy JPEG included: our decoder follows libjpeg 6b exactly).
 * @type {Array<[string, string, string]>}
 */
const GENERATED = [
  ['generated CT #150', 'phantom-ct/ct/0150.dcm', '1.2.840.10008.1.2.1'],
  ['generated CT #150 RLE', 'phantom-ct/ct--rle/0150.dcm', '1.2.840.10008.1.2.5'],
  [
    'generated CT #150 JPEG lossless SV1',
    'phantom-ct/ct--jpeg-lossless-sv1/0150.dcm',
    '1.2.840.10008.1.2.4.70',
  ],
  [
    'generated CT #150 JPEG-LS lossless',
    'phantom-ct/ct--jpeg-ls-lossless/0150.dcm',
    '1.2.840.10008.1.2.4.80',
  ],
  [
    'generated CT #150 JPEG-LS near-lossless',
    'phantom-ct/ct--jpeg-ls-near-lossless/0150.dcm',
    '1.2.840.10008.1.2.4.81',
  ],
  ['generated MR #24', 'phantom-mr/mr/0024.dcm', '1.2.840.10008.1.2.1'],
  [
    'generated MR #24 JPEG extended (12-bit lossy)',
    'phantom-mr/mr--jpeg-extended/0024.dcm',
    '1.2.840.10008.1.2.4.51',
  ],
  ['generated MR #24 JPEG lossless', 'phantom-mr/mr--jpeg-lossless/0024.dcm', '1.2.840.10008.1.2.4.57'],
  [
    'generated MR #24 JPEG-LS near-lossless',
    'phantom-mr/mr--jpeg-ls-near-lossless/0024.dcm',
    '1.2.840.10008.1.2.4.81',
  ],
  ['generated MG', 'phantom-mg/mg/0001.dcm', '1.2.840.10008.1.2.1'],
];

/**
 * dcmtk's words when it cannot render a grey case (min-max window, to a scratch file), else undefined.
 * @param {GoldenCase} golden
 */
async function dcmtkRefusal(golden) {
  if (!golden.tool) return 'no dcmtk renderer for its transfer syntax';
  const out = join(CACHE, 'ref', `${outputStem(golden.file)}.probe.pgm`);
  await mkdir(join(CACHE, 'ref'), { recursive: true });
  try {
    await run(golden.tool, ['-O', '+Wm', '--write-raw-pnm', golden.file, out]);
    return undefined;
  } catch (error) {
    const stderr = String(/** @type {{ stderr?: string }} */ (error).stderr ?? error).trim();
    return `dcmtk ${golden.tool} cannot render it: ${stderr.split('\n').join(' / ')}`;
  } finally {
    await rm(out, { force: true });
  }
}

/**
 * Why a corpus entry is not compared, or undefined when it is.
 * @param {import('../corpus/corpus.mjs').CorpusEntry} entry
 * @param {boolean} grey
 */
function exclusionReason(entry, grey) {
  const edge = entry.edgeCases ?? [];
  if (edge.includes('invalid') || !entry.frame1)
    return 'invalid or truncated file: it must fail to decode (tested in codecs), there is nothing to render';
  if (/** @type {number} */ (entry.frames) !== 1) return 'multi-frame: the golden set is single-frame images';
  if (!grey) return undefined; // colour is compared to the decoded RGB, whatever the syntax
  if (!DCMTK_TOOL[entry.transferSyntax])
    return `transfer syntax ${entry.transferSyntax} (JPEG 2000 / HTJ2K): dcmtk 3.6.7 does not read it, no reference`;
  return undefined;
}

/**
 * Renders `file` with dcmtk at window (center, width), overlays off, to a raw 8-bit PGM.
 * @param {{ file: string, tool: 'dcm2pnm' | 'dcmj2pnm' | 'dcml2pnm', center: number, width: number }} request
 * @returns {Promise<{ url: string }>}
 */
export async function goldenReference({ file, tool, center, width }) {
  if (!file.startsWith(CACHE) && !file.startsWith(sampleDataDir()))
    throw new Error(`goldenReference renders only planned files, not ${file}`);
  if (!Object.values(DCMTK_TOOL).includes(tool)) throw new Error(`unknown dcmtk tool ${tool}`);
  await mkdir(join(CACHE, 'ref'), { recursive: true });
  const out = join(CACHE, 'ref', `${outputStem(file)}.${center}_${width}.pgm`);
  await rm(out, { force: true });
  // -O: dcm2pnm burns overlay planes into the image by default; the slice pass draws none.
  await run(tool, ['-O', '+Ww', String(center), String(width), '--write-raw-pnm', file, out]);
  await access(out); // fails loudly if dcmtk wrote nothing
  return { url: fsUrl(out) };
}

/**
 * A file name stem unique per input file (generated variants share base names such as 0150.dcm).
 * @param {string} file
 */
function outputStem(file) {
  return `${basename(file)}-${createHash('sha256').update(file).digest('hex').slice(0, 12)}`;
}

/** The commands as the Vitest browser config takes them (`test.browser.commands`). */
export const goldenCommands = {
  /** @param {unknown} _context */
  goldenPlan: (_context) => goldenPlan(),
  /**
   * @param {unknown} _context
   * @param {{ file: string, tool: 'dcm2pnm' | 'dcmj2pnm' | 'dcml2pnm', center: number, width: number }} request
   */
  goldenReference: (_context, request) => goldenReference(request),
};
