import type { Endpoint } from 'comlink';

/** A started decoder worker, whatever the platform. */
export interface SpawnedWorker {
  endpoint: Endpoint;
  /** Calls `listener` once if the worker dies (uncaught error, exit) rather than being terminated. */
  onCrash(listener: (reason: string) => void): void;
  terminate(): void;
}

/**
 * Starts a decoder worker: a module `Worker` where the platform has one (browsers, Deno), a Node
 * `worker_threads` Worker otherwise. Without `workerUrl` the worker file beside this module is used,
 * written as the literal `new URL('./decoder.worker.js', import.meta.url)` so bundlers find it.
 */
export async function spawnDecoderWorker(workerUrl: string | URL | undefined): Promise<SpawnedWorker> {
  if (typeof Worker !== 'undefined') {
    const worker =
      workerUrl === undefined
        ? new Worker(new URL('./decoder.worker.js', import.meta.url), { type: 'module' })
        : new Worker(workerUrl, { type: 'module' });
    let crashed = false;
    const listeners: Array<(reason: string) => void> = [];
    const crash = (reason: string): void => {
      if (crashed) return;
      crashed = true;
      for (const listener of listeners) listener(reason);
    };
    worker.addEventListener('error', (event) => crash(event.message || 'worker failed to start or threw'));
    worker.addEventListener('messageerror', () => crash('worker message could not be deserialised'));
    return {
      endpoint: worker,
      onCrash: (listener) => listeners.push(listener),
      terminate: () => {
        crashed = true;
        worker.terminate();
      },
    };
  }
  const [{ Worker: NodeWorker }, adapter] = await Promise.all([
    import('node:worker_threads'),
    import('comlink/dist/esm/node-adapter.mjs'),
  ]);
  const url = workerUrl === undefined ? new URL('./decoder.worker.js', import.meta.url) : new URL(workerUrl);
  const worker = new NodeWorker(url);
  let terminated = false;
  return {
    endpoint: adapter.default(worker as unknown as Parameters<typeof adapter.default>[0]),
    onCrash: (listener) => {
      worker.once('error', (error) => listener(error.message));
      worker.once('exit', (code) => {
        if (!terminated) listener(`worker exited with code ${code}`);
      });
    },
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
  };
}
