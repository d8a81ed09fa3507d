// The bricked-render bench page: per backend (WebGPU, WebGL2) two RenderDevices, one storing
// volumes whole and one with `maxVolumeTextureSize: 512`, each holding the same 256 × 256 × 600
// int16 volume (the CT phantom, 512 × 512 × 300, taken every second voxel in-plane and each slice
// twice). At 512 the volume is bricked: two bricks of 256 × 256 × 300 in a 512 × 256 × 300 atlas.
// Each device has one viewport per kind of frame, its state set once by `init`; `frame(backend,
// side, kind)` times one draw of it with its read-back (the read-back makes the time include the
// GPU finishing the frame).
import { planeThrough } from '@fovea/core';
import { RenderDevice, TRANSFER_PRESETS } from '@fovea/render';

/** The volume texture limit of the bricked device: below the volume's 600 slices. */
const BRICK_LIMIT = 512;

/** @type {Record<string, Record<'whole' | 'bricked', { device: RenderDevice, volume: import('@fovea/render').RenderVolume, viewports: Record<string, import('@fovea/render').RenderViewport> }>>} */
const sides = {};
let geometry;

const normalize = (v) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

const CAMERA = { azimuth: 25, elevation: 10, zoom: 1.4, pan: [0, 0] };

/** Each kind of frame: canvas side (pixels) and its state. */
const KINDS = {
  mpr: { size: 256, draw: (v, volume) => v.setVolume(volume, { plane: obliquePlane() }) },
  'mip-slab': {
    size: 256,
    draw: (v, volume) => v.setVolume(volume, { plane: obliquePlane(), slab: { thickness: 20, mode: 'max' } }),
  },
  dvr: {
    size: 128,
    draw: (v, volume) =>
      v.setVolumeRendering(volume, {
        mode: 'dvr',
        transferFunction: TRANSFER_PRESETS['ct-bone'],
        shading: true,
        interacting: false,
        camera: CAMERA,
      }),
  },
  'volume-mip': {
    size: 128,
    draw: (v, volume) =>
      v.setVolumeRendering(volume, {
        mode: 'mip',
        mipWindow: { center: 400, width: 1800 },
        interacting: false,
        camera: CAMERA,
      }),
  },
};

/** An oblique plane through the volume's centre: it crosses the brick border at slice 300. */
function obliquePlane() {
  const centre = geometry.origin.map(
    (o, a) =>
      o +
      geometry.directions.reduce(
        (sum, d, k) => sum + d[a] * geometry.spacing[k] * (geometry.dimensions[k] - 1) * 0.5,
        0,
      ),
  );
  return planeThrough(
    geometry,
    { row: normalize([1, 0.25, 0]), column: normalize([0, 0.3, -1]) },
    centre,
    1.4,
  );
}

/** The 256 × 256 × 600 volume from the 512 × 512 × 300 phantom. */
function halvedPhantom(phantom, source) {
  const [sx, sy, sz] = phantom.dimensions;
  const [nx, ny, nz] = [sx / 2, sy / 2, sz * 2];
  const voxels = new Int16Array(nx * ny * nz);
  for (let z = 0; z < nz; z++) {
    const from = Math.floor(z / 2) * sx * sy;
    for (let y = 0; y < ny; y++) {
      const row = from + 2 * y * sx;
      const to = (z * ny + y) * nx;
      for (let x = 0; x < nx; x++) voxels[to + x] = source[row + 2 * x];
    }
  }
  const [px, py, pz] = phantom.spacing;
  return {
    geometry: {
      dimensions: [nx, ny, nz],
      origin: phantom.origin,
      directions: phantom.directions,
      spacing: [px * 2, py * 2, pz / 2],
    },
    voxels,
  };
}

window.bench = {
  async init() {
    const [meta, bytes] = await Promise.all([
      fetch('./phantom.json').then((r) => r.json()),
      fetch('./phantom.bin').then((r) => r.arrayBuffer()),
    ]);
    const data = halvedPhantom(meta.geometry, new Int16Array(bytes));
    geometry = data.geometry;
    const info = {};
    for (const backend of ['webgpu', 'webgl2']) {
      sides[backend] = {};
      for (const [side, limit] of [
        ['whole', undefined],
        ['bricked', BRICK_LIMIT],
      ]) {
        const device = await RenderDevice.create({
          backends: [backend],
          ...(limit ? { maxVolumeTextureSize: limit } : {}),
        });
        const volume = await device.createVolume(data, { copy: true });
        const viewports = {};
        for (const [kind, { size, draw }] of Object.entries(KINDS)) {
          viewports[kind] = await device.createViewport(new OffscreenCanvas(size, size));
          await draw(viewports[kind], volume);
        }
        sides[backend][side] = { device, volume, viewports };
      }
      info[backend] = sides[backend].whole.device.backend;
    }
    return { info, dimensions: geometry.dimensions };
  },
  async frame(backend, side, kind) {
    const start = performance.now();
    const pixels = await sides[backend][side].viewports[kind].readPixels();
    const ms = performance.now() - start;
    const size = KINDS[kind].size;
    if (pixels.length !== size * size * 4) throw new Error(`read back ${pixels.length} bytes`);
    return ms;
  },
};
