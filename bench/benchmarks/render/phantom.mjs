// @ts-check
/** The generated CT phantom of the sample data, assembled by the volume core, for the render benches. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { groupDisplaySets, readPart10, Volume, VolumeWasmLoader } from '@fovea/core';
import { generateSamples, sampleDataDir } from '../../../scripts/sample-data/generate.mjs';

/** The CT phantom as HU voxels (int16) and its geometry, assembled by the volume core. */
export async function loadPhantom() {
  const outDir = sampleDataDir();
  const manifest = await generateSamples({ outDir });
  const ct = manifest.series.find((s) => s.primary && s.key === 'ct');
  if (!ct) throw new Error('No primary CT in the sample manifest');
  const files = await Promise.all(
    ct.files.map(async (file) => readPart10(new Uint8Array(await readFile(join(outDir, file))))),
  );
  const set = groupDisplaySets(files.map((f) => f.instance)).find((s) => s.type === 'volume');
  if (set?.type !== 'volume') throw new Error('The CT phantom does not form a volume');
  const volume = await Volume.create(set, { wasm: new VolumeWasmLoader(), background: -1024 });
  try {
    const bySop = new Map(files.map((f) => [f.instance.sopInstanceUid, f]));
    set.slices.forEach((slice, i) => {
      const bytes = /** @type {(typeof files)[number]} */ (bySop.get(slice.instance.sopInstanceUid)).frame(0);
      const pixels = new Int16Array(bytes.byteLength / 2);
      new Uint8Array(pixels.buffer).set(bytes);
      volume.writeSlice(i, pixels);
    });
    const voxels = volume.voxels();
    const { dimensions, origin, directions, spacing } = volume.geometry;
    return {
      bytes: Buffer.from(voxels.buffer.slice(voxels.byteOffset, voxels.byteOffset + voxels.byteLength)),
      geometry: { ...structuredClone(volume.geometry), dimensions, origin, directions, spacing },
    };
  } finally {
    volume.dispose();
  }
}
