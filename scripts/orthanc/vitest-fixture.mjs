// @ts-check
/** Vitest fixture: one private Orthanc per test file, started before its tests and stopped after. */
import { afterAll, beforeAll } from 'vitest';
import { startOrthanc } from './orthanc.mjs';

/**
 * @param {import('./orthanc.mjs').OrthancOptions} [options]
 * @returns {() => import('./orthanc.mjs').OrthancServer} the running server (inside tests and hooks)
 */
export function useOrthanc(options) {
  /** @type {import('./orthanc.mjs').OrthancServer | undefined} */
  let server;
  beforeAll(async () => {
    server = await startOrthanc(options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('useOrthanc(): Orthanc is only available inside tests and hooks');
    return server;
  };
}
