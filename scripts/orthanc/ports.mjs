// @ts-check
/** Free-port helpers. Orthanc binds every interface, so a port counts as free only if 0.0.0.0 is. */
import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Rejects with `makeError(message)` when the port cannot be bound.
 * @param {number} port
 * @param {(message: string) => Error} makeError
 * @returns {Promise<void>}
 */
export function assertPortFree(port, makeError) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      const reason = error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${error.code})`;
      reject(makeError(`Port ${port} ${reason}: stop what holds it or choose another port.`));
    });
    server.listen(port, '0.0.0.0', () => server.close(() => resolve()));
  });
}
