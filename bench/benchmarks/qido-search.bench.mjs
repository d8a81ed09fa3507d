// @ts-check
/**
 * QIDO-RS study search against Orthanc loaded with the conformance corpus: the cost our client
 * (auth hook, typed parsing) adds over a bare fetch + JSON.parse of the same request.
 */
import { DicomWebClient, searchForStudies } from '@fovea/core';
import { corpusManifest } from '../../scripts/corpus/corpus.mjs';
import { startOrthanc } from '../../scripts/orthanc/orthanc.mjs';
import { uploadFiles } from '../../scripts/orthanc/upload.mjs';

/** @type {import('../../scripts/orthanc/orthanc.mjs').OrthancServer | undefined} */
let orthanc;

/** @type {import('../harness/runner.mjs').Benchmark} */
export default {
  name: 'qido-search',
  description: 'QIDO-RS search of every study in Orthanc (corpus loaded)',
  unit: 'ms per search',
  async setup() {
    orthanc = await startOrthanc();
    const server = orthanc;
    const entries = (await corpusManifest()).filter((e) => !(e.edgeCases ?? []).includes('invalid'));
    await uploadFiles(
      server,
      entries.map((e) => e.file),
    );
    const client = new DicomWebClient({ root: `${server.url}/dicom-web` });
    const includes =
      'includefield=00081030&includefield=00201206&includefield=00201208&includefield=00080061';
    return [
      {
        name: 'fetch + JSON.parse',
        run: async () => (await fetch(`${server.url}/dicom-web/studies?limit=1000&${includes}`)).json(),
      },
      { name: '@fovea/core searchForStudies', run: () => searchForStudies(client, { limit: 1000 }) },
    ];
  },
  async teardown() {
    await orthanc?.stop();
  },
};
