/**
 * Two render devices of one backend for the bricking tests: one storing volumes whole, one with a
 * small `maxVolumeTextureSize` that bricks them; the same random volumes on both.
 */
import type { Volume } from '@fovea/core';
import { expect } from 'vitest';
import { RenderDevice } from '../client/render-device.js';
import type { RenderViewport } from '../client/render-viewport.js';
import type { RenderVolume } from '../client/render-volume.js';
import type { BackendKind } from '../gpu/backend.js';
import { renderVolumeData } from '../volume/from-core-volume.js';
import { compareFrames } from './compare-frames.js';
import { randomVolume } from './test-volumes.js';

/** The bricked device's volume texture limit: every test volume has a longer side. */
export const BRICK_LIMIT = 32;

/** Volumes cut along z only, along x only, and along every axis (bricks of 9 × 9 × 6) at the limit. */
export const BRICKED_SHAPES = {
  z: [16, 14, 70],
  x: [70, 10, 12],
  all: [36, 36, 12],
} as const satisfies Record<string, readonly [number, number, number]>;

export type BrickedShape = keyof typeof BRICKED_SHAPES;

/** One render device and its viewport, with the test volumes on it. */
export interface Side {
  device: RenderDevice;
  viewport: RenderViewport;
  volumes: Map<string, RenderVolume>;
}

/** The two devices and the CPU volumes they hold. */
export interface BrickedDevices {
  sources: Map<BrickedShape, Volume>;
  whole: Side;
  bricked: Side;
  /** Draws the same thing on both devices; expects identical frames with something in them. */
  expectSameFrames(label: string, draw: (side: Side) => Promise<void>): Promise<Uint8Array>;
  dispose(): void;
}

/** Starts both devices of `backend` and gives each the random test volumes. */
export async function brickedDevices(backend: BackendKind): Promise<BrickedDevices> {
  const sources = new Map<BrickedShape, Volume>();
  for (const [index, [shape, dimensions]] of Object.entries(BRICKED_SHAPES).entries()) {
    sources.set(
      shape as BrickedShape,
      await randomVolume({
        dimensions,
        pixelSpacing: [0.9, 0.8],
        sliceSpacing: 1.3,
        range: [-1000, 1400],
        seed: 40 + index,
      }),
    );
  }
  const side = async (maxVolumeTextureSize?: number): Promise<Side> => {
    const device = await RenderDevice.create({
      backends: [backend],
      ...(maxVolumeTextureSize ? { maxVolumeTextureSize } : {}),
    });
    const viewport = await device.createViewport(new OffscreenCanvas(8, 8));
    const volumes = new Map<string, RenderVolume>();
    for (const [shape, volume] of sources) {
      volumes.set(shape, await device.createVolume(renderVolumeData(volume)));
    }
    return { device, viewport, volumes };
  };
  const whole = await side();
  const bricked = await side(BRICK_LIMIT);
  return {
    sources,
    whole,
    bricked,
    async expectSameFrames(label, draw) {
      await draw(whole);
      await draw(bricked);
      const expected = await whole.viewport.readPixels();
      const actual = await bricked.viewport.readPixels();
      const difference = compareFrames(actual, expected, 1);
      expect(difference.count, `${backend} ${label}: ${difference.first}`).toBe(0);
      // The frame shows the volume, not a flat fill (a shader that failed to build draws black).
      const colours = new Set<number>();
      const view = new DataView(expected.buffer, expected.byteOffset, expected.byteLength);
      for (let i = 0; i < expected.length; i += 4) colours.add(view.getUint32(i));
      expect(colours.size, `${backend} ${label}: distinct colours`).toBeGreaterThan(8);
      return actual;
    },
    dispose() {
      whole.device.dispose();
      bricked.device.dispose();
      for (const volume of sources.values()) volume.dispose();
    },
  };
}
