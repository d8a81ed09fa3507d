// The render bench page: one RenderDevice per backend (WebGPU, WebGL2), each holding the CT
// phantom (512 × 512 × 300 int16, fetched as raw bytes) once and one 512 × 512 viewport per kind
// of frame, whose state is set once by `init`. `frame(backend, kind)` then times one draw of that
// viewport with its read-back (the read-back makes the time include the GPU finishing the frame);
// `mainThread(backend, kind, i)` times the main thread's share of one state change and its frame.
import { planeThrough } from '@fovea/core';
import { RenderDevice, TRANSFER_PRESETS } from '@fovea/render';

/** @type {Record<string, { device: RenderDevice, volume: import('@fovea/render').RenderVolume, viewports: Record<string, import('@fovea/render').RenderViewport> }>} */
const sides = {};
let geometry;
let slice;

const normalize = (v) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

/** The state of frame `i` of each kind (i > 0: main-thread runs, each a change from the last). */
const KINDS = {
  slice: async (side, i) => {
    if (i === 0) await side.viewports.slice.setImage(slice, { copy: true });
    await side.viewports.slice.setView({ voi: { kind: 'window', center: 40 + (i % 7), width: 400 } });
  },
  mpr: (side, i) => side.viewports.mpr.setVolume(side.volume, { plane: obliquePlane(i), slab: undefined }),
  'mip-slab': (side, i) =>
    side.viewports['mip-slab'].setVolume(side.volume, {
      plane: obliquePlane(i),
      slab: { thickness: 20, mode: 'max' },
    }),
  dvr: (side, i) => side.viewports.dvr.setVolumeRendering(side.volume, dvrView(i, false)),
  'dvr-interacting': (side, i) =>
    side.viewports['dvr-interacting'].setVolumeRendering(side.volume, dvrView(i, true)),
  'volume-mip': (side, i) =>
    side.viewports['volume-mip'].setVolumeRendering(side.volume, {
      mode: 'mip',
      mipWindow: { center: 400, width: 1800 },
      interacting: false,
      camera: { azimuth: 20 + (i % 10) * 3, elevation: 10, zoom: 1.4, pan: [0, 0] },
    }),
};

function dvrView(i, interacting) {
  return {
    mode: 'dvr',
    transferFunction: TRANSFER_PRESETS['ct-bone'],
    shading: true,
    interacting,
    camera: { azimuth: 20 + (i % 10) * 3, elevation: 10, zoom: 1.4, pan: [0, 0] },
  };
}

function obliquePlane(i) {
  const centre = geometry.origin.map(
    (o, a) =>
      o +
      geometry.directions.reduce(
        (sum, d, k) => sum + d[a] * geometry.spacing[k] * (geometry.dimensions[k] - 1) * 0.5,
        0,
      ),
  );
  centre[2] += (i % 10) - 5;
  return planeThrough(
    geometry,
    { row: normalize([1, 0.25, 0]), column: normalize([0, 0.3, -1]) },
    centre,
    0.7,
  );
}

window.bench = {
  async init() {
    const [meta, bytes] = await Promise.all([
      fetch('./phantom.json').then((r) => r.json()),
      fetch('./phantom.bin').then((r) => r.arrayBuffer()),
    ]);
    geometry = meta.geometry;
    const voxels = new Int16Array(bytes);
    const [nx, ny, nz] = geometry.dimensions;
    // The lesion slice as a stack image: stored values (HU + 1024) with the CT rescale.
    const z = Math.round(nz / 2);
    slice = {
      kind: 'grey',
      columns: nx,
      rows: ny,
      pixels: Int16Array.from(voxels.subarray(z * nx * ny, (z + 1) * nx * ny), (v) => v + 1024),
      photometricInterpretation: 'MONOCHROME2',
      modality: { kind: 'rescale', slope: 1, intercept: -1024 },
    };
    const info = {};
    for (const backend of ['webgpu', 'webgl2']) {
      const device = await RenderDevice.create({ backends: [backend] });
      const volume = await device.createVolume({ geometry, voxels }, { copy: true });
      const side = { device, volume, viewports: {} };
      for (const kind of Object.keys(KINDS)) {
        side.viewports[kind] = await device.createViewport(new OffscreenCanvas(512, 512));
        await KINDS[kind](side, 0);
      }
      sides[backend] = side;
      info[backend] = device.backend;
    }
    return info;
  },
  async frame(backend, kind) {
    const start = performance.now();
    const pixels = await sides[backend].viewports[kind].readPixels();
    const ms = performance.now() - start;
    if (pixels.length !== 512 * 512 * 4) throw new Error(`read back ${pixels.length} bytes`);
    return ms;
  },
  /**
   * Main-thread time of one state change and its frame: the synchronous call (posting the state to
   * the worker) plus the continuation when the worker answers. Everything else runs in the worker.
   */
  async mainThread(backend, kind, i) {
    const t0 = performance.now();
    const pending = KINDS[kind](sides[backend], i);
    const sent = performance.now() - t0;
    await pending;
    const t1 = performance.now();
    await Promise.resolve();
    const ms = sent + (performance.now() - t1);
    // Untimed: wait for the GPU to finish this frame, so that it does not delay the next case's
    // read-back (a WebGPU state change resolves once the frame is submitted, not drawn).
    await sides[backend].viewports[kind].readPixels();
    return ms;
  },
};
