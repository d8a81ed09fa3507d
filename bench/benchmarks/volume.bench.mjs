// @ts-check
/**
 * The volume core (WASM, explicit SIMD128) against a plain JS reference doing the same work:
 * - assembly: 300 decoded 512 × 512 int16 slices (synthetic, stored = HU + 1024) written into one
 *   volume with the modality LUT (intercept −1024) applied, volume allocation included;
 * - oblique MIP: a 512 × 512 trilinear maximum-intensity slab, 10 mm thick sampled every 1 mm
 *   (11 samples per pixel), through a 512³ int16 volume of 1 mm voxels.
 * Needs @fovea/core built, with src/wasm/generated copied to dist/wasm/generated.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { planeThrough, Volume, VolumeWasmLoader, voxelSlab } from '@fovea/core';

// A gc() for the memory probe (the flag must be set before a context asks for it).
setFlagsFromString('--expose-gc');

const SIZE = 512;
const SLICES = 300;

/**
 * A volume display set of synthetic axial slices (only what volume assembly reads).
 * @param {number} count
 * @returns {import('@fovea/core').VolumeDisplaySet}
 */
function syntheticSet(count) {
  const slices = Array.from({ length: count }, (_, k) => ({
    frameIndex: 0,
    distance: k,
    instance: /** @type {import('@fovea/core').DicomInstance} */ (
      /** @type {unknown} */ ({
        pixel: { rows: SIZE, columns: SIZE, samplesPerPixel: 1, bitsAllocated: 16 },
        frames: [
          {
            plane: {
              imagePositionPatient: [-256, -256, k],
              imageOrientationPatient: [1, 0, 0, 0, 1, 0],
              pixelSpacing: [1, 1],
            },
            modalityLut: { rescaleSlope: 1, rescaleIntercept: -1024 },
          },
        ],
      })
    ),
  }));
  return /** @type {import('@fovea/core').VolumeDisplaySet} */ ({
    type: 'volume',
    slices,
    rows: SIZE,
    columns: SIZE,
    normal: [0, 0, 1],
    orientation: [1, 0, 0, 0, 1, 0],
    spacing: 1,
    uniformSpacing: true,
  });
}

/** @param {number} seed */
function slice(seed) {
  const pixels = new Int16Array(SIZE * SIZE);
  let a = seed * 2654435761;
  for (let i = 0; i < pixels.length; i++) {
    a = (Math.imul(a, 1664525) + 1013904223) | 0;
    pixels[i] = 1024 + (((i >> 9) + (i & 511) + seed) % 1000) + (a >>> 28);
  }
  return pixels;
}

/**
 * JS reference assembly: one Int16Array, each slice rescaled into its place.
 * @param {Int16Array[]} slices
 */
function assembleJs(slices) {
  const n = SIZE * SIZE;
  const volume = new Int16Array(n * slices.length);
  for (let k = 0; k < slices.length; k++) {
    /** @type {any} unchecked indexing in the hot loop, as a plain JS reference would do */
    const src = slices[k];
    const base = k * n;
    for (let i = 0; i < n; i++) volume[base + i] = src[i] * 1 - 1024;
  }
  return volume;
}

/**
 * JS reference trilinear MIP slab (the same sample positions and rules as the WASM, positions in
 * float64).
 * @param {any} v the int16 voxels (typed `any`: unchecked indexing in the hot loop)
 * @param {readonly [number, number, number]} dims
 * @param {[number, number, number]} dims
 * @param {import('@fovea/core').VoxelSlab} p
 */
function mipJs(v, dims, p) {
  const [nx, ny, nz] = dims;
  const out = new Float32Array(p.width * p.height);
  const nxy = nx * ny;
  for (let j = 0; j < p.height; j++) {
    for (let i = 0; i < p.width; i++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < p.samples; k++) {
        const x = p.origin[0] + j * p.column[0] + k * p.step[0] + i * p.row[0];
        const y = p.origin[1] + j * p.column[1] + k * p.step[1] + i * p.row[1];
        const z = p.origin[2] + j * p.column[2] + k * p.step[2] + i * p.row[2];
        if (!(x >= 0 && x <= nx - 1 && y >= 0 && y <= ny - 1 && z >= 0 && z <= nz - 1)) continue;
        const x0 = Math.floor(x);
        const y0 = Math.floor(y);
        const z0 = Math.floor(z);
        const dx = x0 < nx - 1 ? 1 : 0;
        const dy = y0 < ny - 1 ? nx : 0;
        const dz = z0 < nz - 1 ? nxy : 0;
        const fx = x - x0;
        const fy = y - y0;
        const fz = z - z0;
        const b = x0 + nx * y0 + nxy * z0;
        const c00 = v[b] + fx * (v[b + dx] - v[b]);
        const c10 = v[b + dy] + fx * (v[b + dy + dx] - v[b + dy]);
        const c01 = v[b + dz] + fx * (v[b + dz + dx] - v[b + dz]);
        const c11 = v[b + dz + dy] + fx * (v[b + dz + dy + dx] - v[b + dz + dy]);
        const c0 = c00 + fy * (c10 - c00);
        const c1 = c01 + fy * (c11 - c01);
        const value = c0 + fz * (c1 - c0);
        if (value > best) best = value;
      }
      out[j * p.width + i] = best === Number.NEGATIVE_INFINITY ? -1024 : best;
    }
  }
  return out;
}

