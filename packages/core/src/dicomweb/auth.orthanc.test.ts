/**
 * The auth hook against Orthanc with RegisteredUsers (HTTP Basic): an expired credential gets 401,
 * the token provider is asked again with `refresh: true`, the renewed one succeeds; a credential
 * that stays wrong ends in a typed 401 that carries neither the token nor the password, and
 * nothing is logged.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { orthancConfig } from '../../../../scripts/orthanc/config.mjs';
import { ORTHANC_BINARY } from '../../../../scripts/orthanc/orthanc.mjs';
import { freePort } from '../../../../scripts/orthanc/ports.mjs';
import { DicomWebClient } from './dicomweb-client.js';
import type { DicomWebError } from './dicomweb-error.js';
import { searchForStudies } from './qido-studies.js';

const PASSWORD = 'correct-horse-battery';
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

// startOrthanc() waits for an unauthenticated GET /system, which RegisteredUsers answers with 401,
// so this file starts Orthanc itself from the harness's configuration and polls with credentials.
let child: ChildProcess | undefined;
let workDir: string;
let url: string;
const orthanc = () => ({ url });

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'fovea-auth-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const config = orthancConfig({ port, storageDir: workDir, users: { alice: PASSWORD } });
  await writeFile(join(workDir, 'orthanc.json'), JSON.stringify(config));
  child = spawn(ORTHANC_BINARY, [join(workDir, 'orthanc.json')], { stdio: 'ignore' });
  const headers = { authorization: `Basic ${basic('alice', PASSWORD)}` };
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}/system`, { headers }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Orthanc with RegisteredUsers did not start');
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  await rm(workDir, { recursive: true, force: true });
});
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
