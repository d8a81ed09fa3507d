import { type DicomWebClient, storeInstances, type Vec3 } from '@fovea/core';

/**
 * A generated sample series as `.cache/sample-data/manifest.json` describes it (browser tests
 * read the manifest and the files through the test server). `facts` is the generator's ground
 * truth; volume tests use the CT and PET lesion.
 */
export interface SampleSeries {
  key: string;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  files: string[];
  facts: {
    lesion: { centerLps: Vec3; hu: number; radiusMm: number };
    /** PET only: Bq/ml per SUVbw unit, from the generator's dose, times and weight. */
    bqmlPerSuvbw?: number;
  };
}

/** The manifest's series `key`; throws when the generator did not make it. */
export async function sampleSeries(key: string): Promise<SampleSeries> {
  const response = await fetch('/.cache/sample-data/manifest.json');
  if (!response.ok) throw new Error(`sample manifest: HTTP ${response.status}`);
  const manifest = (await response.json()) as { series: SampleSeries[] };
  const series = manifest.series.find((s) => s.key === key);
  if (!series) throw new Error(`sample series ${key} is missing: run the sample-data generator`);
  return series;
}

/** Stores the manifest's series `key` in the server behind `client` (STOW-RS) and returns it. */
export async function storeSampleSeries(client: DicomWebClient, key: string): Promise<SampleSeries> {
  const series = await sampleSeries(key);
  const files = await Promise.all(
    series.files.map(async (file) => {
      const response = await fetch(`/.cache/sample-data/${file}`);
      if (!response.ok) throw new Error(`sample file ${file}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
  await storeInstances(client, files);
  return series;
}
