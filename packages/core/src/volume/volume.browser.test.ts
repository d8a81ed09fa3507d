/**
 * The volume core in Chromium: the WASM module is fetched and compiled from its URL as Vite serves
 * it (application/wasm), a worker-free page fills a volume and reslices it; results equal the JS
 * reference, as in Node.
 */
import { describe, expect, it } from 'vitest';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { voxelSlab } from './slab-parameters.js';
import { planeThrough } from './slice-plane.js';
import { Volume } from './volume.js';
import { referenceRescale, referenceSlab, seededRandom, syntheticVolumeSet } from './volume.test-support.js';

describe('Volume in the browser', () => {
  it('loads the WASM core, fills slices in any order and reslices an oblique MIP like the JS reference', async () => {
    const [nx, ny, nz] = [24, 20, 16];
    const set = syntheticVolumeSet(
      Array.from({ length: nz }, (_, k) => ({
        position: [0, 0, 2 * k] as [number, number, number],
        intercept: -1024,
      })),
      { rows: ny, columns: nx, pixelSpacing: [0.8, 0.7] },
    );
    const volume = await Volume.create(set, { wasm: new VolumeWasmLoader(), background: -1024 });
    const random = seededRandom(3);
    const stored = Array.from({ length: nz }, () =>
      Int16Array.from({ length: nx * ny }, () => Math.floor(random() * 3000)),
    );
    for (const k of [5, 0, 15, 3, 9, 1, 2, 4, 6, 7, 8, 10, 11, 12, 13, 14])
      volume.writeSlice(k, stored[k] as Int16Array);
    expect(volume.isComplete).toBe(true);
    const hu = stored.flatMap((s) => Array.from(referenceRescale(s, 1, -1024)));
    expect(Array.from(volume.voxels())).toEqual(hu);

    const plane = planeThrough(
      volume.geometry,
      { row: [0.8, 0.5, 0.3], column: [-0.2, 0.3, -0.9] },
      [8, 7, 15],
      0.5,
    );
    const slab = { thickness: 6, mode: 'max' as const, sampleSpacing: 1 };
    const image = volume.slab(plane, slab);
    const expected = referenceSlab(
      hu,
      [nx, ny, nz],
      voxelSlab(volume.geometry, plane, slab),
      'max',
      'trilinear',
      -1024,
    );
    expect(image.pixels.length).toBe(expected.length);
    // The plane crosses the volume: most pixels are projections, not the fill value.
    expect(image.pixels.filter((v) => v !== -1024).length).toBeGreaterThan(expected.length / 4);
    let worst = 0;
    for (let i = 0; i < expected.length; i++)
      worst = Math.max(worst, Math.abs((image.pixels[i] as number) - (expected[i] as number)));
    expect(worst).toBeLessThan(0.01);
    volume.dispose();
  });
});
