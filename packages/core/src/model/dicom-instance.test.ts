import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { readPart10 } from '../parse/read-part10.js';
import { instanceFromDataset } from './dicom-instance.js';

const entries = await corpusManifest();
const read = async (suffix: string) =>
  readPart10(
    new Uint8Array(await readFile(entries.find((entry) => entry.path.endsWith(suffix))?.file as string)),
  );

describe('instanceFromDataset', () => {
  it('resolves enhanced CT functional groups per frame: own positions, shared orientation, measures, rescale and window', async () => {
    const { instance } = await read('data_store/data/eCT_Supplemental.dcm');
    expect(instance.frames).toHaveLength(2);
    expect(instance.frames.map((frame) => frame.plane.imagePositionPatient)).toEqual([
      [99.5, -301.5, -159],
      [99.5, -301.5, -149],
    ]);
    for (const frame of instance.frames) {
      expect(frame.plane.imageOrientationPatient).toEqual([-1, 0, 0, 0, 1, 0]);
      expect(frame.plane.pixelSpacing).toEqual([0.388672, 0.388672]);
      expect(frame.plane.sliceThickness).toBe(10);
      expect(frame.modalityLut).toMatchObject({
        rescaleSlope: 1,
        rescaleIntercept: -1024,
        rescaleType: 'US',
      });
      expect(frame.voi.windows).toEqual([{ center: 49, width: 102, explanation: undefined }]);
      expect(frame.frameContent).toBeDefined();
    }
  });

  it('reads a modality LUT sequence with a signed first mapped value', async () => {
    const { instance } = await read('data_store/data/mlut_18.dcm');
    const lut = instance.frames[0]?.modalityLut.lut;
    expect(lut).toMatchObject({ entries: 4096, firstMapped: -2048, bitsPerEntry: 16 });
    expect(lut?.data && 'words' in lut.data ? lut.data.words.slice(0, 3) : []).toEqual([0, 16, 32]);
    expect(instance.frames[0]?.modalityLut.lutType).toBe('US');
  });

  it('reads palettes, segment numbers and dimension indices', async () => {
    const palette = (await read('data_store/data/OBXXXX1A.dcm')).instance.palette;
    expect(palette?.red).toMatchObject({ entries: 256, firstMapped: 0, bitsPerEntry: 16 });
    expect(
      palette?.red.data && 'words' in palette.red.data ? palette.red.data.words.slice(0, 4) : [],
    ).toEqual([0, 256, 256, 256]);
    const seg = (await read('data_store/data/liver.dcm')).instance;
    expect(seg.kind).toBe('seg');
    expect(seg.frames.map((frame) => frame.segmentNumber)).toEqual([1, 1, 1]);
    expect(seg.frames.map((frame) => frame.frameContent?.dimensionIndexValues)).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it('builds the same model from DICOM JSON written by a server, with strings padded and numbers as strings', () => {
    const json: DicomJsonDataset = {
      '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
      '00080018': { vr: 'UI', Value: ['1.2.3.4'] },
      '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane ' }] },
      '00200013': { vr: 'IS', Value: ['7'] },
      '00200032': { vr: 'DS', Value: ['-1.5', '2', '-0'] },
      '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
      '00280010': { vr: 'US', Value: [2] },
      '00280011': { vr: 'US', Value: [2] },
      '00280100': { vr: 'US', Value: [16] },
      '00281050': { vr: 'DS', Value: [40, 400] },
      '00281051': { vr: 'DS', Value: [400, 2000] },
      '00281055': { vr: 'LO', Value: ['SOFT', 'BONE'] },
    };
    const instance = instanceFromDataset(json);
    expect(instance.patient.patientName).toEqual({ alphabetic: 'Doe^Jane' });
    expect(instance.instanceNumber).toBe(7);
    expect(instance.frames[0]?.plane.imagePositionPatient).toEqual([-1.5, 2, 0]);
    expect(Object.is(instance.frames[0]?.plane.imagePositionPatient?.[2], 0)).toBe(true);
    expect(instance.frames[0]?.voi.windows).toEqual([
      { center: 40, width: 400, explanation: 'SOFT' },
      { center: 400, width: 2000, explanation: 'BONE' },
    ]);
    expect(instance.kind).toBe('image');
    // No SOP class, no pixels: kept as 'other'.
    expect(instanceFromDataset({}).kind).toBe('other');
    expect(
      instanceFromDataset({ '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.88.22'] } }).kind,
    ).toBe('sr');
  });
});
