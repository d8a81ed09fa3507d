// @ts-check
/**
 * Helpers for the sample-data tests: reading Part 10 files back and decoding them with
 * independent reference decoders (pydicom + GDCM under Debian's /usr/bin/python3, dcmtk, OpenJPEG).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dcmjs } from './dcmjs.mjs';

const run = promisify(execFile);

// Reading implicit VR files makes dcmjs report every "xs"/"ox" element it guesses; not a fault.
dcmjs.log.setLevel('error');
dcmjs.log.getLogger('validation.dcmjs').setLevel('silent');

/** Debian's interpreter: the first python3 on PATH here lacks pydicom. */
export const PYTHON = '/usr/bin/python3';

/**
 * @typedef {object} Part10
 * @property {string} transferSyntaxUID
 * @property {Record<string, unknown>} dataset naturalized, without PixelData
 * @property {Uint8Array[]} pixelData native: one buffer; encapsulated: one per frame
 */

/**
 * @param {string} path
 * @returns {Promise<Part10>}
 */
export async function readPart10(path) {
  const bytes = await readFile(path);
  const dict = dcmjs.data.DicomMessage.readFile(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const meta = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.meta);
  const pixelElement = dict.dict['7FE00010'];
  const { '7FE00010': _pixels, ...rest } = dict.dict;
  const dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(rest);
  const pixelData = /** @type {ArrayBuffer[]} */ (pixelElement?.Value ?? []).map((b) => new Uint8Array(b));
  return { transferSyntaxUID: String(meta.TransferSyntaxUID), dataset, pixelData };
}

/** @param {Uint8Array[]} parts */
export const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

/**
 * Typed view of native little-endian pixel bytes.
 * @param {Uint8Array} bytes
 * @param {{ bitsAllocated: number, pixelRepresentation: number }} f
 * @returns {ArrayLike<number>}
 */
export function samples(bytes, f) {
  const copy = bytes.slice();
  if (f.bitsAllocated === 8) return copy;
  return f.pixelRepresentation === 1 ? new Int16Array(copy.buffer) : new Uint16Array(copy.buffer);
}

/**
 * Largest absolute and root-mean-square difference of two sample arrays.
 * @param {ArrayLike<number>} a @param {ArrayLike<number>} b
 */
export function difference(a, b) {
  if (a.length !== b.length) return { max: Number.POSITIVE_INFINITY, rms: Number.POSITIVE_INFINITY };
  let max = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d * d;
    if (Math.abs(d) > max) max = Math.abs(d);
  }
  return { max, rms: Math.sqrt(sum / Math.max(1, a.length)) };
}

const PYDICOM_SCRIPT = `
import json, sys, pydicom
jobs = json.load(sys.stdin)
out = []
for src, dst in jobs:
    ds = pydicom.dcmread(src)
    a = ds.pixel_array
    a = a.astype(a.dtype.newbyteorder('<'), copy=False)
    open(dst, 'wb').write(a.tobytes())
    out.append({'shape': list(a.shape), 'dtype': str(a.dtype)})
print(json.dumps(out))
`;

/**
 * Decodes files with pydicom (its GDCM and numpy handlers) in one Python process.
 * @param {string[]} files
 * @returns {Promise<Uint8Array[]>} native little-endian bytes of each file's pixel_array
 */
export async function decodeWithPydicom(files) {
  const dir = await mkdtemp(join(tmpdir(), 'fovea-pydicom-'));
  const jobs = files.map((f, i) => [f, join(dir, `${i}.raw`)]);
  await new Promise((resolve, reject) => {
    const child = execFile(PYTHON, ['-c', PYDICOM_SCRIPT], { maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      error ? reject(new Error(`pydicom decode failed: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end(JSON.stringify(jobs));
  });
  return Promise.all(
    jobs.map(async ([, raw]) => new Uint8Array(await readFile(/** @type {string} */ (raw)))),
  );
}

/**
 * Decodes a J2K codestream with OpenJPEG's opj_decompress; returns interleaved little-endian samples.
 * @param {Uint8Array} codestream
 * @param {{ bitsAllocated: number, samplesPerPixel: number }} f
 */
export async function decodeWithOpenJpeg(codestream, f) {
  const dir = await mkdtemp(join(tmpdir(), 'fovea-opj-'));
  const input = join(dir, 'frame.j2c');
  const output = join(dir, 'frame.rawl');
  await writeFile(input, codestream);
  await run('opj_decompress', ['-quiet', '-i', input, '-o', output]);
  const planar = new Uint8Array(await readFile(output));
  if (f.samplesPerPixel === 1) return planar;
  // OpenJPEG writes raw components one plane after another; DICOM native colour is interleaved.
  const plane = planar.length / f.samplesPerPixel;
  const interleaved = new Uint8Array(planar.length);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < f.samplesPerPixel; c++)
      interleaved[i * f.samplesPerPixel + c] = planar[c * plane + i] ?? 0;
  }
  return interleaved;
}

/**
 * Runs a dcmtk decoder (dcmdjpeg, dcmdjpls, dcmdrle) and returns the native pixels it wrote.
 * @param {string} tool
 * @param {string} file
 */
export async function decodeWithDcmtk(tool, file) {
  const dir = await mkdtemp(join(tmpdir(), 'fovea-dcmtk-'));
  const output = join(dir, 'out.dcm');
  await run(tool, [file, output]);
  const decoded = await readPart10(output);
  return { ...decoded, pixels: concat(decoded.pixelData) };
}
