/**
 * The generated CT/PET phantom (scripts/sample-data, in `.cache/sample-data`, served by the test
 * server; browser tests only) as @fovea/core `Volume`s, read and assembled exactly as a viewer would: Part 10 parsed
 * by core, grouped into a volume display set, native little-endian frames written slice by slice.
 */
import {
  groupDisplaySets,
  readPart10,
  type Vec3,
  Volume,
  type VolumeDisplaySet,
  VolumeWasmLoader,
} from '@fovea/core';
import { server } from 'vitest/browser';

// Vite serves files outside its public paths through /@fs/ + the absolute path.
const ROOT = new URL(`/@fs${server.config.root}/.cache/sample-data/`, location.origin);

/** Facts the sample manifest records about a series (see scripts/sample-data). */
export interface PhantomSeries {
  key: string;
  files: string[];
  instanceNumbers: number[];
  facts: {
    lesion: {
      centerLps: Vec3;
      radiusMm: number;
      voxel: { column: number; row: number; instanceNumber: number };
    };
  };
}

/** The manifest's entry of a series. */
export async function phantomSeries(key: 'ct' | 'pet'): Promise<PhantomSeries> {
  const manifest = (await (await fetch(new URL('manifest.json', ROOT))).json()) as {
    series: PhantomSeries[];
  };
  const series = manifest.series.find((entry) => entry.key === key);
  if (!series) throw new Error(`The sample manifest has no ${key} series`);
  return series;
}

/**
 * A filled volume of the series' instances whose Instance Number lies in [first, last]
 * (all by default), with `background` outside.
 */
export async function phantomVolume(
  series: PhantomSeries,
  options: { first?: number; last?: number; background?: number } = {},
): Promise<Volume> {
  const first = options.first ?? Number.NEGATIVE_INFINITY;
  const last = options.last ?? Number.POSITIVE_INFINITY;
  const chosen = series.files.filter((_, i) => {
    const number = series.instanceNumbers[i] as number;
    return number >= first && number <= last;
  });
  const files = await Promise.all(
    chosen.map(async (file) => {
      const response = await fetch(new URL(file, ROOT));
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status} (run the sample-data generator)`);
      return readPart10(new Uint8Array(await response.arrayBuffer()));
    }),
  );
  const set = groupDisplaySets(files.map((file) => file.instance)).find(
    (candidate): candidate is VolumeDisplaySet => candidate.type === 'volume',
  );
  if (!set) throw new Error(`${series.key}: no volume display set`);
  const volume = await Volume.create(set, {
    wasm: new VolumeWasmLoader(),
    background: options.background ?? 0,
  });
  const bySop = new Map(files.map((file) => [file.instance.sopInstanceUid, file]));
  set.slices.forEach((slice, i) => {
    const file = bySop.get(slice.instance.sopInstanceUid);
    if (!file) throw new Error('slice without its file');
    const bytes = file.frame(0);
    const signed = slice.instance.pixel?.pixelRepresentation === 1;
    const pixels = signed ? new Int16Array(bytes.byteLength / 2) : new Uint16Array(bytes.byteLength / 2);
    new Uint8Array(pixels.buffer).set(bytes);
    volume.writeSlice(i, pixels);
  });
  return volume;
}
