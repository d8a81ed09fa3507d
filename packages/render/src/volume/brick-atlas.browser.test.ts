import {
  planeThrough,
  type SlabOptions,
  type Vec3,
  VIEW_DIRECTIONS,
  type Volume,
  voxelToPatient,
} from '@fovea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderDevice } from '../client/render-device.js';
import type { RenderVolume } from '../client/render-volume.js';
import type { BackendKind } from '../gpu/backend.js';
import type { VoiTransform } from '../lut/voi.js';
import {
  BRICK_LIMIT,
  BRICKED_SHAPES,
  type BrickedDevices,
  type BrickedShape,
  brickedDevices,
  type Side,
} from '../test-support/bricked-devices.js';
import { compareFrames } from '../test-support/compare-frames.js';
import { randomVolume } from '../test-support/test-volumes.js';
import { brickAtlas } from './brick-atlas.js';
import { renderVolumeData, renderVolumeSlots } from './from-core-volume.js';
import type { RenderVolumeData } from './volume-data.js';

const VOI: VoiTransform = { kind: 'window', center: 100, width: 1600 };
const OBLIQUE = { row: [0.9, 0.35, 0.2] as Vec3, column: [-0.25, 0.8, -0.5] as Vec3 };
const ORIENTATIONS = { ...VIEW_DIRECTIONS, oblique: OBLIQUE };

