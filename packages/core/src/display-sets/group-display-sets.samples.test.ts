/**
 * Display sets and DICOMweb round trips on the generated sample studies (scripts/sample-data):
 * primary series of every study plus transcoded variants, stored with STOW-RS into a private
 * Orthanc, grouped from Part 10 files and from WADO-RS metadata, frames compared byte for byte.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import { DicomWebClient } from '../dicomweb/dicomweb-client.js';
import type { DicomWebError } from '../dicomweb/dicomweb-error.js';
import { storeInstances } from '../dicomweb/stow-rs.js';
import { retrieveFrames, retrieveInstance, retrieveStudyMetadata } from '../dicomweb/wado-rs.js';
import { type DicomInstance, instanceFromDataset } from '../model/dicom-instance.js';
import { swapBytes } from '../parse/element-value.js';
import type { Part10Instance } from '../parse/part10-instance.js';
import { readPart10 } from '../parse/read-part10.js';
import type { DisplaySet, VolumeDisplaySet } from './display-set.js';
import { groupDisplaySets } from './group-display-sets.js';

const orthanc = useOrthanc();
const outDir = sampleDataDir();
const manifest = await generateSamples({ outDir });
type Series = (typeof manifest.series)[number];
const seriesByKey = new Map(manifest.series.map((series) => [series.key, series]));
const series = (key: string) => seriesByKey.get(key) as Series;

interface SampleFile {
  series: Series;
  bytes: Uint8Array;
  part10: Part10Instance;
}

async function load(key: string, count = Number.POSITIVE_INFINITY): Promise<SampleFile[]> {
  const entry = series(key);
  return Promise.all(
    entry.files.slice(0, count).map(async (file: string) => {
      const bytes = new Uint8Array(await readFile(join(outDir, file)));
      return { series: entry, bytes, part10: readPart10(bytes) };
    }),
  );
}

const PRIMARIES = ['ct', 'pet', 'mr', 'dx', 'cr', 'mg', 'us'];
/** Every transfer syntax, through the small series; two files each. US multi-frame in three encapsulations. */
const VARIANTS = [
  ...manifest.series
    .filter((s) => !s.primary && ['ct', 'pet', 'mr'].includes(s.sourceSeriesKey ?? ''))
    .map((s) => s.key),
  'us--rle',
  'us--jpeg-ls-lossless',
  'us--htj2k-lossless',
];
const primaries = (await Promise.all(PRIMARIES.map((key) => load(key)))).flat();
const variants = (await Promise.all(VARIANTS.map((key) => load(key, 2)))).flat();
const client = () => new DicomWebClient({ root: `${orthanc().url}/dicom-web`, retry: { retries: 0 } });

function summary(sets: DisplaySet[]) {
  return sets.map((set) => ({
    key: set.key,
    type: set.type,
    frameOfReferenceUid: set.frameOfReferenceUid,
    members:
      set.type === 'volume'
        ? set.slices.map((slice) => slice.instance.sopInstanceUid)
        : set.type === 'stack'
          ? set.frames.map((frame) => frame.instance.sopInstanceUid)
          : set.type === 'cine'
            ? [set.instance.sopInstanceUid]
            : set.instances.map((instance) => instance.sopInstanceUid),
  }));
}

function volumeOf(sets: DisplaySet[], key: string): VolumeDisplaySet {
  const set = sets.find((candidate) => candidate.seriesInstanceUid === series(key).seriesInstanceUID);
  if (set?.type !== 'volume') throw new Error(`${key} did not become a volume (${set?.type})`);
  return set;
}

