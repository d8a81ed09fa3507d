import { DicomWebError, type PixelDescription } from '@fovea/core';
import { type Remote, releaseProxy, transfer, wrap } from 'comlink';
import type { DecodeOptions } from '../decode-options.js';
import type { DecodedFrame } from '../decoded-frame.js';
import { DecodeError } from '../errors/decode-error.js';
import type { WasmLocation } from '../wasm/wasm-codecs.js';
import type { DecoderWorkerApi } from './decoder-worker-api.js';
import { PriorityQueue } from './priority-queue.js';
import { type SpawnedWorker, spawnDecoderWorker } from './spawn-worker.js';
import { deserializeError, type WorkerDecodeRequest, type WorkerFetchRequest } from './worker-protocol.js';

/** How a pool is set up. */
export interface DecoderPoolOptions extends WasmLocation {
  /** Number of workers, started on demand; default: hardware threads − 1, between 1 and 4. */
  size?: number;
  /** URL of the built `decoder.worker.js` (hosts without a bundler, strict CSP); default: beside this module. */
  workerUrl?: string | URL;
  /**
   * Longest one frame may take in a worker, in ms (default 30 000). A decode stuck in a codec
   * (damaged data can make a library spin) has its worker terminated and replaced, and rejects
   * with `DECODE_CODEC_FAILED`.
   */
  decodeTimeoutMs?: number;
}

/** Options of one frame sent to the pool. */
export interface PoolDecodeOptions extends Omit<DecodeOptions, 'allowInPlace'> {
  /** Higher runs first (e.g. visible frames); equal priorities run in request order. Default 0. */
  priority?: number;
  /**
   * Transfer the input's buffer to the worker instead of copying it (default true). Only done when
   * the view spans its whole `ArrayBuffer` (as `Part10Instance.frame()` returns): the caller's
   * buffer is detached afterwards.
   */
  transfer?: boolean;
}

/** A frame to fetch in a worker (see {@link DecoderPool.fetchAndDecode}). */
export interface FrameFetch {
  /** Absolute URL of one frame: WADO-RS `…/instances/{uid}/frames/{n}`. */
  url: string;
  /** Request headers (Accept, Authorization …), as `DicomWebClient.relay` hands them out. */
  headers: Record<string, string>;
  /** The 1-based frame number `url` asks for. */
  frameNumber: number;
}

/** What a worker's fetch of a frame brought: the HTTP status and, for 2xx, the decoded frame. */
export interface FetchedFrame {
  /** HTTP status of the server's answer. */
  status: number;
  /** The decoded frame; present exactly when `status` is 2xx. */
  frame?: DecodedFrame;
  /** The transfer syntax the server sent the frame in. */
  transferSyntaxUid?: string;
}

interface Job {
  /** Transfer syntax for errors about this job ('unknown' for a fetch until the answer says). */
  transferSyntaxUid: string;
  /** Sends the job to a worker and settles it with the answer. */
  send(remote: Remote<DecoderWorkerApi>): Promise<void>;
  /** Stops the job in the worker running it (a fetch in flight); called when its caller aborts. */
  cancel?(remote: Remote<DecoderWorkerApi>): void;
  /** The worker running the job, once sent. */
  remote?: Remote<DecoderWorkerApi>;
  reject(error: Error): void;
  settled: boolean;
  cleanup(): void;
}

interface Slot {
  worker: SpawnedWorker | undefined;
  remote: Remote<DecoderWorkerApi> | undefined;
  ready: boolean;
  job: Job | undefined;
  watchdog: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A pool of decoder workers (browser module workers or Node worker_threads), each with its own set
 * of WASM codecs loaded lazily on first use. Frames are queued by priority, input and output pixel
 * buffers are transferred rather than copied, and each request can be aborted. `dispose()` ends the
 * workers. Create one per viewer (or share it explicitly); nothing is global.
 */
export class DecoderPool {
  private readonly slots: Slot[] = [];
  private readonly queue = new PriorityQueue<Job>();
  private readonly location: WasmLocation;
  private readonly workerUrl: string | URL | undefined;
  private readonly timeoutMs: number;
  private disposed = false;
  private nextFetchId = 1;
  /** Workers started. */
  readonly size: number;

