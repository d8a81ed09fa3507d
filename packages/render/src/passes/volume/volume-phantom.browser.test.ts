/**
 * The volume pass on the generated CT phantom, on both backends: each rendering equals the stored
 * reference (made by the CPU ray caster, see volume-phantom.test.ts) within a small tolerance,
 * and the lesion shows where geometry projects it. The phantom is read from the sample folder
 * (`.cache/sample-data`, made by `npm run samples` or any Node test that needs it) through Vite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendKind, RenderBackend, RenderTarget } from '../../gpu/backend.js';
import type { VolumeTexture } from '../../volume/volume-texture.js';
import { WebGl2Backend } from '../../webgl2/webgl2-backend.js';
import { WebGpuBackend } from '../../webgpu/webgpu-backend.js';
import { lesionBrightness } from './test-support/lesion-check.js';
import { loadPhantomCt, type PhantomCt, type SampleManifest } from './test-support/phantom-ct.js';
import { PHANTOM_VIEWS } from './test-support/phantom-views.js';
import { decodePpm } from './test-support/ppm.js';
import { frameDifference } from './test-support/synthetic-volume.js';
import { raySetup } from './volume-camera.js';
import type { VolumeRenderPass } from './volume-pass-interface.js';

const SAMPLES = '/.cache/sample-data';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${url}: HTTP ${response.status} (generate the samples: npm run samples)`);
  return new Uint8Array(await response.arrayBuffer());
}

let phantom: PhantomCt;

beforeAll(async () => {
  const manifest = JSON.parse(
    new TextDecoder().decode(await fetchBytes(`${SAMPLES}/manifest.json`)),
  ) as SampleManifest;
  phantom = await loadPhantomCt(manifest, (file) => fetchBytes(`${SAMPLES}/${file}`));
}, 180_000);

describe.each<BackendKind>(['webgpu', 'webgl2'])('volume pass on the CT phantom, %s', (kind) => {
  let backend: RenderBackend;
  let texture: VolumeTexture;
  let pass: VolumeRenderPass;
  const frames = new Map<string, Uint8Array>();

  beforeAll(async () => {
    backend =
      kind === 'webgpu'
        ? await WebGpuBackend.create((navigator as Navigator & { gpu: GPU }).gpu)
        : WebGl2Backend.create();
    texture = backend.createVolumeTexture(phantom.geometry.dimensions, phantom.voxels);
    texture.write(0, phantom.voxels);
    pass = backend.createVolumeRenderPass();
    pass.setVolume(texture);
    for (const view of PHANTOM_VIEWS) {
      if (view.params.mode !== 'dvr') throw new Error('the phantom views are DVR');
      const target: RenderTarget = backend.createTarget(new OffscreenCanvas(view.size[0], view.size[1]));
      pass.setTransferTable(view.params.table);
      pass.setDrawParams({
        setup: raySetup(phantom.geometry, view.camera, view.size),
        mode: 'dvr',
        shading: view.params.shading,
        mipWindow: { center: 0, width: 1 },
        sampleDistance: view.params.sampleDistance,
      });
      frames.set(view.file, (await backend.drawFrame(target, [pass], true)) as Uint8Array);
    }
  }, 180_000);

  afterAll(() => {
    pass?.dispose();
    texture?.dispose();
    backend?.destroy();
  });

  it.each(PHANTOM_VIEWS)('matches the stored reference: $name', async (view) => {
    const stored = decodePpm(await fetchBytes(new URL(`./reference/${view.file}`, import.meta.url).pathname));
    // f32 on the GPU against f64 on the CPU: every channel within 2 levels, nearly all equal.
    const difference = frameDifference(frames.get(view.file) as Uint8Array, stored.rgba, 2);
    expect(difference.max, JSON.stringify(difference)).toBeLessThanOrEqual(2);
    expect(difference.mean, JSON.stringify(difference)).toBeLessThan(0.01);
  });

  it('shows the lesion bright where geometry projects it, and dark around it', () => {
    const view = PHANTOM_VIEWS[1];
    if (!view) throw new Error('no lesion view');
    const found = lesionBrightness(
      frames.get(view.file) as Uint8Array,
      view.size,
      phantom.geometry,
      view.camera,
      phantom.lesion.centerLps,
      phantom.lesion.radiusMm,
    );
    expect(found.inside, JSON.stringify(found)).toBeGreaterThan(150);
    expect(found.around, JSON.stringify(found)).toBeLessThan(20);
  });
});