describe('display sets of the sample studies, from Part 10 files', () => {
  const sets = groupDisplaySets(primaries.map((file) => file.part10.instance));

  it('makes the 300-slice CT one volume, 1 mm apart, sorted along the normal', () => {
    const ct = volumeOf(sets, 'ct');
    expect(ct.slices).toHaveLength(300);
    expect(ct.normal).toEqual([0, 0, 1]);
    expect(ct.spacing).toBeCloseTo(1, 6);
    expect(ct.uniformSpacing).toBe(true);
    // InstanceNumber 1 is at z = +150: ascending distance puts it last.
    expect(ct.slices.map((slice) => slice.instance.instanceNumber)).toEqual(
      Array.from({ length: 300 }, (_, i) => 300 - i),
    );
  });

  it('makes the oblique MR one volume along its tilted normal, 5 mm apart', () => {
    const mr = volumeOf(sets, 'mr');
    expect(mr.slices).toHaveLength(40);
    expect(mr.spacing).toBeCloseTo(5, 4);
    expect(mr.uniformSpacing).toBe(true);
    expect(Math.abs(mr.normal[2])).toBeLessThan(0.99);
    expect(Math.abs(mr.normal[2])).toBeGreaterThan(0.9);
    expect(mr.slices.map((slice) => slice.instance.instanceNumber)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('puts PET and CT in one frame of reference, each its own volume', () => {
    const ct = volumeOf(sets, 'ct');
    const pet = volumeOf(sets, 'pet');
    expect(pet.slices).toHaveLength(75);
    expect(pet.spacing).toBeCloseTo(4, 6);
    expect(pet.frameOfReferenceUid).toBeDefined();
    expect(pet.frameOfReferenceUid).toBe(ct.frameOfReferenceUid);
    expect(pet.studyInstanceUid).toBe(ct.studyInstanceUid);
  });

  it('makes the ultrasound a 30-frame cine at its frame time, and each radiograph a one-image stack', () => {
    const us = sets.find((set) => set.seriesInstanceUid === series('us').seriesInstanceUID);
    expect(us?.type).toBe('cine');
    if (us?.type !== 'cine') return;
    expect(us.frameCount).toBe(30);
    expect(us.frameTimeMs).toBeCloseTo(series('us').facts.frameTimeMs as number, 2);
    for (const key of ['dx', 'cr', 'mg']) {
      const set = sets.find((candidate) => candidate.seriesInstanceUid === series(key).seriesInstanceUID);
      expect(set?.type).toBe('stack');
      expect(set?.type === 'stack' && set.frames.length).toBe(1);
    }
    expect(sets).toHaveLength(PRIMARIES.length);
  });
});

describe('the sample studies through DICOMweb', () => {
  beforeAll(async () => {
    const files = [...primaries, ...variants];
    const results = await storeInstances(
      client(),
      files.map((file) => file.bytes),
    );
    expect(results.flatMap((result) => result.failed)).toEqual([]);
    expect(results.reduce((sum, result) => sum + result.stored.length, 0)).toBe(files.length);
  });

  it('groups WADO-RS study metadata into the same display sets as the Part 10 files', async () => {
    const studies = [...new Set(primaries.map((file) => file.series.studyInstanceUID as string))];
    const fromJson: DicomInstance[] = [];
    for (const study of studies) {
      for (const dataset of await retrieveStudyMetadata(client(), study))
        fromJson.push(instanceFromDataset(dataset));
    }
    const variantUids = new Set(variants.map((file) => file.part10.instance.sopInstanceUid));
    const primaryJson = fromJson.filter((instance) => !variantUids.has(instance.sopInstanceUid));
    expect(summary(groupDisplaySets(primaryJson))).toEqual(
      summary(groupDisplaySets(primaries.map((file) => file.part10.instance))),
    );
    // And every instance's model equals the Part 10 one.
    const byUid = new Map(fromJson.map((instance) => [instance.sopInstanceUid, instance]));
    for (const file of [...primaries, ...variants]) {
      expect(byUid.get(file.part10.instance.sopInstanceUid)).toEqual(file.part10.instance);
    }
  });

  it.each(
    [
      ...primaries.filter(
        (file) => file.series.key !== 'ct' || file.part10.instance.instanceNumber! % 10 === 1,
      ),
      ...variants,
    ].map((file) => [`${file.series.key} #${file.part10.instance.instanceNumber}`, file] as const),
  )('serves the frames of %s byte for byte', async (_name, file) => {
    const { part10 } = file;
    const reference = {
      studyInstanceUid: part10.instance.study.studyInstanceUid as string,
      seriesInstanceUid: part10.instance.series.seriesInstanceUid as string,
      sopInstanceUid: part10.instance.sopInstanceUid as string,
    };
    const numbers = Array.from({ length: part10.frameCount }, (_, i) => i + 1);
    const syntax = part10.transferSyntaxUid;
    if (/^1\.2\.840\.10008\.1\.2\.4\.20[123]$/.test(syntax)) {
      // HTJ2K: Orthanc 1.10 answers 500 for its frames; the instance itself comes back intact.
      const refused = await retrieveFrames(client(), reference, [1]).catch((error: DicomWebError) => error);
      expect((refused as DicomWebError).status).toBe(500);
      const whole = readPart10((await retrieveInstance(client(), reference)).bytes);
      expect(whole.transferSyntaxUid).toBe(syntax);
      for (const n of numbers) expect(whole.frame(n - 1)).toEqual(part10.frame(n - 1));
      return;
    }
    // Big endian and deflated give 500 with transfer-syntax=*; Orthanc transcodes them to explicit VR LE.
    const transcode = ['1.2.840.10008.1.2.2', '1.2.840.10008.1.2.1.99'].includes(syntax);
    const frames = await retrieveFrames(client(), reference, numbers, {
      transferSyntaxes: [transcode ? '1.2.840.10008.1.2.1' : '*'],
    });
    for (const frame of frames) {
      expect(frame.transferSyntaxUid).toBe(transcode ? '1.2.840.10008.1.2.1' : syntax);
      let expected = part10.frame(frame.frameNumber - 1);
      if (syntax === '1.2.840.10008.1.2.2')
        expected = swapBytes(expected, (part10.pixel?.bitsAllocated ?? 8) / 8);
      expect(Buffer.from(frame.bytes).equals(Buffer.from(expected))).toBe(true);
    }
  });
});
