import type { VolumeGeometry } from '@fovea/core';
import { DEFAULT_ORBIT_CAMERA, projectToCanvas } from '@fovea/render';
import { describe, expect, it } from 'vitest';
import { cameraScreenAxes } from './screen-axes.js';
import { MAX_CAMERA_ZOOM, orbitBy, panCamera, zoomCamera } from './volume-camera.js';

const geometry = {
  dimensions: [64, 48, 20],
  origin: [-32, -24, -30],
  directions: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  spacing: [1, 1, 3],
} as unknown as VolumeGeometry;
const canvas = [300, 200] as const;

describe('3D camera moves', () => {
  it('zooms about a point: what the camera drew there stays there', () => {
    const camera = panCamera({ ...DEFAULT_ORBIT_CAMERA, elevation: 30, azimuth: 20 }, 12, -7);
    const patient: [number, number, number] = [5, -3, 8];
    const before = projectToCanvas(geometry, camera, canvas, patient);
    // Aim at the point where `patient` is drawn, from the canvas centre.
    const at: [number, number] = [before.x - canvas[0] / 2, before.y - canvas[1] / 2];
    const zoomed = zoomCamera(camera, 2.5, at);
    expect(zoomed.zoom).toBeCloseTo(2.5, 12);
    const after = projectToCanvas(geometry, zoomed, canvas, patient);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });

  it('clamps the zoom and leaves a camera alone for a factor that is not a positive number', () => {
    expect(zoomCamera(DEFAULT_ORBIT_CAMERA, 1e9, [0, 0]).zoom).toBe(MAX_CAMERA_ZOOM);
    expect(zoomCamera(DEFAULT_ORBIT_CAMERA, Number.NaN, [0, 0])).toBe(DEFAULT_ORBIT_CAMERA);
    expect(zoomCamera(DEFAULT_ORBIT_CAMERA, -2, [0, 0])).toBe(DEFAULT_ORBIT_CAMERA);
  });

  it('orbits within −90 … 90° of elevation', () => {
    expect(orbitBy(DEFAULT_ORBIT_CAMERA, 10, 0).azimuth).toBe(-5);
    expect(orbitBy(DEFAULT_ORBIT_CAMERA, 0, 1000).elevation).toBe(90);
    expect(orbitBy(DEFAULT_ORBIT_CAMERA, 0, -1000).elevation).toBe(-90);
  });
});

describe('cameraScreenAxes', () => {
  it('gives the camera’s right and down in the patient and its mm per pixel', () => {
    // From the front: the patient's left (+x) to the right, the head (+z) up.
    const front = cameraScreenAxes(geometry, DEFAULT_ORBIT_CAMERA, canvas, 2);
    expect(front.right.map((v) => v + 0)).toEqual([1, 0, 0].map((v) => expect.closeTo(v, 12)));
    expect(front.down.map((v) => v + 0)).toEqual([0, 0, -1].map((v) => expect.closeTo(v, 12)));
    // 10 mm along x spans 10 / mmPerCanvasPixel canvas pixels, half as many CSS pixels at ratio 2.
    const a = projectToCanvas(geometry, DEFAULT_ORBIT_CAMERA, canvas, [0, 0, 0]);
    const b = projectToCanvas(geometry, DEFAULT_ORBIT_CAMERA, canvas, [10, 0, 0]);
    expect(front.mmPerCssPixel).toBeCloseTo((10 / (b.x - a.x)) * 2, 12);
    // Zoomed 4×, a quarter of the mm per pixel.
    const zoomed = cameraScreenAxes(geometry, { ...DEFAULT_ORBIT_CAMERA, zoom: 4 }, canvas, 2);
    expect(zoomed.mmPerCssPixel).toBeCloseTo(front.mmPerCssPixel / 4, 12);
  });
});
