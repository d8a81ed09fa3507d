/**
 * SUVbw on the generated PET (scripts/sample-data/pet.mjs): the factor of every slice against the
 * generator's own Bq/ml per SUVbw, and the lesion's centre voxel read as the SUV it was made with.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import { jsonNumber } from '../dicom-json/dicom-json.js';
import { readPart10 } from '../parse/read-part10.js';
import { suvbwScale } from './suv.js';

const outDir = sampleDataDir();
const manifest = await generateSamples({ outDir });
const pet = manifest.series.find((series) => series.key === 'pet');
if (!pet) throw new Error('the sample manifest has no PET series');
const facts = pet.facts as {
  bqmlPerSuvbw: number;
  lesion: { suvbw: number; voxel: { column: number; row: number; instanceNumber: number } };
};
const files = await Promise.all(
  pet.files.map(async (file: string) => readPart10(new Uint8Array(await readFile(join(outDir, file))))),
);

describe('suvbwScale on the generated PET', () => {
  it('gives 1 / (Bq/ml per SUVbw) on every slice, within 1e-9', () => {
    expect(files.length).toBe(75);
    for (const file of files) {
      const { factor } = suvbwScale(file.dataset);
      expect(Math.abs(factor * facts.bqmlPerSuvbw - 1)).toBeLessThan(1e-9);
    }
  });

  it('gives the same factor through every transfer syntax of the PET (first file of each variant)', async () => {
    const variants = manifest.series.filter((series) => series.sourceSeriesKey === 'pet' && !series.primary);
    expect(variants.length).toBeGreaterThan(5);
    for (const variant of variants) {
      const file = readPart10(new Uint8Array(await readFile(join(outDir, variant.files[0] as string))));
      expect(Math.abs(suvbwScale(file.dataset).factor * facts.bqmlPerSuvbw - 1), variant.key).toBeLessThan(
        1e-9,
      );
    }
  });

  it("reads the lesion's centre voxel as its SUVbw (stored value × slope × factor)", () => {
    const { column, row, instanceNumber } = facts.lesion.voxel;
    const file = files.find((f) => f.instance.instanceNumber === instanceNumber);
    if (!file) throw new Error(`no PET instance ${instanceNumber}`);
    const columns = file.pixel?.columns ?? 0;
    const frame = file.frame(0);
    const stored = new DataView(frame.buffer, frame.byteOffset).getUint16((row * columns + column) * 2, true);
    const slope = jsonNumber(file.dataset, '00281053') ?? 1;
    const intercept = jsonNumber(file.dataset, '00281052') ?? 0;
    const suv = (stored * slope + intercept) * suvbwScale(file.dataset).factor;
    expect(suv).toBeCloseTo(facts.lesion.suvbw, 2);
  });
});
