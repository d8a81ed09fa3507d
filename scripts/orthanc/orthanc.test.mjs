// @ts-check
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusFiles } from '../corpus/corpus.mjs';
import { OrthancHarnessError, startOrthanc } from './orthanc.mjs';
import { uploadFiles } from './upload.mjs';

/** @type {import('./orthanc.mjs').OrthancServer[]} */
const started = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
});

/** @param {import('./orthanc.mjs').OrthancOptions} [options] */
async function start(options) {
  const server = await startOrthanc(options);
  started.push(server);
  return server;
}

/** @param {number} pid */
function processExists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Orthanc harness', () => {
  it('starts on a free loopback port with DICOMweb enabled and stops by PID', async () => {
    const server = await start();
    const system = await (await fetch(`${server.url}/system`)).json();
    expect(system.Name).toBe('fovea-test');
    const qido = await fetch(`${server.url}/dicom-web/studies`);
    expect(qido.status).toBe(200);
    const pid = /** @type {number} */ (server.pid);
    await server.stop();
    expect(processExists(pid)).toBe(false);
    await expect(fetch(`${server.url}/system`)).rejects.toThrow();
  });

  it('stores a corpus file and serves it back through QIDO-RS', async () => {
    const server = await start();
    const [file] = (await corpusFiles()).filter((f) => f.endsWith('CTImage.dcm'));
    const [result] = await uploadFiles(server, [/** @type {string} */ (file)]);
    expect(result?.status).toBe('stored');
    const studies = await (await fetch(`${server.url}/dicom-web/studies`)).json();
    expect(studies).toHaveLength(1);
  });

  it('reports rejected files without throwing', async () => {
    const server = await start();
    const notDicom = join(import.meta.dirname, 'config.mjs');
    const [result] = await uploadFiles(server, [notDicom]);
    expect(result?.status).toBe('rejected');
    expect(result?.httpStatus).toBeGreaterThanOrEqual(400);
  });

  it('restarts a crashed Orthanc and keeps what it stored', async () => {
    const server = await start();
    const [file] = (await corpusFiles()).filter((f) => f.endsWith('CTImage.dcm'));
    await uploadFiles(server, [/** @type {string} */ (file)]);
    const firstPid = server.pid;
    process.kill(/** @type {number} */ (firstPid), 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.ensureRunning();
    expect(server.pid).not.toBe(firstPid);
    expect(server.restarts).toBe(1);
    const studies = await (await fetch(`${server.url}/dicom-web/studies`)).json();
    expect(studies).toHaveLength(1);
  });

  it('starts with authentication on and refuses requests without credentials', async () => {
    const server = await start({ users: { reader: 'secret' } });
    expect((await fetch(`${server.url}/system`)).status).toBe(401);
    const authorization = `Basic ${Buffer.from('reader:secret').toString('base64')}`;
    expect((await fetch(`${server.url}/system`, { headers: { authorization } })).status).toBe(200);
  });

  it('fails clearly when the port is in use', async () => {
    const blocker = createServer();
    await new Promise((resolve) => blocker.listen(0, '0.0.0.0', () => resolve(undefined)));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const error = await startOrthanc({ port }).catch((e) => e);
      expect(error).toBeInstanceOf(OrthancHarnessError);
      expect(error.code).toBe('PORT_IN_USE');
      expect(error.message).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('fails clearly when Orthanc is not installed', async () => {
    const error = await startOrthanc({ binary: '/nonexistent/Orthanc' }).catch((e) => e);
    expect(error).toBeInstanceOf(OrthancHarnessError);
    expect(error.code).toBe('ORTHANC_MISSING');
    expect(error.message).toContain('scripts/setup');
  });

  it('fails clearly, without hanging, when Orthanc exits during start-up', async () => {
    const error = await startOrthanc({ binary: '/bin/false' }).catch((e) => e);
    expect(error).toBeInstanceOf(OrthancHarnessError);
    expect(error.code).toBe('START_FAILED');
  });
});
