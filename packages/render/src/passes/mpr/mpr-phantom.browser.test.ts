/**
 * The MPR pass on the generated CT phantom (24 slices of 512², 1 mm, around its lesion: 130 HU,
 * radius 6 mm, noise free, centred at LPS (−70, 14, 0)): every plane through the lesion equals
 * core's CPU reslice rendered by renderSliceCpu, and the lesion shows at the pixel the plane
 * geometry predicts, with the grey level of 130 HU.
 */
import {
  patientToPlanePixel,
  planeThrough,
  type SlabOptions,
  type SlicePlane,
  VIEW_DIRECTIONS,
  type Volume,
} from '@fovea/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderDevice } from '../../client/render-device.js';
import type { RenderViewport } from '../../client/render-viewport.js';
import type { RenderVolume } from '../../client/render-volume.js';
import { renderSliceCpu } from '../../cpu/render-slice-cpu.js';
import type { BackendKind } from '../../gpu/backend.js';
import type { VoiTransform } from '../../lut/voi.js';
import { compareFrames } from '../../test-support/compare-frames.js';
import { type PhantomSeries, phantomSeries, phantomVolume } from '../../test-support/phantom-volumes.js';
import { renderVolumeData } from '../../volume/from-core-volume.js';

const VOI: VoiTransform = { kind: 'window', center: 40, width: 400 };
const FILL = -1024;

let ct: PhantomSeries;
let volume: Volume;

beforeAll(async () => {
  ct = await phantomSeries('ct');
  const { instanceNumber } = ct.facts.lesion.voxel;
  volume = await phantomVolume(ct, {
    first: instanceNumber - 12,
    last: instanceNumber + 11,
    background: FILL,
  });
}, 60_000);

afterAll(() => volume?.dispose());

const CASES: {
  name: string;
  directions: { row: readonly number[]; column: readonly number[] };
  slab?: SlabOptions;
}[] = [
  { name: 'axial', directions: VIEW_DIRECTIONS.axial },
  { name: 'coronal', directions: VIEW_DIRECTIONS.coronal },
  { name: 'sagittal', directions: VIEW_DIRECTIONS.sagittal },
  { name: 'oblique', directions: { row: [0.8, 0.6, 0], column: [0, 0.3, -0.95] } },
  { name: 'axial MIP 10 mm', directions: VIEW_DIRECTIONS.axial, slab: { thickness: 10, mode: 'max' } },
  { name: 'coronal MinIP 10 mm', directions: VIEW_DIRECTIONS.coronal, slab: { thickness: 10, mode: 'min' } },
  {
    name: 'sagittal average 10 mm',
    directions: VIEW_DIRECTIONS.sagittal,
    slab: { thickness: 10, mode: 'mean' },
  },
];

describe.each<BackendKind>(['webgpu', 'webgl2'])('MPR of the CT phantom on %s', (backend) => {
  let device: RenderDevice;
  let viewport: RenderViewport;
  let gpuVolume: RenderVolume;

  beforeAll(async () => {
    device = await RenderDevice.create({ backends: [backend] });
    viewport = await device.createViewport(new OffscreenCanvas(8, 8));
    gpuVolume = await device.createVolume(renderVolumeData(volume));
  });

  afterAll(() => device?.dispose());

  it.each(CASES)('$name through the lesion equals the CPU reslice, lesion where geometry says', async (c) => {
    const lesion = ct.facts.lesion.centerLps;
    const plane: SlicePlane = planeThrough(
      volume.geometry,
      { row: [...c.directions.row] as never, column: [...c.directions.column] as never },
      lesion,
    );
    await viewport.resize(plane.columns, plane.rows);
    await viewport.setVolume(gpuVolume, { plane, slab: c.slab, fill: FILL });
    await viewport.setView({ voi: VOI, zoom: 1, pan: [0, 0], rotation: 0 });
    const gpu = await viewport.readPixels();
    const resliced = volume.slab(plane, c.slab ?? { thickness: 0, mode: 'max' }, { fill: FILL });
    const cpu = renderSliceCpu(
      {
        kind: 'grey',
        columns: plane.columns,
        rows: plane.rows,
        pixels: resliced.pixels,
        photometricInterpretation: 'MONOCHROME2',
      },
      { voi: VOI },
      [plane.columns, plane.rows],
    );
    const difference = compareFrames(gpu, cpu, plane.columns);
    expect(difference.maxDelta, JSON.stringify(difference)).toBeLessThanOrEqual(1);
    expect(difference.count).toBeLessThanOrEqual(Math.ceil(plane.columns * plane.rows * 0.001));

    // The lesion centre falls on a pixel centre (planeThrough puts the point there).
    const [column, row] = patientToPlanePixel(plane, lesion).map(Math.round) as [number, number];
    const red = (x: number, y: number) => gpu[(y * plane.columns + x) * 4] as number;
    // 130 HU, noise free: at the centre every slab sample (±5 mm of a 6 mm sphere) is lesion.
    const level = renderSliceCpu(
      {
        kind: 'grey',
        columns: 1,
        rows: 1,
        pixels: new Float32Array([130]),
        photometricInterpretation: 'MONOCHROME2',
      },
      { voi: VOI },
      [1, 1],
    )[0];
    expect(red(column, row)).toBe(level);
    const perMm = 1 / plane.pixelSpacing[1];
    // 4 mm off centre within the plane is lesion too (a slab there reaches out of the sphere).
    if (!c.slab || c.slab.mode === 'max') expect(red(column + Math.round(4 * perMm), row)).toBe(level);
    // 10 mm away (soft tissue) is darker.
    expect(red(column + Math.round(10 * perMm), row)).toBeLessThan(red(column, row));
  });
});
