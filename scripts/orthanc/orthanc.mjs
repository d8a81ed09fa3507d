// @ts-check
/**
 * Starts and stops a private Orthanc for tests and the demo: generated config in a temporary
 * folder, a free 127.0.0.1 port, readiness polling, stop by PID, and a restart when Orthanc
 * crashes (it does, on some transcoding requests; see shared/notes/orthanc.md).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orthancConfig } from './config.mjs';
import { assertPortFree, freePort } from './ports.mjs';

export const ORTHANC_BINARY = '/usr/sbin/Orthanc';

/** A clear, typed failure of the harness. `code` says which. */
export class OrthancHarnessError extends Error {
  /**
   * @param {'ORTHANC_MISSING' | 'PORT_IN_USE' | 'START_FAILED' | 'START_TIMEOUT' | 'CRASH_LOOP'} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'OrthancHarnessError';
    this.code = code;
  }
}

/**
 * @typedef {object} OrthancOptions
 * @property {number} [port] fixed HTTP port; by default a free one is chosen
 * @property {string} [storageDir] storage folder; by default a fresh temporary one, removed on stop
 * @property {Record<string, string>} [users] basic-auth users; enables authentication
 * @property {string} [binary] Orthanc executable (default /usr/sbin/Orthanc)
 * @property {number} [startTimeoutMs] how long to wait for GET /system (default 20 s)
 * @property {number} [maxRestarts] crashes tolerated before giving up (default 5)
 * @property {(line: string) => void} [log] progress messages
 */

export class OrthancServer {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  #child;
  #stopping = false;
  #restarts = 0;
  /** @type {Promise<void> | undefined} */
  #restarting;

  /**
   * @param {Required<Omit<OrthancOptions, 'users' | 'storageDir' | 'port'>> & { port: number, workDir: string, storageDir: string, ownsStorage: boolean, readinessHeaders: Record<string, string> }} settings
   */
  constructor(settings) {
    this.settings = settings;
    /** Base URL, loopback only: Orthanc refuses remote clients with RemoteAccessAllowed false. */
    this.url = `http://127.0.0.1:${settings.port}`;
    this.port = settings.port;
  }

  /** PID of the running Orthanc process, if any. */
  get pid() {
    return this.#child?.pid;
  }

  /** How many times a crashed Orthanc was restarted. */
  get restarts() {
    return this.#restarts;
  }

  /** True while the process runs. */
  get alive() {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Starts the process and waits until it answers. */
  async launch() {
    const { binary, workDir, startTimeoutMs } = this.settings;
    const logFile = join(workDir, 'orthanc.log');
    const out = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(binary, [join(workDir, 'orthanc.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    this.#child = child;
    const spawnError = new Promise((_, reject) => child.once('error', reject));
    const exited = once(child, 'exit').then(async ([code, signal]) => {
      throw new OrthancHarnessError(
        'START_FAILED',
        `Orthanc exited during start-up (code ${code}, signal ${signal}). Log tail:\n${await tail(logFile)}`,
      );
    });
    const ready = this.#waitReady(startTimeoutMs, logFile);
    try {
      await Promise.race([ready, exited, spawnError]);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    } finally {
      exited.catch(() => {});
      spawnError.catch(() => {});
    }
    child.once('exit', (code, signal) => this.#onExit(code, signal));
  }

  /**
   * @param {number} timeoutMs
   * @param {string} logFile
   */
  async #waitReady(timeoutMs, logFile) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.url}/system`, {
          headers: this.settings.readinessHeaders,
          signal: AbortSignal.timeout(1000),
        });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await delay(50);
    }
    throw new OrthancHarnessError(
      'START_TIMEOUT',
      `Orthanc did not answer ${this.url}/system within ${timeoutMs} ms. Log tail:\n${await tail(logFile)}`,
    );
  }

  /**
   * @param {number | null} code
   * @param {NodeJS.Signals | null} signal
   */
  #onExit(code, signal) {
    if (this.#stopping) return;
    this.settings.log(`Orthanc crashed (code ${code}, signal ${signal}); restarting`);
    this.#restarting = this.#restart().finally(() => {
      this.#restarting = undefined;
    });
    this.#restarting.catch((error) => this.settings.log(String(error)));
  }

  async #restart() {
    if (this.#restarts >= this.settings.maxRestarts) {
      throw new OrthancHarnessError(
        'CRASH_LOOP',
        `Orthanc crashed ${this.#restarts + 1} times; giving up. Log: ${join(this.settings.workDir, 'orthanc.log')}`,
      );
    }
    this.#restarts += 1;
    // The storage folder survives, so what was stored before the crash is still there.
    await this.launch();
  }

  /**
   * Resolves when Orthanc is running, waiting for a restart in progress. Call before a request
   * that follows one that may have crashed it.
   */
  async ensureRunning() {
    if (this.#restarting) await this.#restarting;
    if (!this.alive && !this.#stopping) await this.#restart();
  }

  /** Stops Orthanc by its PID, waits for it to exit, and removes temporary folders. */
  async stop() {
    this.#stopping = true;
    if (this.#restarting) await this.#restarting.catch(() => {});
    const child = this.#child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.settings.ownsStorage) await rm(this.settings.workDir, { recursive: true, force: true });
  }
}

/**
 * Starts a private Orthanc and resolves once it answers HTTP.
 * @param {OrthancOptions} [options]
 * @returns {Promise<OrthancServer>}
 */
export async function startOrthanc(options = {}) {
  const binary = options.binary ?? ORTHANC_BINARY;
  try {
    await access(binary);
  } catch {
    throw new OrthancHarnessError(
      'ORTHANC_MISSING',
      `Orthanc is not installed (${binary} not found): run scripts/setup (Debian packages orthanc, orthanc-dicomweb, orthanc-gdcm).`,
    );
  }
  let port;
  if (options.port === undefined) {
    port = await freePort();
  } else {
    port = options.port;
    await assertPortFree(port, (message) => new OrthancHarnessError('PORT_IN_USE', message));
  }
  const workDir = await mkdtemp(join(tmpdir(), 'fovea-orthanc-'));
  const storageDir = options.storageDir ?? join(workDir, 'storage');
  await mkdir(storageDir, { recursive: true });
  const config = orthancConfig({ port, storageDir, users: options.users });
  await writeFile(join(workDir, 'orthanc.json'), JSON.stringify(config, null, 2));
  const server = new OrthancServer({
    binary,
    port,
    workDir,
    storageDir,
    ownsStorage: options.storageDir === undefined,
    startTimeoutMs: options.startTimeoutMs ?? 20_000,
    maxRestarts: options.maxRestarts ?? 5,
    log: options.log ?? (() => {}),
    readinessHeaders: basicAuthHeader(options.users),
  });
  try {
    await server.launch();
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  return server;
}

/**
 * With authentication on, readiness is polled as the first registered user.
 * @param {Record<string, string> | undefined} users
 * @returns {Record<string, string>}
 */
function basicAuthHeader(users) {
  const [user] = Object.entries(users ?? {});
  return user ? { authorization: `Basic ${Buffer.from(`${user[0]}:${user[1]}`).toString('base64')}` } : {};
}

/** @param {number} ms */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** @param {string} file */
async function tail(file) {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-20).join('\n');
}
