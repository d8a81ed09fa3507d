import { describe, expect, it } from 'vitest';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { Volume } from './volume.js';
import { seededRandom, syntheticVolumeSet } from './volume.test-support.js';
import type { VolumeError } from './volume-error.js';
import { windowFromHistogram } from './volume-statistics.js';

const wasm = new VolumeWasmLoader();
const f = Math.fround;

/** Reference histogram with the C code's float32 bin arithmetic. */
function referenceHistogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): Uint32Array {
  const counts = new Uint32Array(bins);
  const scale = hi > lo ? f(bins / f(hi - lo)) : 0;
  for (let i = 0; i < values.length; i++) {
    const x = f(values[i] as number);
    if (!(x >= lo && x <= hi)) continue;
    const bin = Math.min(bins - 1, Math.trunc(f(f(x - lo) * scale)));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

describe('Volume.statistics', () => {
  for (const slope of [1, 0.3]) {
    it(`gives min, max and histogram of the written slices only (${slope === 1 ? 'int16' : 'float32'})`, async () => {
      const [rows, columns] = [13, 11];
      const set = syntheticVolumeSet(
        [0, 1, 2, 3].map((z) => ({ position: [0, 0, z], slope, intercept: 500 })),
        { rows, columns },
      );
      const volume = await Volume.create(set, { wasm, background: -9999 });
      expect(volume.statistics()).toBeUndefined();
      const random = seededRandom(slope === 1 ? 1 : 2);
      const n = rows * columns;
      for (const i of [3, 1]) {
        volume.writeSlice(
          i,
          Int16Array.from({ length: n }, () => Math.floor(random() * 3000) - 1000),
        );
      }
      // Slots 1 and 3 (slices in ascending order), as stored; the others hold the background.
      const voxels = volume.voxels();
      const written = [...voxels.subarray(n, 2 * n), ...voxels.subarray(3 * n, 4 * n)];
      expect(Math.min(...written)).toBeGreaterThan(-9999);
      const stats = volume.statistics(64);
      if (!stats) throw new Error('no statistics');
      expect(stats.min).toBe(Math.min(...written));
      expect(stats.max).toBe(Math.max(...written));
      expect(Array.from(stats.histogram)).toEqual(
        Array.from(referenceHistogram(written, stats.min, stats.max, 64)),
      );
      expect(stats.histogram.reduce((a, b) => a + b, 0)).toBe(written.length);
      expect(stats.window.width).toBeGreaterThan(0);
      volume.dispose();
    });
  }

  it('rejects a bad bin count', async () => {
    const volume = await Volume.create(
      syntheticVolumeSet([{ position: [0, 0, 0] }, { position: [0, 0, 1] }], { rows: 2, columns: 2 }),
      {
        wasm,
      },
    );
    let code: string | undefined;
    try {
      volume.statistics(0);
    } catch (error) {
      code = (error as VolumeError).code;
    }
    expect(code).toBe('VOLUME_BAD_ARGUMENT');
  });
});

describe('windowFromHistogram', () => {
  it('spans the 1st to 99th percentile above the lowest bin', () => {
    // 10 bins over [0, 100]; the lowest bin (padding) is left out; 400 voxels in bins 3–6.
    const histogram = Uint32Array.from([500, 0, 0, 100, 100, 100, 100, 0, 0, 0]);
    expect(windowFromHistogram(histogram, 0, 100)).toEqual({ center: 50, width: 40 });
  });

  it('falls back to the whole range when only the lowest bin is filled', () => {
    expect(windowFromHistogram(Uint32Array.from([5, 0, 0]), -10, 20)).toEqual({ center: 5, width: 30 });
  });
});
