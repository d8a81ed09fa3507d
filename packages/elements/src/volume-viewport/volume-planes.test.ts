import type { VolumeGeometry } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { planeScreen } from './plane-screen.js';
import {
  basePlane,
  crosshairOnPlane,
  distanceFromPlane,
  normalExtent,
  normalStep,
  planeAt,
  volumeCentre,
} from './volume-planes.js';

/** The CT phantom's grid: 512² pixels of 0.7 mm, 300 slices 1 mm apart from z = −149 up to +150. */
const phantom: VolumeGeometry = {
  dimensions: [512, 512, 300],
  origin: [-178.85, -178.85, -149],
  directions: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  spacing: [0.7, 0.7, 1],
  shearAngle: 0,
  slotOfSlice: [],
  missingSlots: [],
  spacingKind: 'uniform',
  maxSpacingDeviation: 0,
  warnings: [],
};

describe('volume view planes', () => {
  it('puts a point of the volume on the same pixel of every plane through it', () => {
    const lesion: [number, number, number] = [-70, 14, 0];
    for (const orientation of ['axial', 'coronal', 'sagittal'] as const) {
      const plane = planeAt(basePlane(phantom, orientation), lesion);
      expect(Math.abs(distanceFromPlane(plane, lesion))).toBeLessThan(1e-9);
      const [column, row] = crosshairOnPlane(plane, lesion);
      const base = crosshairOnPlane(basePlane(phantom, orientation), lesion);
      // Sliding along the normal keeps the pixel grid: the point's pixel does not move.
      expect(column).toBeCloseTo(base[0], 9);
      expect(row).toBeCloseTo(base[1], 9);
    }
  });

  it('lays the standard views out as radiologists read them', () => {
    const centre = volumeCentre(phantom);
    expect(centre).toEqual([0, 0, 0.5]);
    const axial = basePlane(phantom, 'axial');
    const coronal = basePlane(phantom, 'coronal');
    const sagittal = basePlane(phantom, 'sagittal');
    // Patient left (+x) to the image right on axial and coronal; head (+z) up on coronal and sagittal.
    const [leftX] = crosshairOnPlane(axial, [50, 0, 0]);
    const [rightX] = crosshairOnPlane(axial, [-50, 0, 0]);
    expect(leftX).toBeGreaterThan(rightX);
    const [, headY] = crosshairOnPlane(coronal, [0, 0, 50]);
    const [, feetY] = crosshairOnPlane(coronal, [0, 0, -50]);
    expect(headY).toBeLessThan(feetY);
    // Sagittal: anterior (−y) on the image left.
    const [anterior] = crosshairOnPlane(sagittal, [0, -50, 0]);
    const [posterior] = crosshairOnPlane(sagittal, [0, 50, 0]);
    expect(anterior).toBeLessThan(posterior);
  });

  it('steps by the slice spacing across slices and by the pixel spacing across rows or columns', () => {
    expect(normalStep(phantom, basePlane(phantom, 'axial'))).toBe(1);
    expect(normalStep(phantom, basePlane(phantom, 'coronal'))).toBe(0.7);
    expect(normalStep(phantom, basePlane(phantom, 'sagittal'))).toBe(0.7);
  });

  it('knows how far the volume reaches along a plane normal', () => {
    const [lo, hi] = normalExtent(phantom, basePlane(phantom, 'axial'));
    // 300 slots 1 mm apart: 299 mm between the first and the last centre.
    expect(hi - lo).toBeCloseTo(299, 9);
  });
});

describe('plane screen', () => {
  it('maps image pixels to CSS pixels and back, fitted and centred', () => {
    const screen = planeScreen([512, 300], [1024, 1000], 2);
    expect(screen.zoom).toBe(2);
    // Pixel (0, 0) centre: half a pixel in from the image's top-left, which sits 200 device px down.
    expect(screen.toCss(0, 0)).toEqual([0.5, (200 + 1) / 2]);
    const [column, row] = screen.toImage(...screen.toCss(100.25, 37.5));
    expect(column).toBeCloseTo(100.25, 9);
    expect(row).toBeCloseTo(37.5, 9);
  });
});
