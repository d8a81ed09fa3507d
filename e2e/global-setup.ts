import { startDemo } from '../scripts/demo/demo-server.mjs';

/** Starts the demo server once for all specs; its URL reaches the workers through the environment. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const demo = await startDemo({ port: 0, log: (line) => console.log(`[e2e demo] ${line}`) });
  process.env.FOVEA_DEMO_URL = demo.url;
  process.env.FOVEA_ORTHANC_URL = demo.orthanc.url;
  return () => demo.close();
}
