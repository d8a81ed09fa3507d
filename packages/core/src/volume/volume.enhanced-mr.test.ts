/**
 * An enhanced multi-frame MR made by a real tool: dcmjs's normalizer converts the generated oblique
 * MR series (40 single-frame instances, scripts/sample-data) into one Legacy Converted Enhanced MR
 * with per-frame Plane Position and shared Plane Orientation functional groups. The corpus has no
 * enhanced MR; this is the next best real one. Its volume must equal the single-frame series' one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import type { VolumeDisplaySet } from '../display-sets/display-set.js';
import { groupDisplaySets } from '../display-sets/group-display-sets.js';
import type { Vec3 } from '../model/image-plane.js';
import type { Part10Instance } from '../parse/part10-instance.js';
import { readPart10 } from '../parse/read-part10.js';
import { VolumeWasmLoader } from '../wasm/volume-wasm.js';
import { Volume } from './volume.js';
import { patientToVoxel } from './volume-geometry.js';

/** The parts of dcmjs used here (its bundled types in src/dcmjs.d.ts cover only the reader). */
interface DcmjsWriter {
  data: {
    DicomDict: new (meta: unknown) => { dict: unknown; write(): ArrayBuffer };
    DicomMessage: { readFile(buffer: ArrayBuffer): { dict: unknown } };
    DicomMetaDictionary: {
      naturalizeDataset(dict: unknown): Record<string, unknown>;
      denaturalizeDataset(dataset: unknown): unknown;
    };
  };
  normalizers: { Normalizer: { normalizeToDataset(datasets: unknown[]): Record<string, unknown> } };
}
const dcmjsWriter = dcmjs as unknown as DcmjsWriter;
const { DicomDict, DicomMessage, DicomMetaDictionary } = dcmjsWriter.data;
const LEGACY_ENHANCED_MR = '1.2.840.10008.5.1.4.1.1.4.4';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';

const outDir = sampleDataDir();
const manifest = await generateSamples({ outDir });
const mr = manifest.series.find((s) => s.key === 'mr');
if (!mr) throw new Error('the sample manifest has no mr series');
const feature = mr.facts.feature as {
  centerLps: Vec3;
  value: number;
  voxel: { column: number; row: number; instanceNumber: number };
};
const buffers = await Promise.all(mr.files.map((file) => readFile(join(outDir, file))));

/** The series as one enhanced multi-frame Part 10 file, through dcmjs. */
function enhancedFile(): Uint8Array {
  const datasets = buffers.map((buffer) => {
    const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    const dataset = DicomMetaDictionary.naturalizeDataset(DicomMessage.readFile(bytes).dict);
    // The reader gives Pixel Data as a list of buffers; the normalizer copies one buffer per frame.
    dataset.PixelData = (dataset.PixelData as ArrayBuffer[])[0];
    return dataset;
  });
  const multi = dcmjsWriter.normalizers.Normalizer.normalizeToDataset(datasets);
  // dcmjs 0.51 leaves the class name where the UID belongs.
  multi.SOPClassUID = LEGACY_ENHANCED_MR;
  multi.SOPInstanceUID = '2.25.424242';
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: LEGACY_ENHANCED_MR,
    MediaStorageSOPInstanceUID: multi.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_LE,
    ImplementationClassUID: '2.25.1',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(multi);
  return new Uint8Array(dict.write());
}

async function filled(set: VolumeDisplaySet, frame: (i: number) => Uint8Array, signed: boolean) {
  const volume = await Volume.create(set, { wasm: new VolumeWasmLoader() });
  set.slices.forEach((_, i) => {
    const copy = frame(i).slice().buffer;
    volume.writeSlice(i, signed ? new Int16Array(copy) : new Uint16Array(copy));
  });
  return volume;
}

describe('an enhanced MR converted by dcmjs from the oblique sample MR', () => {
  it('is one volume from per-frame Plane Positions, equal to the single-frame series voxel for voxel', async () => {
    const singles = buffers.map((buffer) => readPart10(new Uint8Array(buffer)));
    const enhanced = readPart10(enhancedFile());
    expect(enhanced.instance.sopClassUid).toBe(LEGACY_ENHANCED_MR);
    expect(enhanced.frameCount).toBe(40);
    const [multiSet, ...rest] = groupDisplaySets([enhanced.instance]);
    const singleSet = groupDisplaySets(singles.map((file) => file.instance))[0];
    expect(rest).toEqual([]);
    if (multiSet?.type !== 'volume' || singleSet?.type !== 'volume') throw new Error('not volumes');
    expect(multiSet.slices).toHaveLength(40);

    const bySop = new Map<string | undefined, Part10Instance>(
      singles.map((file) => [file.instance.sopInstanceUid, file]),
    );
    const signed = enhanced.instance.pixel?.pixelRepresentation === 1;
    const fromFrames = await filled(
      multiSet,
      (i) => enhanced.frame(multiSet.slices[i]?.frameIndex ?? -1),
      signed,
    );
    const fromFiles = await filled(
      singleSet,
      (i) => (bySop.get(singleSet.slices[i]?.instance.sopInstanceUid) as Part10Instance).frame(0),
      signed,
    );
    const a = fromFrames.geometry;
    const b = fromFiles.geometry;
    expect([a.dimensions, a.spacingKind, a.missingSlots]).toEqual([
      b.dimensions,
      b.spacingKind,
      b.missingSlots,
    ]);
    for (let k = 0; k < 3; k++) {
      expect(a.origin[k]).toBeCloseTo(b.origin[k] as number, 5);
      expect(a.spacing[k]).toBeCloseTo(b.spacing[k] as number, 5);
      a.directions[k]?.forEach((v, j) => {
        expect(v).toBeCloseTo(b.directions[k]?.[j] as number, 6);
      });
    }
    // Views of WASM memory: compare the voxels, not the whole memories.
    const bytes = (v: Int16Array | Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    expect(bytes(fromFrames.voxels()).equals(bytes(fromFiles.voxels()))).toBe(true);

    // The bright sphere's centre (known LPS position) lands on its known column, row and slice.
    const [x, y, z] = patientToVoxel(a, feature.centerLps);
    expect([Math.round(x), Math.round(y)]).toEqual([feature.voxel.column, feature.voxel.row]);
    const slot = Math.round(z);
    const slice = b.slotOfSlice.indexOf(slot);
    expect(singleSet.slices[slice]?.instance.instanceNumber).toBe(feature.voxel.instanceNumber);
    const [nx, ny] = a.dimensions;
    expect(fromFrames.voxels()[feature.voxel.column + nx * (feature.voxel.row + ny * slot)]).toBe(
      feature.value,
    );
    fromFrames.dispose();
    fromFiles.dispose();
  }, 60_000);
});
