import { describe, expect, it } from 'vitest';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { brickLayout } from './brick-layout.js';
import { Volume } from './volume.js';
import { seededRandom, syntheticVolumeSet } from './volume.test-support.js';
import type { VolumeError } from './volume-error.js';
import { VolumeBrickReadyEvent } from './volume-events.js';

const wasm = new VolumeWasmLoader();
// Slices of 3 × 4 pixels fit a limit of 4 in-plane (cut along z only), except where a test
// asks for 6 × 5 to cut x and y too.
function slices(zs: number[], [columns, rows] = [3, 4]) {
  return syntheticVolumeSet(
    zs.map((z) => ({ position: [0, 0, z], intercept: -1024 })),
    { rows, columns },
  );
}

function stored(seed: number, n = 12): Int16Array {
  const random = seededRandom(seed);
  return Int16Array.from({ length: n }, () => Math.floor(random() * 4000));
}

describe('Volume bricks', () => {
  it('reports each brick ready as soon as its slots (overlap included) are written, while streaming', async () => {
    // 10 slots, limit 4, overlap 1: cores of 2 slots; bricks hold slots 0–2, 1–4, 3–6, 5–8, 7–9.
    const volume = await Volume.create(slices([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), { wasm });
    const layout = brickLayout(volume.geometry.dimensions, { maxDimension: 4 });
    expect(layout.bricks.map((b) => [b.start[2], b.size[2]])).toEqual([
      [0, 3],
      [1, 4],
      [3, 4],
      [5, 4],
      [7, 3],
    ]);
    volume.useBrickLayout(layout);
    const events: [number, number[]][] = [];
    let current: number[] = [];
    volume.addEventListener(VolumeBrickReadyEvent.type, (e) => {
      current.push((e as VolumeBrickReadyEvent).brickIndex);
    });
    for (const slot of [4, 0, 1, 2, 3, 9, 8, 7, 6, 5]) {
      current = [];
      volume.writeSlice(slot, stored(slot));
      events.push([slot, current]);
    }
    expect(events).toEqual([
      [4, []],
      [0, []],
      [1, []],
      [2, [0]],
      [3, [1]],
      [9, []],
      [8, []],
      [7, [4]],
      [6, []],
      [5, [2, 3]],
    ]);
    expect(layout.bricks.every((b) => volume.isBrickReady(b.index))).toBe(true);
    // Writing a slice again does not make its bricks ready twice.
    current = [];
    volume.writeSlice(5, stored(5));
    expect(current).toEqual([]);
    volume.dispose();
  });

  it('counts slices written before the layout, and missing slices, as finished', async () => {
    // Slots 0–5 with slot 3 missing (slices at 0, 1, 2, 4, 5 mm).
    const volume = await Volume.create(slices([0, 1, 2, 4, 5]), { wasm, background: -1000 });
    volume.writeSlice(0, stored(0));
    volume.writeSlice(1, stored(1));
    volume.writeSlice(2, stored(2));
    volume.useBrickLayout(brickLayout(volume.geometry.dimensions, { maxDimension: 5 }));
    // Bricks hold slots 0–3 and 2–5: the first is ready at once (slot 3 is missing).
    expect(volume.brickLayout?.bricks.map((b) => [b.start[2], b.size[2]])).toEqual([
      [0, 4],
      [2, 4],
    ]);
    expect([volume.isBrickReady(0), volume.isBrickReady(1)]).toEqual([true, false]);
    volume.writeSlice(3, stored(3));
    expect(volume.isBrickReady(1)).toBe(false);
    volume.writeSlice(4, stored(4));
    expect(volume.isBrickReady(1)).toBe(true);
    volume.dispose();
  });

  it('gives each brick the voxels of the volume it covers, overlap included', async () => {
    const [NX, NY] = [6, 5];
    const volume = await Volume.create(slices([0, 1, 2, 3, 4, 5, 6], [NX, NY]), { wasm });
    for (let i = 0; i < 7; i++) volume.writeSlice(i, stored(100 + i, NX * NY));
    const layout = brickLayout(volume.geometry.dimensions, { maxDimension: 4 });
    expect(layout.grid).toEqual([3, 3, 4]);
    volume.useBrickLayout(layout);
    const all = volume.voxels().slice();
    for (const brick of layout.bricks) {
      const voxels = volume.brickVoxels(brick.index);
      expect(voxels).toBeInstanceOf(Int16Array);
      const [sx, sy, sz] = brick.size;
      const expected: number[] = [];
      for (let z = 0; z < sz; z++)
        for (let y = 0; y < sy; y++)
          for (let x = 0; x < sx; x++)
            expected.push(
              all[brick.start[0] + x + NX * (brick.start[1] + y + NY * (brick.start[2] + z))] as number,
            );
      expect(Array.from(voxels)).toEqual(expected);
    }
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as VolumeError).code;
      }
      return undefined;
    };
    expect(code(() => volume.brickVoxels(99))).toBe('VOLUME_BAD_ARGUMENT');
    expect(code(() => volume.useBrickLayout(brickLayout([6, 5, 8], { maxDimension: 4 })))).toBe(
      'VOLUME_BAD_ARGUMENT',
    );
    volume.dispose();
  });

  it('waits for both source slices of a resampled slot', async () => {
    // Slices at 0, 1, 2.4, 3 mm resample to 0.6 mm slots 0–5; slots 2 and 3 blend slices 1 and 2.
    const volume = await Volume.create(slices([0, 1, 2.4, 3]), { wasm, spacingPolicy: 'resample' });
    volume.useBrickLayout(brickLayout(volume.geometry.dimensions, { maxDimension: 5 }));
    // Cores of 3 slots: bricks hold slots 0–3 and 2–5.
    expect(volume.brickLayout?.bricks.map((b) => [b.start[2], b.size[2]])).toEqual([
      [0, 4],
      [2, 4],
    ]);
    volume.writeSlice(0, stored(0));
    volume.writeSlice(1, stored(1));
    volume.writeSlice(3, stored(3));
    expect([volume.isBrickReady(0), volume.isBrickReady(1)]).toEqual([false, false]);
    volume.writeSlice(2, stored(2));
    expect([volume.isBrickReady(0), volume.isBrickReady(1)]).toEqual([true, true]);
    volume.dispose();
  });
});
