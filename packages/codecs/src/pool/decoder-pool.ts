import type { PixelDescription } from '@fovea/core';
import { type Remote, releaseProxy, transfer, wrap } from 'comlink';
import type { DecodeOptions } from '../decode-options.js';
import type { DecodedFrame } from '../decoded-frame.js';
import { DecodeError } from '../errors/decode-error.js';
import type { WasmLocation } from '../wasm/wasm-codecs.js';
import type { DecoderWorkerApi } from './decoder-worker-api.js';
import { PriorityQueue } from './priority-queue.js';
import { type SpawnedWorker, spawnDecoderWorker } from './spawn-worker.js';
import { deserializeError, type WorkerDecodeRequest } from './worker-protocol.js';

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

interface Job {
  request: WorkerDecodeRequest;
  transferInput: boolean;
  resolve(frame: DecodedFrame): void;
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
    const aborted = (reason: string): DecodeError =>
      new DecodeError('DECODE_ABORTED', transferSyntaxUid, reason);
    if (this.disposed) return Promise.reject(aborted('the decoder pool is disposed'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(aborted('aborted by the caller'));
    return new Promise<DecodedFrame>((resolve, reject) => {
      const onAbort = (): void => {
        this.queue.remove(job);
        settle(job, () => reject(aborted('aborted by the caller')));
      };
      const job: Job = {
        request: {
          bytes,
          pixel,
          transferSyntaxUid,
          ...(options.pixelDataVr ? { pixelDataVr: options.pixelDataVr } : {}),
          ...(options.resolutionLevel ? { resolutionLevel: options.resolutionLevel } : {}),
          ...(options.partial ? { partial: true } : {}),
        },
        transferInput: options.transfer !== false,
        resolve,
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
        job.reject(
          new DecodeError('DECODE_ABORTED', job.request.transferSyntaxUid, 'the decoder pool is disposed'),
        ),
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
            new DecodeError(
              'DECODE_CODEC_UNAVAILABLE',
              job.request.transferSyntaxUid,
              `decoder worker: ${reason}`,
            ),
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
    const { request } = job;
    const bytes = request.bytes;
    const whole =
      job.transferInput &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength &&
      bytes.buffer instanceof ArrayBuffer;
    const owned = whole ? bytes : bytes.slice();
    const message = { ...request, bytes: owned };
    slot.watchdog = setTimeout(() => {
      if (slot.job === job) this.crashed(slot, `no answer within ${this.timeoutMs} ms; worker replaced`);
    }, this.timeoutMs);
    // A pending watchdog must not keep a Node process alive.
    (slot.watchdog as { unref?: () => void }).unref?.();
    (slot.remote as Remote<DecoderWorkerApi>).decode(transfer(message, [owned.buffer as ArrayBuffer])).then(
      (result) => {
        clearTimeout(slot.watchdog);
        if (slot.job === job) slot.job = undefined;
        settle(job, () =>
          result.ok ? job.resolve(result.frame) : job.reject(deserializeError(result.error)),
        );
        this.pump();
      },
      (error: unknown) => {
        clearTimeout(slot.watchdog);
        if (slot.job === job) slot.job = undefined;
        settle(job, () =>
          job.reject(
            new DecodeError(
              'DECODE_CODEC_FAILED',
              request.transferSyntaxUid,
              `decoder worker: ${String(error)}`,
            ),
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
          new DecodeError(
            'DECODE_CODEC_FAILED',
            job.request.transferSyntaxUid,
            `decoder worker crashed: ${reason}`,
          ),
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
