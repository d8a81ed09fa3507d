import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import { uploadFiles } from '../../../../scripts/orthanc/upload.mjs';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import { DicomWebClient } from './dicomweb-client.js';
import { DicomWebError } from './dicomweb-error.js';
import { searchForStudies } from './qido-studies.js';

const orthanc = useOrthanc();
let expectedStudies = 0;
let expectedInstances = 0;

beforeAll(async () => {
  const entries = (await corpusManifest()).filter((entry) => !(entry.edgeCases ?? []).includes('invalid'));
  const results = await uploadFiles(
    orthanc(),
    entries.map((entry) => entry.file),
  );
  expect(results.filter((result) => result.status === 'stored').length).toBeGreaterThan(50);
  const all = await (await fetch(`${orthanc().url}/studies`)).json();
  expectedStudies = all.length;
  expectedInstances = (await (await fetch(`${orthanc().url}/instances`)).json()).length;
});

function client() {
  return new DicomWebClient({ root: `${orthanc().url}/dicom-web` });
}

describe('searchForStudies (QIDO-RS against Orthanc)', () => {
  it('lists every stored study with its worklist fields', async () => {
    const studies = await searchForStudies(client());
    expect(studies).toHaveLength(expectedStudies);
    for (const study of studies) {
      // Real-world UIDs are not always conformant (the corpus has one that is a hex hash): pass them through.
      expect(study.studyInstanceUid.length).toBeGreaterThan(0);
    }
    const counted = studies.reduce((sum, study) => sum + (study.numberOfInstances ?? 0), 0);
    expect(counted).toBe(expectedInstances);
    expect(studies.filter((study) => study.modalities.includes('CT')).length).toBeGreaterThan(0);
  });

  it('filters by modality and pages with limit and offset', async () => {
    const mr = await searchForStudies(client(), { modalitiesInStudy: ['MR'] });
    expect(mr.length).toBeGreaterThan(0);
    expect(mr.every((study) => study.modalities.includes('MR'))).toBe(true);
    const first = await searchForStudies(client(), { limit: 2 });
    const second = await searchForStudies(client(), { limit: 2, offset: 2 });
    expect(first).toHaveLength(2);
    expect(second.map((s) => s.studyInstanceUid)).not.toContain(first[0]?.studyInstanceUid);
  });

  it('matches a patient name wildcard and a study date range', async () => {
    const [sample] = (await searchForStudies(client())).filter((s) => s.patientName && s.studyDate);
    if (!sample?.patientName || !sample.studyDate) throw new Error('corpus has no study with name and date');
    const prefix = `${sample.patientName.slice(0, 3)}*`;
    const byName = await searchForStudies(client(), { patientName: prefix });
    expect(byName.map((s) => s.studyInstanceUid)).toContain(sample.studyInstanceUid);
    const inRange = await searchForStudies(client(), {
      studyDate: `${sample.studyDate}-${sample.studyDate}`,
    });
    expect(inRange.every((s) => s.studyDate === sample.studyDate)).toBe(true);
    expect(inRange.map((s) => s.studyInstanceUid)).toContain(sample.studyInstanceUid);
  });

  it('returns an empty list, not an error, when nothing matches', async () => {
    expect(await searchForStudies(client(), { patientId: 'no-such-patient-id' })).toEqual([]);
  });

  it('throws a DicomWebError with status and redacted URL on HTTP errors', async () => {
    const bad = new DicomWebClient({ root: `${orthanc().url}/no-such-root` });
    const error = await searchForStudies(bad, { patientId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DicomWebError);
    expect((error as DicomWebError).status).toBe(404);
    expect((error as DicomWebError).code).toBe('DICOMWEB_HTTP');
  });

  it('throws DICOMWEB_NETWORK when the server is unreachable', async () => {
    const gone = new DicomWebClient({ root: 'http://127.0.0.1:1/dicom-web' });
    const error = await searchForStudies(gone).catch((e: unknown) => e);
    expect((error as DicomWebError).code).toBe('DICOMWEB_NETWORK');
  });

  it('throws DICOMWEB_ABORTED when the caller aborts', async () => {
    const error = await searchForStudies(client(), {}, { signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect((error as DicomWebError).code).toBe('DICOMWEB_ABORTED');
  });
});

describe('DicomWebClient auth hook', () => {
  it('sends the token as a bearer header, asks again after a 401, and keeps it out of errors', async () => {
    // A gateway that accepts only a renewed token, as an OAuth-protected PACS does after expiry.
    const seen: string[] = [];
    const gateway = createServer((request, response) => {
      seen.push(`${request.headers.authorization} ${request.url}`);
      if (request.headers.authorization !== 'Bearer renewed') {
        response.writeHead(401).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/dicom+json' }).end('[]');
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const root = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/dicom-web`;
    try {
      const refreshes: boolean[] = [];
      const renewing = new DicomWebClient({
        root,
        tokenProvider: async ({ refresh }) => {
          refreshes.push(refresh);
          return refresh ? 'renewed' : 'expired';
        },
      });
      expect(await searchForStudies(renewing)).toEqual([]);
      expect(refreshes).toEqual([false, true]);
      expect(seen.every((line) => !line.includes('expired?') && !line.includes('token='))).toBe(true);

      const stale = new DicomWebClient({ root, tokenProvider: async () => 'expired' });
      const error = (await searchForStudies(stale).catch((e: unknown) => e)) as DicomWebError;
      expect(error.status).toBe(401);
      expect(error.message).not.toContain('expired');
    } finally {
      gateway.close();
    }
  });
});
