/**
 * Deterministic test volumes for the render tests: @fovea/core `Volume`s filled with random
 * stored values through the real WASM core (the CPU reslice the GPU is compared with), built
 * from a minimal synthetic volume display set.
 */
import { type Vec3, Volume, type VolumeDisplaySet, VolumeWasmLoader } from '@fovea/core';
import { random } from './test-images.js';

/** What a random volume looks like. */
export interface RandomVolumeSpec {
  dimensions: readonly [number, number, number];
  /** Row then column direction cosines of every slice. */
  orientation?: readonly [number, number, number, number, number, number];
  /** [between rows, between columns] mm. */
  pixelSpacing?: readonly [number, number];
  sliceSpacing?: number;
  /** Stored values are drawn from [low, high]. */
  range: readonly [number, number];
  slope?: number;
  intercept?: number;
  /** Value of voxels outside any slice (modality units). */
  background?: number;
  seed: number;
  /** Write only the first n slices (the rest keep the background), as if still streaming. */
  writtenSlices?: number;
}

const loader = new VolumeWasmLoader();

/**
 * A filled core `Volume`: every slice random stored values, written with its rescale (int16 while
 * slope and intercept are whole numbers, float32 otherwise).
 */
export async function randomVolume(spec: RandomVolumeSpec): Promise<Volume> {
  const [columns, rows, slices] = spec.dimensions;
  const orientation = spec.orientation ?? [1, 0, 0, 0, 1, 0];
  const row = orientation.slice(0, 3) as unknown as Vec3;
  const column = orientation.slice(3) as unknown as Vec3;
  const normal: Vec3 = [
    row[1] * column[2] - row[2] * column[1],
    row[2] * column[0] - row[0] * column[2],
    row[0] * column[1] - row[1] * column[0],
  ];
  const pixelSpacing = spec.pixelSpacing ?? [1, 1];
  const sliceSpacing = spec.sliceSpacing ?? 1;
  const origin: Vec3 = [-10, 20, -30];
  const set = syntheticSet(
    Array.from(
      { length: slices },
      (_, z) => origin.map((o, a) => o + z * sliceSpacing * (normal[a] as number)) as Vec3,
    ),
    { rows, columns, orientation, pixelSpacing, slope: spec.slope ?? 1, intercept: spec.intercept ?? 0 },
  );
  const volume = await Volume.create(set, { wasm: loader, background: spec.background ?? 0 });
  const next = random(spec.seed);
  const [low, high] = spec.range;
  for (let z = 0; z < (spec.writtenSlices ?? slices); z++) {
    const pixels = new Int16Array(rows * columns);
    for (let i = 0; i < pixels.length; i++) pixels[i] = low + Math.floor(next() * (high - low + 1));
    volume.writeSlice(z, pixels);
  }
  return volume;
}

interface SetBase {
  rows: number;
  columns: number;
  orientation: readonly number[];
  pixelSpacing: readonly [number, number];
  slope: number;
  intercept: number;
}

/** A volume display set of synthetic instances with just what the volume core reads. */
export function syntheticSet(positions: readonly Vec3[], base: SetBase): VolumeDisplaySet {
  const slices = positions.map((position, i) => ({
    frameIndex: 0,
    distance: i,
    instance: {
      sopInstanceUid: `2.25.${i + 1}`,
      instanceNumber: i + 1,
      pixel: {
        rows: base.rows,
        columns: base.columns,
        samplesPerPixel: 1,
        bitsAllocated: 16,
        bitsStored: 16,
        highBit: 15,
        pixelRepresentation: 1,
        photometricInterpretation: 'MONOCHROME2',
      },
      frames: [
        {
          index: 0,
          plane: {
            imagePositionPatient: position,
            imageOrientationPatient: [...base.orientation],
            pixelSpacing: [...base.pixelSpacing],
          },
          modalityLut: { rescaleSlope: base.slope, rescaleIntercept: base.intercept },
        },
      ],
    },
  }));
  return { type: 'volume', slices, rows: base.rows, columns: base.columns } as unknown as VolumeDisplaySet;
}
