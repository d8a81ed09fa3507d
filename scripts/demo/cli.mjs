// @ts-check
/** `npm run demo`: starts the demo and keeps it running until Ctrl-C. */
import { startDemo } from './demo-server.mjs';

const args = process.argv.slice(2);
const port = Number(process.env.FOVEA_DEMO_PORT ?? 5173);
if (args.some((arg) => arg !== '--all') || !Number.isInteger(port) || port < 0) {
  console.error('usage: npm run demo [-- --all]   (FOVEA_DEMO_PORT=5173 by default)');
  process.exit(2);
}

const log = (/** @type {string} */ line) => console.log(`[demo] ${line}`);
try {
  const demo = await startDemo({ port, samples: args.includes('--all') ? 'all' : 'primary', log });
  log(`Orthanc (loopback only): ${demo.orthanc.url}`);
  const examples = ['ehr-embed', 'react-host', 'patient-portal', 'strict-csp'];
  console.log(
    `\n  Fovea examples: ${demo.url}\n${examples.map((name) => `    ${demo.url}${name}/\n`).join('')}  Press Ctrl-C to stop.\n`,
  );
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`[demo] failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