/** @type {Volume | undefined} */
let cube;

const DESCRIPTION =
  'Volume assembly of 512×512×300 int16 slices (rescale applied) and a 512² oblique 10 mm trilinear MIP slab of a 512³ int16 volume: WASM SIMD core vs plain JS';

/**
 * Peak memory of a streaming fill: each slice is made ("decoded"), written and dropped, as frames
 * arrive from a decoder; garbage is collected every 10 slices so that the figure is what the fill
 * holds, not what V8 has yet to collect. RSS is sampled after every slice.
 * @param {import('@fovea/core').VolumeDisplaySet} set
 * @param {VolumeWasmLoader} wasm
 */
async function fillMemory(set, wasm) {
  const gc = /** @type {() => void} */ (runInNewContext('gc'));
  gc();
  const before = process.memoryUsage().rss;
  let peak = before;
  const volume = await Volume.create(set, { wasm, background: -1024 });
  for (let k = 0; k < SLICES; k++) {
    volume.writeSlice(k, slice(k));
    peak = Math.max(peak, process.memoryUsage().rss);
    if (k % 10 === 9) gc();
  }
  const result = {
    volumeBytes: volume.byteLength,
    wasmBytes: volume.memoryBytes,
    peakRssDelta: peak - before,
  };
  volume.dispose();
  return result;
}

/** @type {import('../harness/runner.mjs').Benchmark} */
export default {
  name: 'volume',
  description: DESCRIPTION,
  unit: 'ms per assembly or per slab',
  async setup() {
    const wasm = new VolumeWasmLoader();
    const slices = Array.from({ length: SLICES }, (_, k) => slice(k));
    const set = syntheticSet(SLICES);
    const cubeSet = syntheticSet(SIZE);
    cube = await Volume.create(cubeSet, { wasm, background: -1024 });
    for (let k = 0; k < SIZE; k++) cube.writeSlice(k, slice(k));
    const cubeCopy = /** @type {Int16Array} */ (cube.voxels().slice());
    const plane = planeThrough(
      cube.geometry,
      { row: [0.8, 0.5, 0.3], column: [-0.2, 0.3, -0.9] },
      [0, 0, 255.5],
      1,
    );
    const centred = { ...plane, columns: SIZE, rows: SIZE };
    const offset = (/** @type {number} */ a, /** @type {number} */ b) => a - (SIZE / 2) * b;
    centred.origin = [
      offset(offset(0, plane.rowDirection[0]), plane.columnDirection[0]),
      offset(offset(0, plane.rowDirection[1]), plane.columnDirection[1]),
      offset(offset(255.5, plane.rowDirection[2]), plane.columnDirection[2]),
    ];
    const slab = /** @type {const} */ ({ thickness: 10, mode: 'max', sampleSpacing: 1 });
    const params = voxelSlab(cube.geometry, centred, slab);
    // The two must agree before they are timed.
    const a = cube.slab(centred, slab).pixels;
    const b = mipJs(cubeCopy, cube.geometry.dimensions, params);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    if (worst > 0.5) throw new Error(`WASM and JS MIP differ by up to ${worst}`);
    console.log(
      `volume: ${params.samples} samples per pixel; WASM vs JS MIP max difference ${worst.toFixed(4)}`,
    );
    const memory = await fillMemory(set, wasm);
    const mib = (/** @type {number} */ bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    const summary =
      `peak memory during a streaming 512×512×${SLICES} fill: WASM memory ${mib(memory.wasmBytes)} ` +
      `(×${(memory.wasmBytes / memory.volumeBytes).toFixed(3)} the ${mib(memory.volumeBytes)} volume), ` +
      `process RSS +${mib(memory.peakRssDelta)} (×${(memory.peakRssDelta / memory.volumeBytes).toFixed(2)})`;
    console.log(`volume: ${summary}`);
    this.description = `${DESCRIPTION}; ${summary}`;
    return [
      { name: `JS reference: assemble 512×512×${SLICES}`, group: 'assembly', run: () => assembleJs(slices) },
      {
        name: `WASM: assemble 512×512×${SLICES}`,
        group: 'assembly',
        run: async () => {
          const volume = await Volume.create(set, { wasm, background: -1024 });
          for (let k = 0; k < SLICES; k++) volume.writeSlice(k, /** @type {Int16Array} */ (slices[k]));
          volume.dispose();
        },
      },
      {
        name: 'JS reference: oblique MIP 512² × 11 samples, 512³',
        group: 'mip',
        run: () => mipJs(cubeCopy, cube?.geometry.dimensions ?? [0, 0, 0], params),
      },
      {
        name: 'WASM: oblique MIP 512² × 11 samples, 512³',
        group: 'mip',
        run: () => cube?.slab(centred, slab),
      },
    ];
  },
  async teardown() {
    cube?.dispose();
    cube = undefined;
  },
};
