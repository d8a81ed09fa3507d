import {
  groupDisplaySets,
  readPart10,
  type Vec3,
  Volume,
  type VolumeDisplaySet,
  type VolumeGeometry,
  VolumeWasmLoader,
} from '@fovea/core';

/** The part of the sample manifest (scripts/sample-data) this reads. */
export interface SampleManifest {
  series: { key: string; files: string[]; facts: Record<string, unknown> }[];
}

/** The CT phantom as a volume: HU voxels (int16), its grid, and the lesion the manifest states. */
export interface PhantomCt {
  voxels: Int16Array;
  geometry: VolumeGeometry;
  lesion: { centerLps: Vec3; radiusMm: number; hu: number };
}

/**
 * Assembles the generated CT phantom (300 × 512² int16, scripts/sample-data) through the real
 * volume core, in Node or in the browser: `read` returns the bytes of a file named in the
 * manifest (relative to the sample folder).
 */
export async function loadPhantomCt(
  manifest: SampleManifest,
  read: (file: string) => Promise<Uint8Array>,
): Promise<PhantomCt> {
  const ct = manifest.series.find((s) => s.key === 'ct');
  if (!ct) throw new Error('The sample manifest has no ct series (run `npm run samples`)');
  const files = await Promise.all(ct.files.map(async (file) => readPart10(await read(file))));
  const set = groupDisplaySets(files.map((f) => f.instance)).find(
    (s): s is VolumeDisplaySet => s.type === 'volume',
  );
  if (!set) throw new Error('The CT phantom does not form a volume');
  const volume = await Volume.create(set, { wasm: new VolumeWasmLoader(), background: -1024 });
  try {
    const bySop = new Map(files.map((f) => [f.instance.sopInstanceUid, f]));
    set.slices.forEach((slice, i) => {
      const file = bySop.get(slice.instance.sopInstanceUid);
      if (!file) throw new Error(`No file for slice ${i}`);
      const bytes = file.frame(0);
      const pixels = new Int16Array(bytes.byteLength / 2);
      new Uint8Array(pixels.buffer).set(bytes);
      volume.writeSlice(i, pixels);
    });
    const voxels = volume.voxels();
    if (!(voxels instanceof Int16Array)) throw new Error('The CT phantom did not stay int16');
    return {
      voxels: voxels.slice(),
      geometry: structuredClone(volume.geometry),
      lesion: ct.facts.lesion as PhantomCt['lesion'],
    };
  } finally {
    volume.dispose();
  }
}
