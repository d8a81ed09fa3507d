import type { Endpoint } from 'comlink';

/**
 * The message endpoint of the current worker: the global scope in a browser worker, `parentPort`
 * (through comlink's Node adapter) in a Node `worker_threads` worker.
 */
export async function currentWorkerEndpoint(): Promise<Endpoint> {
  const scope = globalThis as { WorkerGlobalScope?: unknown; postMessage?: unknown };
  if (scope.WorkerGlobalScope !== undefined && typeof scope.postMessage === 'function') {
    return globalThis as unknown as Endpoint;
  }
  const [{ parentPort }, adapter] = await Promise.all([
    import('node:worker_threads'),
    import('comlink/dist/esm/node-adapter.mjs'),
  ]);
  if (!parentPort) throw new Error('decoder.worker must run in a worker');
  return adapter.default(parentPort as unknown as Parameters<typeof adapter.default>[0]);
}
