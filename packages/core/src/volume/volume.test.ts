import { describe, expect, it } from 'vitest';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { Volume } from './volume.js';
import {
  referenceRescale,
  type SyntheticSlice,
  seededRandom,
  syntheticVolumeSet,
} from './volume.test-support.js';
import type { VolumeError } from './volume-error.js';
import { VolumeSliceReadyEvent } from './volume-events.js';

const wasm = new VolumeWasmLoader();
const ROWS = 5;
const COLUMNS = 7;
const N = ROWS * COLUMNS;

function stored(seed: number, lo: number, hi: number): Int16Array {
  const random = seededRandom(seed);
  return Int16Array.from({ length: N }, () => lo + Math.floor(random() * (hi - lo + 1)));
}

function axialSet(zs: number[], extra: (i: number) => Partial<SyntheticSlice> = () => ({})) {
  return syntheticVolumeSet(
    zs.map((z, i) => ({ position: [0, 0, z], ...extra(i) })),
    { rows: ROWS, columns: COLUMNS },
  );
}

async function rejection(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as VolumeError).code;
  }
  return undefined;
}

function thrown(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as VolumeError).code;
  }
  return undefined;
}

describe('Volume', () => {
  it('fills slices in any order with the rescale applied and reports each slice as ready', async () => {
    // Listed superior first: slot = 3 − index.
    const set = axialSet([3, 2, 1, 0], (i) => ({ intercept: -1024 + i }));
    const volume = await Volume.create(set, { wasm });
    const events: VolumeSliceReadyEvent[] = [];
    volume.addEventListener(VolumeSliceReadyEvent.type, (e) => events.push(e as VolumeSliceReadyEvent));
    const pixels = [0, 1, 2, 3].map((i) => stored(i, -2000, 3000));
    for (const i of [2, 0, 3, 1]) {
      expect(volume.isSliceReady(i)).toBe(false);
      volume.writeSlice(i, pixels[i] as Int16Array);
      expect(volume.isSliceReady(i)).toBe(true);
    }
    expect(volume.voxelType).toBe('int16');
    expect(volume.isComplete).toBe(true);
    expect(events.map((e) => [e.sliceIndex, e.slot, e.readyCount, e.complete])).toEqual([
      [2, 1, 1, false],
      [0, 3, 2, false],
      [3, 0, 3, false],
      [1, 2, 4, true],
    ]);
    const voxels = volume.voxels();
    for (let i = 0; i < 4; i++) {
      const slot = 3 - i;
      const expected = referenceRescale(pixels[i] as Int16Array, 1, -1024 + i);
      expect(Array.from(voxels.subarray(slot * N, (slot + 1) * N))).toEqual(Array.from(expected));
    }
    volume.dispose();
  });

  it('reads unsigned stored values as unsigned', async () => {
    const volume = await Volume.create(
      axialSet([0, 1], () => ({ intercept: -1024 })),
      { wasm },
    );
    const pixels = Uint16Array.from({ length: N }, (_, i) => 40000 * (i % 2) + i);
    volume.writeSlice(0, pixels);
    expect(volume.voxelType).toBe('float32');
    expect(Array.from(volume.voxels().subarray(0, N))).toEqual(
      Array.from(referenceRescale(pixels, 1, -1024)),
    );
  });

  it('promotes an int16 volume to float32 when a slice leaves the int16 range, keeping earlier slices', async () => {
    const volume = await Volume.create(
      axialSet([0, 1, 2], () => ({ slope: 2, intercept: 100 })),
      { wasm },
    );
    const small = stored(7, -1000, 1000);
    const large = stored(8, 15000, 20000);
    volume.writeSlice(0, small);
    expect(volume.voxelType).toBe('int16');
    volume.writeSlice(1, large);
    expect(volume.voxelType).toBe('float32');
    expect(volume.byteLength).toBe(3 * N * 4);
    const voxels = volume.voxels();
    expect(Array.from(voxels.subarray(0, N))).toEqual(Array.from(referenceRescale(small, 2, 100)));
    expect(Array.from(voxels.subarray(N, 2 * N))).toEqual(Array.from(referenceRescale(large, 2, 100)));
    // The unwritten slot keeps the background.
    expect(Array.from(voxels.subarray(2 * N)).every((v) => v === 0)).toBe(true);
  });

  it('stores fractional rescales as float32 within float rounding', async () => {
    const volume = await Volume.create(
      axialSet([0, 1], () => ({ slope: 0.37, intercept: -12.25 })),
      { wasm },
    );
    const pixels = stored(3, -30000, 30000);
    volume.writeSlice(1, pixels);
    expect(volume.voxelType).toBe('float32');
    const expected = referenceRescale(pixels, 0.37, -12.25);
    const actual = volume.voxels().subarray(N);
    for (let i = 0; i < N; i++) expect(actual[i]).toBeCloseTo(expected[i] as number, 2);
  });

  it('leaves missing slices at the background and never ready', async () => {
    const volume = await Volume.create(axialSet([0, 2, 6]), { wasm, background: -1000 });
    expect(volume.geometry.dimensions[2]).toBe(4);
    expect(volume.geometry.missingSlots).toEqual([2]);
    volume.writeSlice(0, stored(1, 0, 10));
    volume.writeSlice(1, stored(2, 0, 10));
    volume.writeSlice(2, stored(3, 0, 10));
    expect(volume.isComplete).toBe(true);
    expect(Array.from(volume.voxels().subarray(2 * N, 3 * N)).every((v) => v === -1000)).toBe(true);
  });

  it('resamples irregular spacing on request: slots blend their two nearest slices as they arrive', async () => {
    // Slices at 3, 2.4, 1, 0 mm (indices 0–3) on a 0.6 mm grid: slot 2 (1.2 mm) = 6/7 of the slice
    // at 1 mm + 1/7 of the one at 2.4 mm; slot 4 is the slice at 2.4 mm itself.
    const set = axialSet([3, 2.4, 1, 0], (i) => ({ intercept: -1024 + 10 * i }));
    const volume = await Volume.create(set, { wasm, spacingPolicy: 'resample' });
    expect(volume.voxelType).toBe('float32');
    expect(volume.geometry.dimensions[2]).toBe(6);
    const pixels = [0, 1, 2, 3].map((i) => stored(10 + i, 0, 3000));
    const hu = pixels.map((p, i) => referenceRescale(p, 1, -1024 + 10 * i));
    const slot = (z: number) => Array.from(volume.voxels().subarray(z * N, (z + 1) * N));
    const expectSlot = (z: number, expected: (k: number) => number) => {
      const actual = slot(z);
      for (let k = 0; k < N; k++) expect(actual[k]).toBeCloseTo(expected(k), 3);
    };
    volume.writeSlice(1, pixels[1] as Int16Array);
    // Until the slice at 1 mm arrives, slots 2 and 3 show the slice at 2.4 mm.
    expectSlot(2, (k) => hu[1]?.[k] as number);
    expectSlot(4, (k) => hu[1]?.[k] as number);
    for (const i of [3, 0, 2]) volume.writeSlice(i, pixels[i] as Int16Array);
    expect(volume.isComplete).toBe(true);
    const at = (i: number, k: number) => hu[i]?.[k] as number;
    expectSlot(0, (k) => at(3, k));
    expectSlot(1, (k) => 0.4 * at(3, k) + 0.6 * at(2, k));
    expectSlot(2, (k) => (6 / 7) * at(2, k) + (1 / 7) * at(1, k));
    expectSlot(3, (k) => (3 / 7) * at(2, k) + (4 / 7) * at(1, k));
    expectSlot(4, (k) => at(1, k));
    expectSlot(5, (k) => at(0, k));
    expect(thrown(() => volume.writeSlice(2, pixels[2] as Int16Array))).toBe('VOLUME_BAD_ARGUMENT');
    volume.dispose();
  });

  it('writes native frame bytes straight into the volume, from any byte offset', async () => {
    const set = axialSet([0, 1], () => ({ intercept: -1024 }));
    const fromBytes = await Volume.create(set, { wasm });
    const fromArrays = await Volume.create(set, { wasm });
    const signed = stored(5, -2000, 2000);
    const unsigned = new Uint16Array(stored(6, 0, 30000).buffer);
    // Each frame at an odd offset of a larger buffer, as inside a Part 10 file.
    const file = new Uint8Array(1 + 4 * N);
    file.set(new Uint8Array(signed.buffer), 1);
    file.set(new Uint8Array(unsigned.buffer), 1 + 2 * N);
    fromBytes.writeSliceBytes(0, file.subarray(1, 1 + 2 * N), true);
    fromBytes.writeSliceBytes(1, file.subarray(1 + 2 * N), false);
    fromArrays.writeSlice(0, signed);
    fromArrays.writeSlice(1, unsigned);
    expect(Array.from(fromBytes.voxels())).toEqual(Array.from(fromArrays.voxels()));
    expect(fromBytes.voxels()[N]).toBe((unsigned[0] as number) - 1024);
    expect(thrown(() => fromBytes.writeSliceBytes(0, file.subarray(0, 2 * N - 1), true))).toBe(
      'VOLUME_UNSUPPORTED_PIXELS',
    );
    expect(thrown(() => fromBytes.writeSliceBytes(5, file.subarray(1, 1 + 2 * N), true))).toBe(
      'VOLUME_SLICE_INDEX',
    );
    fromBytes.dispose();
    fromArrays.dispose();
  });

  it('rejects wrong lengths, bad indices, LUT sequences and use after dispose', async () => {
    const volume = await Volume.create(axialSet([0, 1]), { wasm });
    expect(thrown(() => volume.writeSlice(0, new Int16Array(N - 1)))).toBe('VOLUME_UNSUPPORTED_PIXELS');
    expect(thrown(() => volume.writeSlice(2, new Int16Array(N)))).toBe('VOLUME_SLICE_INDEX');
    expect(thrown(() => volume.writeSlice(-1, new Int16Array(N)))).toBe('VOLUME_SLICE_INDEX');
    volume.dispose();
    expect(thrown(() => volume.writeSlice(0, new Int16Array(N)))).toBe('VOLUME_DISPOSED');
    const withLut = axialSet([0, 1]);
    const frame = withLut.slices[1]?.instance.frames[0];
    if (frame) frame.modalityLut.lut = { firstMapped: 0, bits: 16, data: new Uint16Array(4) } as never;
    expect(await rejection(Volume.create(withLut, { wasm }))).toBe('VOLUME_UNSUPPORTED_PIXELS');
  });

  it('reports a WASM that cannot be loaded with a typed error', async () => {
    const missing = new VolumeWasmLoader({ wasmUrl: new URL('./no-such-file.wasm', import.meta.url) });
    expect(await rejection(Volume.create(axialSet([0, 1]), { wasm: missing }))).toBe('VOLUME_WASM_LOAD');
  });
});
