// @ts-check
/**
 * Frame decoding per codec, side by side on the same frames: Cornerstone's `decodeImageFrame`
 * (@cornerstonejs/dicom-image-loader, the function its decode workers run) in one worker thread,
 * against @fovea/codecs' `DecoderPool` with 1 and with 2 workers (the pool's scaling). One run
 * decodes one codec's whole batch: every frame is sent at once, input buffers transferred, decoded
 * pixels transferred back; the run ends when the last frame is back. Frames come from the generated
 * sample studies (24-slice CT excerpt, 512 × 512 int16, per lossless syntax; the 30-frame US cine,
 * 640 × 480 RGB, JPEG baseline). Each case name carries its batch (frames, MB decoded, MB encoded):
 * frames/s = frames / median, MB/s = MB decoded / median. Before timing, every frame is decoded by
 * both sides and compared to the original (lossless) and to each other; the outcome is printed and
 * appended to the description. `node bench/benchmarks/codecs/summary.mjs` prints per-codec ratios.
 */
import { DecoderPool } from '@fovea/codecs';
import { cornerstoneWasmDir, LOADER_VERSION } from './codecs/cornerstone.mjs';
import { CornerstoneWorkers } from './codecs/cornerstone-workers.mjs';
import { loadFrameSets } from './codecs/frames.mjs';
import { compareSamples, describeComparison, nativeSamples, sumComparisons } from './codecs/verify.mjs';

/** Pool sizes measured for the scaling of our pool. */
const FOVEA_SIZES = [1, 2];

/** @type {Array<{ dispose(): unknown }>} */
let resources = [];
/** @type {(() => Promise<void>) | undefined} */
let removeWasmDir;
/** @type {CornerstoneWorkers | undefined} */
let cornerstoneWorkers;

const DESCRIPTION = `Decode one codec's batch of frames (sample studies), all sent at once: @cornerstonejs/dicom-image-loader ${LOADER_VERSION} decodeImageFrame in 1 worker thread vs @fovea/codecs DecoderPool with ${FOVEA_SIZES.join(' and ')} workers`;

/** @param {number} bytes */
const mb = (bytes) => (bytes / 1e6).toFixed(1);

/**
 * Decodes a batch: every frame submitted at once (a copy, since it is transferred), all awaited.
 * @param {(bytes: Uint8Array) => Promise<ArrayLike<number>>} decode
 * @param {Uint8Array[]} frames
 */
const decodeBatch = (decode, frames) => Promise.all(frames.map((frame) => decode(frame.slice())));

/** @type {import('../harness/runner.mjs').Benchmark & { description: string }} */
const benchmark = {
  name: 'codecs',
  description: DESCRIPTION,
  unit: 'ms per batch',
  async setup() {
    const sets = await loadFrameSets();
    const wasm = await cornerstoneWasmDir();
    removeWasmDir = wasm.remove;
    const cornerstone = new CornerstoneWorkers(1, wasm.dir);
    cornerstoneWorkers = cornerstone;
    const pools = FOVEA_SIZES.map((size) => new DecoderPool({ size }));
    resources = [{ dispose: () => cornerstone.dispose() }, ...pools];
    await cornerstone.ready();

    /** @type {string[]} */
    const findings = [];
    /** @type {import('../harness/runner.mjs').BenchCase[]} */
    const cases = [];
    for (const set of sets) {
      const { pixel, transferSyntaxUid: ts } = set;
      const theirs = await decodeBatch((bytes) => cornerstone.decode(bytes, pixel, ts), set.frames);
      // Every pool decodes the batch once here: its output is checked and its workers are warm.
      /** @type {Array<{ who: string, frames: ArrayLike<number>[] }>} */
      const outputs = [{ who: 'cornerstone', frames: theirs }];
      for (const [i, pool] of pools.entries()) {
        const frames = await decodeBatch(
          async (bytes) => (await pool.decode(bytes, pixel, ts)).pixels,
          set.frames,
        );
        outputs.push({ who: `fovea ${FOVEA_SIZES[i]}w`, frames });
      }
      /** @type {(a: ArrayLike<number>[], b: ArrayLike<number>[]) => import('./codecs/verify.mjs').Comparison} */
      const compare = (a, b) =>
        sumComparisons(a.map((frame, i) => compareSamples(frame, /** @type {ArrayLike<number>} */ (b[i]))));
      const reference = set.lossless
        ? { who: 'original', frames: set.originals.map((bytes) => nativeSamples(bytes, pixel)) }
        : { who: 'cornerstone', frames: theirs };
      let mismatch = false;
      const parts = [];
      for (const output of outputs) {
        if (output.frames === reference.frames) continue;
        const c = compare(output.frames, reference.frames);
        mismatch ||= c.differing > 0 || c.lengthMismatch !== undefined;
        parts.push(`${output.who} ${describeComparison(c)}`);
      }
      const finding = `${set.label} vs ${reference.who}: ${parts.join(', ')}`;
      console.log(`  pixels ${finding}`);
      findings.push(mismatch ? `${set.label} PIXELS DIFFER (${parts.join(', ')})` : '');

      const batch = `${set.label} [${set.frames.length} frames, ${mb(set.decodedBytes)} MB decoded, ${mb(set.encodedBytes)} MB encoded]`;
      const flag = mismatch ? ' (PIXELS DIFFER)' : '';
      cases.push({
        name: `${batch} cornerstone, 1 worker${flag}`,
        group: set.label,
        run: () => decodeBatch((bytes) => cornerstone.decode(bytes, pixel, ts), set.frames),
      });
      FOVEA_SIZES.forEach((size, i) => {
        const pool = /** @type {DecoderPool} */ (pools[i]);
        cases.push({
          name: `${batch} fovea pool, ${size} worker${size === 1 ? '' : 's'}${flag}`,
          group: set.label,
          run: () => decodeBatch(async (bytes) => (await pool.decode(bytes, pixel, ts)).pixels, set.frames),
        });
      });
    }
    const mismatches = findings.filter(Boolean);
    // The pixel check's outcome goes into the result, where a mismatch cannot go unseen.
    benchmark.description = `${DESCRIPTION}. Pixel check: ${
      mismatches.length
        ? mismatches.join('; ')
        : 'every frame identical on both sides (lossless: to the original too)'
    }`;
    return cases;
  },
  async teardown() {
    const logged = cornerstoneWorkers?.loggedBytes ?? 0;
    if (logged > 0)
      console.log(`  (cornerstone workers wrote ${(logged / 1e3).toFixed(0)} kB of codec logging, dropped)`);
    for (const resource of resources) await resource.dispose();
    resources = [];
    cornerstoneWorkers = undefined;
    await removeWasmDir?.();
  },
};

export default benchmark;
