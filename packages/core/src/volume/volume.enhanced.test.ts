/**
 * Enhanced multi-frame CT/MR of the conformance corpus as volumes: geometry from each frame's Plane
 * Position / Plane Orientation functional groups, voxels from the frames, known values checked.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import type { VolumeDisplaySet } from '../display-sets/display-set.js';
import { groupDisplaySets } from '../display-sets/group-display-sets.js';
import type { Vec3 } from '../model/image-plane.js';
import { readPart10 } from '../parse/read-part10.js';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { Volume } from './volume.js';
import { patientToVoxel, volumeGeometry, voxelToPatient } from './volume-geometry.js';

const wasm = new VolumeWasmLoader();
const enhanced = (await corpusManifest()).filter((entry) =>
  /^Enhanced (CT|MR) Image Storage$/.test(String(entry.sopClass)),
);

async function load(file: string) {
  const part10 = readPart10(new Uint8Array(await readFile(file)));
  const sets = groupDisplaySets([part10.instance]);
  const volume = sets.find((set): set is VolumeDisplaySet => set.type === 'volume');
  return { part10, sets, volume };
}

/** The stored values of a native 16-bit frame, copied out (frames need not be 2-byte aligned). */
function stored(bytes: Uint8Array, signed: boolean): Int16Array | Uint16Array {
  const copy = bytes.slice().buffer;
  return signed ? new Int16Array(copy) : new Uint16Array(copy);
}

describe('enhanced CT/MR of the corpus as volumes', () => {
  it('has enhanced CT in the corpus (the corpus has no enhanced MR)', () => {
    expect(enhanced.map((entry) => entry.path)).toEqual(['data_store/data/eCT_Supplemental.dcm']);
  });

  it.each(enhanced.map((entry) => [entry.path, entry.file] as const))(
    'places every frame of %s at its Plane Position on the voxel grid',
    async (_path, file) => {
      const { part10, sets, volume } = await load(file);
      expect(sets.map((set) => set.type)).toEqual(['volume']);
      if (!volume) return;
      expect(volume.slices).toHaveLength(part10.frameCount);
      const g = volumeGeometry(volume);
      volume.slices.forEach((slice, i) => {
        const plane = part10.instance.frames[slice.frameIndex]?.plane;
        const voxel = patientToVoxel(g, plane?.imagePositionPatient as Vec3);
        expect(voxel[0]).toBeCloseTo(0, 6);
        expect(voxel[1]).toBeCloseTo(0, 6);
        expect(voxel[2]).toBeCloseTo(g.slotOfSlice[i] as number, 6);
      });
    },
  );

  it('builds eCT_Supplemental into a 512 × 512 × 2 volume with hand-computed geometry and known voxels', async () => {
    const entry = enhanced.find((e) => e.path.endsWith('eCT_Supplemental.dcm'));
    const { part10, volume: set } = await load(entry?.file as string);
    if (!set) throw new Error('no volume');
    // Shared Plane Orientation −1\0\0\0\1\0: rows run to patient right (−x), normal −z. Per-frame
    // Plane Position z = −159 (frame 1) and −149 (frame 2): frame 2 is lowest along the normal.
    expect(set.slices.map((slice) => [slice.frameIndex, slice.distance])).toEqual([
      [1, 149],
      [0, 159],
    ]);
    const volume = await Volume.create(set, { wasm });
    const g = volume.geometry;
    expect(g.dimensions).toEqual([512, 512, 2]);
    expect(g.origin).toEqual([99.5, -301.5, -149]);
    expect(g.directions.map((d) => d.map((v) => v + 0))).toEqual([
      [-1, 0, 0],
      [0, 1, 0],
      [0, 0, -1],
    ]);
    expect(g.spacing).toEqual([0.388672, 0.388672, 10]);
    // Voxel (256, 256, 1): 256 columns of 0.388672 mm to −x, 256 rows to +y, one slot 10 mm to −z.
    const centre = voxelToPatient(g, [256, 256, 1]);
    [99.5 - 256 * 0.388672, -301.5 + 256 * 0.388672, -159].forEach((v, k) => {
      expect(centre[k]).toBeCloseTo(v, 9);
    });
    const signed = part10.instance.pixel?.pixelRepresentation === 1;
    set.slices.forEach((slice, i) => {
      volume.writeSlice(i, stored(part10.frame(slice.frameIndex), signed));
    });
    expect(volume.voxelType).toBe('int16');
    // Stored values at row 256, column 256 (pydicom: 1105 in frame 1, 1022 in frame 2), intercept −1024.
    const voxels = volume.voxels();
    const at = (x: number, y: number, z: number) => voxels[x + 512 * (y + 512 * z)];
    expect(at(256, 256, 0)).toBe(1022 - 1024);
    expect(at(256, 256, 1)).toBe(1105 - 1024);
    // The stored range (0…1196 over both frames, pydicom) maps to −1024…172 HU.
    const stats = volume.statistics();
    expect([stats?.min, stats?.max]).toEqual([-1024, 172]);
    volume.dispose();
  });
});