  constructor(options: DecoderPoolOptions = {}) {
    const threads = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
      ?.hardwareConcurrency;
    this.size = Math.max(1, Math.floor(options.size ?? Math.min(4, Math.max(1, (threads ?? 2) - 1))));
    this.workerUrl = options.workerUrl === undefined ? undefined : absolute(options.workerUrl);
    this.timeoutMs = options.decodeTimeoutMs ?? 30_000;
    // Relative URLs are resolved here: inside the worker they would resolve against the worker script.
    const location: WasmLocation = {};
    if (options.wasmBaseUrl !== undefined) location.wasmBaseUrl = absolute(options.wasmBaseUrl);
    if (options.wasmUrls) {
      location.wasmUrls = Object.fromEntries(
        Object.entries(options.wasmUrls).map(([id, url]) => [id, absolute(url as string | URL)]),
      );
    }
    this.location = location;
  }

  /**
   * Decodes one frame in a worker; same contract as `decodeFrame`. Rejects with `DecodeError`
   * (`DECODE_ABORTED` when `signal` fires or the pool is disposed; a frame already in a worker is
   * finished there and its result dropped).
   */
  decode(
    bytes: Uint8Array,
    pixel: PixelDescription,
    transferSyntaxUid: string,
    options: PoolDecodeOptions = {},
  ): Promise<DecodedFrame> {
    const request: WorkerDecodeRequest = {
      bytes,
      pixel,
      transferSyntaxUid,
      ...(options.pixelDataVr ? { pixelDataVr: options.pixelDataVr } : {}),
      ...(options.resolutionLevel ? { resolutionLevel: options.resolutionLevel } : {}),
      ...(options.partial ? { partial: true } : {}),
    };
    const transferInput = options.transfer !== false;
    return this.enqueue<DecodedFrame>(transferSyntaxUid, options, (job, resolve) => ({
      send: async (remote) => {
        const whole =
          transferInput &&
          bytes.byteOffset === 0 &&
          bytes.byteLength === bytes.buffer.byteLength &&
          bytes.buffer instanceof ArrayBuffer;
        const owned = whole ? bytes : bytes.slice();
        const message = { ...request, bytes: owned };
        const result = await remote.decode(transfer(message, [owned.buffer as ArrayBuffer]));
        settle(job(), () =>
          result.ok ? resolve(result.frame) : job().reject(deserializeError(result.error)),
        );
      },
    }));
  }

  /**
   * Fetches one frame in a worker (the WADO-RS request, the multipart body) and decodes it there,
   * so the page's main thread only receives the decoded pixels. Resolves with the HTTP status,
   * and for a 2xx answer the frame; rejects with `DicomWebError` (`DICOMWEB_NETWORK`,
   * `DICOMWEB_BAD_RESPONSE`, `DICOMWEB_ABORTED`) when the exchange fails, with `DecodeError`
   * when the frame cannot be decoded (`DECODE_ABORTED` when `signal` fires: the worker's fetch is
   * aborted too). Retries, tokens and concurrency are the caller's: see `DicomWebClient.relay`.
   */
  fetchAndDecode(
    request: FrameFetch,
    pixel: PixelDescription,
    options: Pick<PoolDecodeOptions, 'signal' | 'priority' | 'pixelDataVr'> = {},
  ): Promise<FetchedFrame> {
    const id = this.nextFetchId++;
    const message: WorkerFetchRequest = {
      id,
      url: request.url,
      headers: request.headers,
      frameNumber: request.frameNumber,
      pixel,
      ...(options.pixelDataVr ? { pixelDataVr: options.pixelDataVr } : {}),
    };
    return this.enqueue<FetchedFrame>('unknown', options, (job, resolve) => ({
      send: async (remote) => {
        const result = await remote.fetchFrame(message);
        settle(job(), () => {
          if (!result.ok) {
            const { code, detail } = result.error;
            job().reject(new DicomWebError(code, detail, { url: request.url }));
          } else if (result.decodeError) {
            job().reject(deserializeError(result.decodeError));
          } else {
            const fetched: FetchedFrame = { status: result.status };
            if (result.frame) fetched.frame = result.frame;
            if (result.transferSyntaxUid) fetched.transferSyntaxUid = result.transferSyntaxUid;
            resolve(fetched);
          }
        });
      },
      cancel: (remote) => void remote.cancel(id).catch(() => {}),
    }));
  }

