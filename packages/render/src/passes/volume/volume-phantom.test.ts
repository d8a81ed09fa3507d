/**
 * The CPU ray caster on the generated CT phantom, and the stored reference renderings the GPU
 * passes are compared with (volume-phantom.browser.test.ts). The references in reference/*.ppm
 * were made by this file: `FOVEA_UPDATE_VOLUME_REFERENCE=1 pnpm exec vitest run --project node
 * packages/render/src/passes/volume/volume-phantom.test.ts` renders each view of
 * test-support/phantom-views.ts with raycastCpu and writes it; without the variable the
 * renderings are compared with the stored files. Regenerate them only for an intended change of
 * the rendering (and look at them: any image viewer opens PPM).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSamples, sampleDataDir } from '../../../../../scripts/sample-data/generate.mjs';
import { raycastCpu } from '../../cpu/raycast-cpu.js';
import { lesionBrightness } from './test-support/lesion-check.js';
import { loadPhantomCt, type PhantomCt, type SampleManifest } from './test-support/phantom-ct.js';
import { PHANTOM_VIEWS } from './test-support/phantom-views.js';
import { decodePpm, encodePpm } from './test-support/ppm.js';
import { frameDifference } from './test-support/synthetic-volume.js';
import { raySetup } from './volume-camera.js';

const UPDATE = process.env.FOVEA_UPDATE_VOLUME_REFERENCE === '1';
const REFERENCE_DIR = join(import.meta.dirname, 'reference');

let phantom: PhantomCt;
const renderings = new Map<string, Uint8Array>();

beforeAll(async () => {
  const outDir = sampleDataDir();
  const manifest = (await generateSamples({ outDir })) as unknown as SampleManifest;
  phantom = await loadPhantomCt(manifest, async (file) => new Uint8Array(await readFile(join(outDir, file))));
  for (const view of PHANTOM_VIEWS) {
    const setup = raySetup(phantom.geometry, view.camera, view.size);
    renderings.set(
      view.file,
      raycastCpu({ voxels: phantom.voxels, dimensions: phantom.geometry.dimensions }, setup, view.params),
    );
  }
}, 180_000);

describe('CPU ray caster on the CT phantom', () => {
  it.each(PHANTOM_VIEWS)('matches the stored reference within 1 level: $name', async (view) => {
    const rgba = renderings.get(view.file) as Uint8Array;
    const path = join(REFERENCE_DIR, view.file);
    if (UPDATE) await writeFile(path, encodePpm(rgba, view.size[0], view.size[1]));
    const stored = decodePpm(new Uint8Array(await readFile(path)));
    expect([stored.width, stored.height]).toEqual([...view.size]);
    const difference = frameDifference(rgba, stored.rgba, 1);
    expect(difference, JSON.stringify(difference)).toMatchObject({ over: 0 });
  });

  it('shows the lesion bright where geometry projects it, and dark around it', () => {
    const view = PHANTOM_VIEWS[1];
    if (!view) throw new Error('no lesion view');
    const rgba = renderings.get(view.file) as Uint8Array;
    const found = lesionBrightness(
      rgba,
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
