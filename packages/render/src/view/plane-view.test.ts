import { planeThrough, type VolumeGeometry } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { interactiveSlab } from '../worker/layer-scene.js';
import {
  assertPlaneVoi,
  labelTable,
  type PlaneView,
  validateFusion,
  validateOverlay,
  validatePlaneView,
} from './plane-view.js';

const geometry = {
  dimensions: [10, 10, 10],
  origin: [0, 0, 0],
  directions: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  spacing: [0.8, 0.8, 2],
} as unknown as VolumeGeometry;
const plane = planeThrough(geometry, { row: [1, 0, 0], column: [0, 1, 0] }, [4, 4, 9]);
const view: PlaneView = { plane, slab: undefined, interpolation: 'trilinear', fill: undefined };

describe('plane views', () => {
  it('accept a plane with or without slab, fill and interaction', () => {
    expect(() => validatePlaneView(view)).not.toThrow();
    expect(() =>
      validatePlaneView({ ...view, slab: { thickness: 5, mode: 'mean' }, fill: -1000, interacting: true }),
    ).not.toThrow();
  });

  it('refuse bad sizes, spacings, sampling, slab modes and fills with RENDER_INVALID_VIEW', () => {
    for (const bad of [
      { ...view, plane: { ...plane, columns: 0 } },
      { ...view, plane: { ...plane, pixelSpacing: [0, 1] as [number, number] } },
      { ...view, plane: { ...plane, origin: [Number.NaN, 0, 0] as [number, number, number] } },
      { ...view, interpolation: 'cubic' as never },
      { ...view, slab: { thickness: 2, mode: 'sum' as never } },
      { ...view, fill: Number.POSITIVE_INFINITY },
      { ...view, interacting: 'yes' as never },
    ]) {
      expect(() => validatePlaneView(bad)).toThrow(expect.objectContaining({ code: 'RENDER_INVALID_VIEW' }));
    }
  });

  it('refuse VOI LUT sequences on volume layers with RENDER_UNSUPPORTED', () => {
    const lut = { kind: 'lut' as const, firstValueMapped: 0, bitsPerEntry: 8, data: new Uint16Array(4) };
    expect(() => assertPlaneVoi(lut)).toThrow(expect.objectContaining({ code: 'RENDER_UNSUPPORTED' }));
    expect(() => assertPlaneVoi({ kind: 'window', center: 0, width: 10 })).not.toThrow();
    expect(() => validateFusion({ volume: 1, opacity: 0.5, voi: lut })).toThrow(
      expect.objectContaining({ code: 'RENDER_UNSUPPORTED' }),
    );
  });

  it('refuse opacities outside 0…1, unknown colour maps, bad labels and slots', () => {
    expect(() => validateFusion({ volume: 1, opacity: 1.5 })).toThrow(
      expect.objectContaining({ code: 'RENDER_INVALID_VIEW' }),
    );
    expect(() => validateFusion({ volume: 1, opacity: 0.5, colormap: 'jet' as never })).toThrow(
      expect.objectContaining({ code: 'RENDER_INVALID_VIEW' }),
    );
    for (const labels of [
      [{ label: -1, colour: [0, 0, 0] as const, opacity: 1 }],
      [{ label: 70000, colour: [0, 0, 0] as const, opacity: 1 }],
      [{ label: 1, colour: [0, 256, 0] as const, opacity: 1 }],
      [{ label: 1, colour: [0, 0, 0] as const, opacity: -0.1 }],
    ]) {
      expect(() => validateOverlay({ kind: 'labelmap', volume: 1, labels })).toThrow(
        expect.objectContaining({ code: 'RENDER_INVALID_VIEW' }),
      );
    }
    expect(() => validateOverlay({ kind: 'heatmap', volume: 1, opacity: 0.5, slot: 1.5 })).toThrow(
      expect.objectContaining({ code: 'RENDER_INVALID_VIEW' }),
    );
  });

  it('build label tables with a transparent entry past the largest label', () => {
    const table = labelTable([
      { label: 1, colour: [255, 0, 0], opacity: 0.5 },
      { label: 255, colour: [1, 2, 3], opacity: 1 },
    ]);
    expect(table.length).toBe(512 * 4);
    expect(Array.from(table.subarray(4, 8))).toEqual([255, 0, 0, 128]);
    expect(Array.from(table.subarray(255 * 4, 256 * 4))).toEqual([1, 2, 3, 255]);
    expect(Array.from(table.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(table.subarray(256 * 4, 257 * 4))).toEqual([0, 0, 0, 0]);
  });

  it('take slab samples twice as far apart while interacting, planes unchanged', () => {
    expect(interactiveSlab(geometry, { thickness: 10, mode: 'max' })).toEqual({
      thickness: 10,
      mode: 'max',
      sampleSpacing: 1.6,
    });
    expect(interactiveSlab(geometry, { thickness: 10, mode: 'min', sampleSpacing: 0.5 })?.sampleSpacing).toBe(
      1,
    );
    expect(interactiveSlab(geometry, undefined)).toBeUndefined();
    expect(interactiveSlab(geometry, { thickness: 0, mode: 'max' })).toEqual({ thickness: 0, mode: 'max' });
  });
});
