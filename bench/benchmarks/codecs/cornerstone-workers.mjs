// @ts-check
/**
 * A minimal pool of worker threads running Cornerstone's `decodeImageFrame` (cornerstone.worker.mjs):
 * each frame goes to the worker with the fewest frames in flight, input and output transferred. It
 * stands in for the loader's own `webWorkerManager`, which needs browser `Worker`s.
 */
import { Worker } from 'node:worker_threads';
import { cornerstoneImageFrame } from './cornerstone.mjs';

export class CornerstoneWorkers {
  /**
   * @param {number} size number of worker threads
   * @param {string} wasmBasePath folder of the loader's codec `.wasm` files (see cornerstoneWasmDir)
   */
  constructor(size, wasmBasePath) {
    this.wasmBasePath = wasmBasePath;
    /** @type {Array<{ worker: Worker, inFlight: number, ready: Promise<void> }>} */
    this.slots = [];
    /** @type {Map<number, { resolve(pixels: ArrayLike<number>): void, reject(error: Error): void }>} */
    this.pending = new Map();
    this.nextId = 0;
    /** Bytes the workers wrote to stdout (dropped). */
    this.loggedBytes = 0;
    for (let i = 0; i < size; i++) {
      // The loader's OpenJPEG build logs "[INFO]" lines for every frame with console.log; they are
      // still written in the worker but read here and dropped instead of flooding the bench output.
      const worker = new Worker(new URL('./cornerstone.worker.mjs', import.meta.url), { stdout: true });
      worker.stdout.on('data', (/** @type {Buffer} */ chunk) => {
        this.loggedBytes += chunk.length;
      });
      /** @type {(value: void) => void} */
      let onReady = () => {};
      const ready = new Promise((resolve) => {
        onReady = resolve;
      });
      const slot = { worker, inFlight: 0, ready };
      worker.on(
        'message',
        /** @param {{ ready?: true, id: number, pixels?: ArrayLike<number>, error?: string }} message */
        (message) => {
          if (message.ready) return onReady();
          slot.inFlight--;
          const job = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error !== undefined || !message.pixels) {
            job?.reject(new Error(`cornerstone decodeImageFrame: ${message.error}`));
          } else job?.resolve(message.pixels);
        },
      );
      worker.on('error', (error) => {
        for (const job of this.pending.values()) job.reject(error);
        this.pending.clear();
      });
      this.slots.push(slot);
    }
  }

  /** Resolves once every worker has imported the loader. */
  async ready() {
    await Promise.all(this.slots.map((slot) => slot.ready));
  }

  /**
   * Decodes one frame; `bytes` is transferred (it must span its ArrayBuffer).
   * @param {Uint8Array} bytes
   * @param {import('@fovea/core').PixelDescription} pixel
   * @param {string} transferSyntaxUid
   * @returns {Promise<ArrayLike<number>>}
   */
  decode(bytes, pixel, transferSyntaxUid) {
    const slot = this.slots.reduce((best, s) => (s.inFlight < best.inFlight ? s : best));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage(
        {
          id,
          imageFrame: cornerstoneImageFrame(pixel),
          transferSyntax: transferSyntaxUid,
          pixelData: bytes,
          wasmBasePath: this.wasmBasePath,
        },
        [/** @type {ArrayBuffer} */ (bytes.buffer)],
      );
    });
  }

  async dispose() {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots = [];
  }
}