  /**
   * Queues a job by priority; `make` builds its worker call from the job (a getter: the job is
   * made after it) and the resolve function. Abort rejects with `DECODE_ABORTED`.
   */
  private enqueue<T>(
    transferSyntaxUid: string,
    options: Pick<PoolDecodeOptions, 'signal' | 'priority'>,
    make: (job: () => Job, resolve: (value: T) => void) => Pick<Job, 'send' | 'cancel'>,
  ): Promise<T> {
    const aborted = (reason: string): DecodeError =>
      new DecodeError('DECODE_ABORTED', transferSyntaxUid, reason);
    if (this.disposed) return Promise.reject(aborted('the decoder pool is disposed'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(aborted('aborted by the caller'));
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        this.queue.remove(job);
        if (job.remote && !job.settled) job.cancel?.(job.remote);
        settle(job, () => reject(aborted('aborted by the caller')));
      };
      const job: Job = {
        transferSyntaxUid,
        ...make(() => job, resolve),
        reject,
        settled: false,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job, options.priority ?? 0);
      this.pump();
    });
  }

  /** Rejects every pending frame, releases the comlink proxies and terminates the workers. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const pending = [...this.queue.drain(), ...this.slots.flatMap((slot) => (slot.job ? [slot.job] : []))];
    for (const job of pending) {
      settle(job, () =>
        job.reject(new DecodeError('DECODE_ABORTED', job.transferSyntaxUid, 'the decoder pool is disposed')),
      );
    }
    for (const slot of this.slots.splice(0)) this.stop(slot);
  }

  private pump(): void {
    while (!this.disposed && this.queue.size > 0) {
      const idle = this.slots.find((slot) => slot.ready && !slot.job);
      if (!idle) break;
      this.run(idle, this.queue.shift() as Job);
    }
    // Start workers for what still waits, up to the pool size.
    const starting = this.slots.filter((slot) => !slot.ready).length;
    for (let missing = this.queue.size - starting; missing > 0 && this.slots.length < this.size; missing--) {
      if (this.disposed) return;
      this.start();
    }
  }

  private start(): void {
    const slot: Slot = {
      worker: undefined,
      remote: undefined,
      ready: false,
      job: undefined,
      watchdog: undefined,
    };
    this.slots.push(slot);
    const failStart = (reason: string): void => {
      this.remove(slot);
      // A worker that cannot start fails what waits rather than being restarted in a loop, unless
      // other workers are there to take it.
      if (this.slots.length > 0) return;
      for (const job of this.queue.drain()) {
        settle(job, () =>
          job.reject(
            new DecodeError('DECODE_CODEC_UNAVAILABLE', job.transferSyntaxUid, `decoder worker: ${reason}`),
          ),
        );
      }
    };
    spawnDecoderWorker(this.workerUrl)
      .then(async (worker) => {
        slot.worker = worker;
        if (this.disposed) return this.stop(slot);
        slot.remote = wrap<DecoderWorkerApi>(worker.endpoint);
        worker.onCrash((reason) => (slot.ready ? this.crashed(slot, reason) : failStart(reason)));
        await slot.remote.configure(this.location);
        slot.ready = true;
        this.pump();
      })
      .catch((error: unknown) => failStart(error instanceof Error ? error.message : String(error)));
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    if (slot.remote) job.remote = slot.remote;
    slot.watchdog = setTimeout(() => {
      if (slot.job === job) this.crashed(slot, `no answer within ${this.timeoutMs} ms; worker replaced`);
    }, this.timeoutMs);
    // A pending watchdog must not keep a Node process alive.
    (slot.watchdog as { unref?: () => void }).unref?.();
    job.send(slot.remote as Remote<DecoderWorkerApi>).then(
      () => {
        clearTimeout(slot.watchdog);
        if (slot.job === job) slot.job = undefined;
        this.pump();
      },
      (error: unknown) => {
        clearTimeout(slot.watchdog);
        if (slot.job === job) slot.job = undefined;
        settle(job, () =>
          job.reject(
            new DecodeError('DECODE_CODEC_FAILED', job.transferSyntaxUid, `decoder worker: ${String(error)}`),
          ),
        );
        this.pump();
      },
    );
  }

  private crashed(slot: Slot, reason: string): void {
    const job = slot.job;
    this.remove(slot);
    if (job) {
      settle(job, () =>
        job.reject(
          new DecodeError('DECODE_CODEC_FAILED', job.transferSyntaxUid, `decoder worker crashed: ${reason}`),
        ),
      );
    }
    this.pump();
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    this.stop(slot);
  }

  private stop(slot: Slot): void {
    slot.ready = false;
    clearTimeout(slot.watchdog);
    try {
      slot.remote?.[releaseProxy]();
    } catch {
      // The worker is going away regardless.
    }
    slot.worker?.terminate();
  }
}

function settle(job: Job, action: () => void): void {
  if (job.settled) return;
  job.settled = true;
  job.cleanup();
  action();
}

function absolute(url: string | URL): string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  try {
    return new URL(url, base).href;
  } catch {
    return String(url);
  }
}
