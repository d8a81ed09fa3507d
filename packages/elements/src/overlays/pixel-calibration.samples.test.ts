/**
 * The scale bar's calibration of the generated ultrasound cine (scripts/sample-data/us-cine.mjs):
 * from its Part 10 file read by core's parser, and from its WADO-RS metadata as a real Orthanc
 * serves it to the viewport, through frameFacts (what the viewport calls).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DicomWebClient, instanceFromDataset, readPart10, retrieveSeriesMetadata } from '@fovea/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFiles } from '../../../../scripts/orthanc/upload.mjs';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import { generateSamples, sampleDataDir } from '../../../../scripts/sample-data/generate.mjs';
import { frameFacts } from '../viewport/frame-facts.js';
import { pixelCalibration } from './pixel-calibration.js';

const orthanc = useOrthanc();
const dir = sampleDataDir();
let us: { file: string; studyUid: string; seriesUid: string; cmPerPixel: number; frameTimeMs: number };

beforeAll(async () => {
  const manifest = await generateSamples({ outDir: dir });
  const series = manifest.series.find((s) => s.key === 'us');
  if (!series?.files[0]) throw new Error('sample series us missing');
  us = {
    file: join(dir, series.files[0]),
    studyUid: series.studyInstanceUID,
    seriesUid: series.seriesInstanceUID,
    cmPerPixel: (series.facts as { cmPerPixel: number }).cmPerPixel,
    frameTimeMs: (series.facts as { frameTimeMs: number }).frameTimeMs,
  };
  await uploadFiles(orthanc(), [us.file]);
}, 300_000);

describe('ultrasound calibration of the generated US cine', () => {
  it('reads (0018,602C/602E) of the 2D tissue region from the Part 10 file: cm per pixel × 10 mm', async () => {
    const { dataset } = readPart10(new Uint8Array(await readFile(us.file)));
    // The file has no Pixel Spacing: without the regions there would be no bar at all.
    expect(dataset['00280030']).toBeUndefined();
    const calibration = pixelCalibration(dataset);
    expect(calibration).toMatchObject({
      spacing: [us.cmPerPixel * 10, us.cmPerPixel * 10],
      source: 'ultrasound-region',
    });
    // Where it holds: the sector (apex at row 30, 430 px deep, ±36°) and the colour box in it.
    expect(calibration?.validIn).toHaveLength(2);
    expect(calibration?.validIn?.[0]).toEqual({ minX: 67, minY: 30, maxX: 573, maxY: 460 });
  });

  it('gives the viewport the same calibration from the WADO-RS metadata, and each frame its time', async () => {
    const client = new DicomWebClient({ root: `${orthanc().url}/dicom-web`, retry: { retries: 0 } });
    const [dataset] = await retrieveSeriesMetadata(client, us.studyUid, us.seriesUid);
    if (!dataset) throw new Error('no metadata');
    const instance = instanceFromDataset(dataset);
    for (const frameIndex of [0, 5, 29]) {
      const facts = frameFacts({ instance, frameIndex }, dataset);
      expect(facts.calibration).toMatchObject({
        spacing: [us.cmPerPixel * 10, us.cmPerPixel * 10],
        source: 'ultrasound-region',
      });
      expect(facts.calibration?.validIn).toHaveLength(2);
      // (0018,1063) Frame Time 33.33 ms: frame 5 was acquired 166.65 ms after the first.
      expect(facts.annotation.cineElapsedMs).toBeCloseTo(frameIndex * us.frameTimeMs, 9);
    }
  });
});
