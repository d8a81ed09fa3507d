import { describe, expect, it } from 'vitest';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { type DecodedSlice, fillVolume } from './fill-volume.js';
import { Volume } from './volume.js';
import { seededRandom, syntheticVolumeSet } from './volume.test-support.js';
import type { VolumeError } from './volume-error.js';
import { VolumeSliceReadyEvent } from './volume-events.js';

const wasm = new VolumeWasmLoader();
const N = 4 * 3;

const set = () =>
  syntheticVolumeSet(
    [0, 1, 2, 3, 4].map((z) => ({ position: [0, 0, z] })),
    { rows: 3, columns: 4 },
  );

function decoded(sliceIndex: number): DecodedSlice {
  const random = seededRandom(sliceIndex + 1);
  return { sliceIndex, pixels: Int16Array.from({ length: N }, () => Math.floor(random() * 1000)) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as VolumeError).code;
  }
  return undefined;
}

describe('fillVolume', () => {
  it('writes slices as an async source yields them, in any order, until it ends', async () => {
    const volume = await Volume.create(set(), { wasm });
    async function* decoder() {
      for (const i of [3, 0, 4, 1, 2]) {
        await tick();
        yield decoded(i);
      }
    }
    expect(await fillVolume(volume, decoder())).toBe(5);
    expect(volume.isComplete).toBe(true);
    expect(Array.from(volume.voxels().subarray(3 * N, 4 * N))).toEqual(Array.from(decoded(3).pixels));
    volume.dispose();
  });

  it('takes a plain iterable too', async () => {
    const volume = await Volume.create(set(), { wasm });
    expect(await fillVolume(volume, [0, 1, 2, 3, 4].map(decoded))).toBe(5);
    expect(volume.isComplete).toBe(true);
    volume.dispose();
  });

  it('stops between slices when aborted, keeps what was written and closes the source', async () => {
    const volume = await Volume.create(set(), { wasm });
    const controller = new AbortController();
    volume.addEventListener(VolumeSliceReadyEvent.type, (event) => {
      if ((event as VolumeSliceReadyEvent).readyCount === 2) controller.abort();
    });
    let closed = false;
    let yielded = 0;
    async function* decoder() {
      try {
        for (let i = 0; i < 5; i++) {
          await tick();
          yielded++;
          yield decoded(i);
        }
      } finally {
        closed = true;
      }
    }
    expect(await codeOf(fillVolume(volume, decoder(), { signal: controller.signal }))).toBe('VOLUME_ABORTED');
    expect(volume.readyCount).toBe(2);
    expect([volume.isSliceReady(0), volume.isSliceReady(1), volume.isSliceReady(2)]).toEqual([
      true,
      true,
      false,
    ]);
    await tick();
    await tick();
    expect(closed).toBe(true);
    expect(yielded).toBeLessThanOrEqual(3);
    volume.dispose();
  });

  it('stops while waiting for a source that never yields again', async () => {
    const volume = await Volume.create(set(), { wasm });
    const controller = new AbortController();
    async function* stalled() {
      yield decoded(0);
      await new Promise(() => {});
    }
    setTimeout(() => controller.abort(), 20);
    expect(await codeOf(fillVolume(volume, stalled(), { signal: controller.signal }))).toBe('VOLUME_ABORTED');
    expect(volume.readyCount).toBe(1);
    volume.dispose();
  });

  it('lets Volume.create be aborted while the WASM core loads', async () => {
    const controller = new AbortController();
    const created = Volume.create(set(), { wasm: new VolumeWasmLoader(), signal: controller.signal });
    controller.abort();
    expect(await codeOf(created)).toBe('VOLUME_ABORTED');
    expect(await codeOf(Volume.create(set(), { wasm, signal: AbortSignal.abort() }))).toBe('VOLUME_ABORTED');
  });

  it('writes nothing when the signal is aborted before it starts, and passes bad slices on as errors', async () => {
    const volume = await Volume.create(set(), { wasm });
    const signal = AbortSignal.abort();
    expect(await codeOf(fillVolume(volume, [decoded(0)], { signal }))).toBe('VOLUME_ABORTED');
    expect(volume.readyCount).toBe(0);
    const bad = { sliceIndex: 7, pixels: new Int16Array(N) };
    expect(await codeOf(fillVolume(volume, [decoded(0), bad, decoded(1)]))).toBe('VOLUME_SLICE_INDEX');
    expect(volume.readyCount).toBe(1);
    volume.dispose();
  });
});