describe.each<BackendKind>(['webgpu', 'webgl2'])('bricked volumes on %s', (backend) => {
  let devices: BrickedDevices;
  let sources: BrickedDevices['sources'];
  let whole: Side;
  let bricked: Side;
  const expectSameFrames: BrickedDevices['expectSameFrames'] = (label, draw) =>
    devices.expectSameFrames(label, draw);

  beforeAll(async () => {
    devices = await brickedDevices(backend);
    ({ sources, whole, bricked } = devices);
  });

  afterAll(() => devices?.dispose());

  it('is bricked as planned: the limit is the device option, the shapes need it', () => {
    expect(whole.device.backend.maxVolumeSize).toBeGreaterThanOrEqual(256);
    expect(bricked.device.backend.maxVolumeSize).toBe(BRICK_LIMIT);
    expect(brickAtlas(BRICKED_SHAPES.z, BRICK_LIMIT).layout.grid).toEqual([1, 1, 3]);
    expect(brickAtlas(BRICKED_SHAPES.x, BRICK_LIMIT).layout.grid).toEqual([3, 1, 1]);
    expect(brickAtlas(BRICKED_SHAPES.all, BRICK_LIMIT).layout.grid).toEqual([4, 4, 2]);
  });

  it.each(Object.keys(BRICKED_SHAPES) as BrickedShape[])(
    'draws MPR planes and slabs of the %s-cut volume exactly as the whole volume',
    async (shape) => {
      const volume = sources.get(shape) as Volume;
      const [nx, ny, nz] = volume.geometry.dimensions;
      const centre = voxelToPatient(volume.geometry, [
        (nx - 1) / 2 + 0.3,
        (ny - 1) / 2 - 0.2,
        (nz - 1) / 2 + 0.4,
      ]);
      const draws: [string, SlabOptions | undefined, 'trilinear' | 'nearest', keyof typeof ORIENTATIONS][] =
        [];
      for (const orientation of Object.keys(ORIENTATIONS) as (keyof typeof ORIENTATIONS)[]) {
        draws.push(
          [orientation, undefined, 'trilinear', orientation],
          [orientation, undefined, 'nearest', orientation],
        );
      }
      draws.push(
        ['oblique MIP slab', { thickness: 9, mode: 'max' }, 'trilinear', 'oblique'],
        ['coronal average slab', { thickness: 7, mode: 'mean' }, 'trilinear', 'coronal'],
        ['axial MinIP slab', { thickness: 5, mode: 'min' }, 'nearest', 'axial'],
      );
      for (const [label, slab, interpolation, orientation] of draws) {
        const plane = planeThrough(volume.geometry, ORIENTATIONS[orientation], centre, 0.7);
        await expectSameFrames(`${shape} ${label} ${interpolation}`, async ({ viewport, volumes }) => {
          await viewport.resize(plane.columns, plane.rows);
          await viewport.setVolume(volumes.get(shape) as RenderVolume, {
            plane,
            slab,
            interpolation,
            fill: -1500,
          });
          await viewport.setView({ voi: VOI, interpolation: 'nearest' });
        });
      }
    },
  );

  it('fuses a bricked volume over another and overlays a bricked label map, as whole', async () => {
    const base = sources.get('all') as Volume;
    const plane = planeThrough(base.geometry, OBLIQUE, voxelToPatient(base.geometry, [17.5, 17.5, 5.5]), 0.6);
    const [nx, ny, nz] = base.geometry.dimensions;
    const labels = new Uint8Array(nx * ny * nz);
    for (let i = 0; i < labels.length; i++) labels[i] = (i * 7919) % 5 === 0 ? 1 + (i % 3) : 0;
    const labelData: RenderVolumeData = {
      geometry: structuredClone(renderVolumeData(base).geometry),
      voxels: labels,
    };
    for (const side of [whole, bricked]) {
      side.volumes.set('labels', await side.device.createVolume(labelData, { copy: true }));
    }
    await expectSameFrames('fusion and label map', async ({ viewport, volumes }) => {
      await viewport.resize(plane.columns, plane.rows);
      await viewport.setVolume(volumes.get('all') as RenderVolume, { plane, fill: -1500 });
      await viewport.setView({ voi: VOI });
      await viewport.setFusion({
        volume: volumes.get('z') as RenderVolume,
        opacity: 0.5,
        voi: { kind: 'window', center: 400, width: 800 },
      });
      await viewport.setOverlays([
        {
          kind: 'labelmap',
          volume: volumes.get('labels') as RenderVolume,
          labels: [
            { label: 1, colour: [255, 0, 0], opacity: 0.6 },
            { label: 2, colour: [0, 255, 0], opacity: 0.4 },
            { label: 3, colour: [0, 0, 255], opacity: 1 },
          ],
        },
      ]);
    });
    for (const { viewport } of [whole, bricked]) {
      await viewport.setFusion(undefined);
      await viewport.setOverlays([]);
    }
  });

  it('maps the first voxel of a brick where the f32 estimate of its brick falls one short', async () => {
    // 41 voxels in 2 bricks (at 32): the second starts at voxel 20, whose brick cell is
    // ⌊(21 · 2 − 1) / 41⌋ = 1, but f32(41) · f32(1 / 41) < 1: only the shaders' correction puts
    // voxel 20 in brick 1. Here along x and y; every other voxel's estimate is exact.
    expect(Math.trunc(Math.fround(41 * Math.fround(1 / 41)))).toBe(0);
    const dimensions = [41, 41, 6] as const;
    expect(brickAtlas(dimensions, BRICK_LIMIT).layout.grid).toEqual([2, 2, 1]);
    const source = await randomVolume({ dimensions, range: [-1000, 1400], seed: 47 });
    try {
      for (const side of [whole, bricked]) {
        side.volumes.set('border', await side.device.createVolume(renderVolumeData(source)));
      }
      // Planes through the border voxels (x = 20, y = 20) and beside them, half a voxel per pixel:
      // nearest shows each voxel, trilinear reads cells on both sides of the border.
      const draws: [string, keyof typeof ORIENTATIONS, Vec3, 'nearest' | 'trilinear', SlabOptions?][] = [
        ['axial', 'axial', [20, 20, 2], 'nearest'],
        ['axial', 'axial', [19.6, 20.3, 2.5], 'trilinear'],
        ['sagittal at x = 20', 'sagittal', [20, 20, 2.5], 'nearest'],
        ['sagittal at x = 19.5', 'sagittal', [19.5, 20, 2.5], 'trilinear'],
        ['coronal at y = 20', 'coronal', [20, 20, 2.5], 'nearest'],
        ['oblique MIP slab', 'oblique', [20, 20, 2.5], 'trilinear', { thickness: 3, mode: 'max' }],
      ];
      for (const [label, orientation, voxel, interpolation, slab] of draws) {
        const plane = planeThrough(
          source.geometry,
          ORIENTATIONS[orientation],
          voxelToPatient(source.geometry, voxel),
          0.5,
        );
        await expectSameFrames(`border ${label} ${interpolation}`, async ({ viewport, volumes }) => {
          await viewport.resize(plane.columns, plane.rows);
          await viewport.setVolume(volumes.get('border') as RenderVolume, {
            plane,
            slab,
            interpolation,
            fill: -1500,
          });
          await viewport.setView({ voi: VOI, interpolation: 'nearest' });
        });
      }
    } finally {
      for (const side of [whole, bricked]) side.volumes.get('border')?.dispose();
      source.dispose();
    }
  });

  it('streams slot ranges that straddle bricks into a bricked volume', async () => {
    for (const shape of ['z', 'all'] as const) {
      const source = sources.get(shape) as Volume;
      const [nx, ny, nz] = source.geometry.dimensions;
      const data = renderVolumeData(source);
      data.voxels.fill(-1000);
      const plane = planeThrough(
        source.geometry,
        VIEW_DIRECTIONS.sagittal,
        voxelToPatient(source.geometry, [nx / 2, ny / 2, nz / 2]),
        0.8,
      );
      const streamed = new Map<Side, RenderVolume>();
      for (const side of [whole, bricked]) {
        const volume = await side.device.createVolume(data, { copy: true });
        streamed.set(side, volume);
        await side.viewport.resize(plane.columns, plane.rows);
        await side.viewport.setVolume(volume, { plane, fill: -1500 });
        await side.viewport.setView({ voi: VOI });
      }
      // Brick borders lie at z = 23 and 46 (z-cut) or 6 (every axis): most ranges cross one.
      const ranges: [number, number][] =
        shape === 'z'
          ? [
              [20, 10],
              [44, 26],
              [0, 20],
              [30, 14],
            ]
          : [
              [3, 6],
              [9, 3],
              [0, 3],
            ];
      const frames: Uint8Array[] = [];
      for (const [first, count] of ranges) {
        frames.push(
          await expectSameFrames(`${shape} slots ${first}+${count}`, async (side) => {
            await streamed.get(side)?.update(first, renderVolumeSlots(source, first, count).voxels);
          }),
        );
      }
      const partial = frames[0] as Uint8Array;
      // Every slot is written now: the frame is that of the volume created whole at once.
      const complete = await bricked.viewport.readPixels();
      await bricked.viewport.setVolume(bricked.volumes.get(shape) as RenderVolume, { plane, fill: -1500 });
      expect(compareFrames(complete, await bricked.viewport.readPixels(), 1).count).toBe(0);
      expect(compareFrames(partial, complete, 1).count).toBeGreaterThan(0);
      for (const volume of streamed.values()) volume.dispose();
    }
  });

  it('refuses a volume no atlas of the limit holds with RENDER_VOLUME_TOO_LARGE, and a bad limit', async () => {
    const geometry = {
      ...renderVolumeData(sources.get('z') as Volume).geometry,
      dimensions: [33, 33, 33] as [number, number, number],
    };
    await expect(
      bricked.device.createVolume({ geometry, voxels: new Int16Array(33 ** 3) }),
    ).rejects.toMatchObject({
      code: 'RENDER_VOLUME_TOO_LARGE',
      message: expect.stringMatching(/33 × 33 × 33 .*32 per side.*at least 33\b/),
    });
    await expect(RenderDevice.create({ backends: [backend], maxVolumeTextureSize: 0 })).rejects.toMatchObject(
      {
        code: 'RENDER_INVALID_OPTION',
      },
    );
  });
});
