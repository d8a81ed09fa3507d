/**
 * The auth hook against Orthanc with RegisteredUsers (HTTP Basic): an expired credential gets 401,
 * the token provider is asked again with `refresh: true`, the renewed one succeeds; a credential
 * that stays wrong ends in a typed 401 that carries neither the token nor the password, and
 * nothing is logged.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import { DicomWebClient } from './dicomweb-client.js';
import type { DicomWebError } from './dicomweb-error.js';
import { searchForStudies } from './qido-studies.js';

const PASSWORD = 'correct-horse-battery';
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

const orthanc = useOrthanc({ users: { alice: PASSWORD } });
const logged: unknown[][] = [];

beforeEach(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => logged.push(args));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

it('asks the token provider again after a 401 and succeeds with the renewed token', async () => {
  const calls: boolean[] = [];
  const client = new DicomWebClient({
    root: `${orthanc().url}/dicom-web`,
    authorizationScheme: 'Basic',
    tokenProvider: async ({ refresh }) => {
      calls.push(refresh);
      return refresh ? basic('alice', PASSWORD) : basic('alice', 'expired-password');
    },
  });
  expect(await searchForStudies(client)).toEqual([]);
  expect(calls).toEqual([false, true]);
  // Without any token Orthanc refuses, so the success above is the renewed token's.
  const anonymous = new DicomWebClient({ root: `${orthanc().url}/dicom-web` });
  expect(((await searchForStudies(anonymous).catch((e: unknown) => e)) as DicomWebError).status).toBe(401);
});

it('fails with a typed 401 that leaks neither token nor password, and logs nothing', async () => {
  const token = basic('alice', 'wrong-password');
  const client = new DicomWebClient({
    root: `${orthanc().url}/dicom-web`,
    authorizationScheme: 'Basic',
    tokenProvider: async () => token,
  });
  const error = (await searchForStudies(client, { patientId: 'x' }).catch(
    (e: unknown) => e,
  )) as DicomWebError;
  expect(error.code).toBe('DICOMWEB_HTTP');
  expect(error.status).toBe(401);
  const text = `${error.message} ${error.url} ${String(error.stack)} ${JSON.stringify(error)}`;
  expect(text).not.toContain(token);
  expect(text).not.toContain('wrong-password');
  expect(text).not.toContain(PASSWORD);
  expect(logged).toEqual([]);
});
