/**
 * Ultrasound calibration of every file of the conformance corpus (shared/corpus) that carries a
 * Sequence of Ultrasound Regions, read with core's Part 10 parser.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../../../scripts/corpus/corpus.mjs';
import { jsonNumber } from '../dicom-json/dicom-json.js';
import { readPart10 } from '../parse/read-part10.js';
import { ultrasoundCalibration } from './ultrasound-calibration.js';
import { ultrasoundRegions } from './ultrasound-regions.js';

async function calibrationOf(file: string) {
  const { dataset } = readPart10(new Uint8Array(await readFile(file)));
  const regions = ultrasoundRegions(dataset);
  if (regions.length === 0) return undefined;
  const size = [jsonNumber(dataset, '00280011') ?? 0, jsonNumber(dataset, '00280010') ?? 0] as const;
  return ultrasoundCalibration(regions, size);
}

const files = await corpusFiles();
const results = new Map<string, Awaited<ReturnType<typeof calibrationOf>>>();
for (const file of files) {
  try {
    const result = await calibrationOf(file);
    if (result) results.set(file.slice(file.lastIndexOf('/') + 1), result);
  } catch {
    // Files the parser refuses (truncated, invalid) are the parser tests' business.
  }
}

describe('ultrasound calibration over the corpus', () => {
  it('finds the corpus files with regions', () => {
    expect([...results.keys()].sort()).toEqual([
      'JPGLosslessP14SV1_1s_1f_8b.dcm',
      'OBXXXX1A.dcm',
      'OBXXXX1A_2frame.dcm',
      'OBXXXX1A_expb.dcm',
      'OBXXXX1A_expb_2frame.dcm',
      'OBXXXX1A_rle.dcm',
      'OBXXXX1A_rle_2frame.dcm',
      'examples_palette.dcm',
    ]);
  });

  it('calibrates the obstetric scan by its 2D tissue region, ignoring its waveform strip', () => {
    for (const [name, result] of results) {
      if (!name.startsWith('OBXXXX1A')) continue;
      // (0018,602C/602E) 0.02622878766196998 cm; the second region is a waveform in seconds.
      const mm = 0.02622878766196998 * 10;
      expect(result).toMatchObject({ ok: true, spacingMm: [mm, mm] });
      expect(result?.ok && result.regions).toHaveLength(1);
    }
    expect(results.get('JPGLosslessP14SV1_1s_1f_8b.dcm')).toMatchObject({
      ok: true,
      spacingMm: [0.025476696592378157 * 10, 0.025476696592378157 * 10],
    });
  });

  it('refuses the palette example: cut to 350 rows, its region still runs to row 518', () => {
    expect(results.get('examples_palette.dcm')).toEqual({ ok: false, reason: 'outside-image' });
  });
});
