// @ts-check
/**
 * Vitest global setup for the browser project: one Orthanc on the port the config proxies to
 * (FOVEA_BROWSER_ORTHANC_PORT), loaded with the valid files of the conformance corpus. Pages reach
 * it through the Vite server's same-origin proxy, as real deployments reach a PACS.
 */
import { corpusManifest } from '../corpus/corpus.mjs';
import { startOrthanc } from './orthanc.mjs';
import { uploadFiles } from './upload.mjs';

export default async function setup() {
  const port = Number(process.env.FOVEA_BROWSER_ORTHANC_PORT);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error('FOVEA_BROWSER_ORTHANC_PORT is not set by vitest.config.ts');
  const server = await startOrthanc({ port });
  const entries = (await corpusManifest()).filter((entry) => !(entry.edgeCases ?? []).includes('invalid'));
  await uploadFiles(
    server,
    entries.map((entry) => entry.file),
  );
  return () => server.stop();
}
