// @ts-check
/** Orthanc holding the generated 300-slice CT, the study every page benchmark loads. */
import { join } from 'node:path';
import { startOrthanc } from '../../../scripts/orthanc/orthanc.mjs';
import { uploadFiles } from '../../../scripts/orthanc/upload.mjs';
import { generateSamples, sampleDataDir } from '../../../scripts/sample-data/generate.mjs';

/**
 * Generates the sample studies (if needed), starts Orthanc and uploads the primary CT to it; the
 * caller stops `orthanc`. Orthanc is stopped here when the upload fails.
 */
export async function startCtOrthanc() {
  const outDir = sampleDataDir();
  const manifest = await generateSamples({ outDir });
  const ct = manifest.series.find((s) => s.primary && s.key === 'ct');
  if (!ct) throw new Error('No primary CT in the sample manifest');
  const orthanc = await startOrthanc();
  try {
    const uploaded = await uploadFiles(
      orthanc,
      ct.files.map((file) => join(outDir, file)),
    );
    const rejected = uploaded.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) throw new Error(`Orthanc rejected ${rejected.length} CT files`);
  } catch (error) {
    await orthanc.stop();
    throw error;
  }
  return { orthanc, ct, query: `?study=${ct.studyInstanceUID}&series=${ct.seriesInstanceUID}` };
}
