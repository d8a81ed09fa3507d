// @ts-check
/**
 * worker_threads entry running Cornerstone's `decodeImageFrame` on the frames it is sent, one after
 * another, as its web worker does: the encoded frame comes in transferred, the decoded pixels go
 * back transferred. Messages: `{ id, imageFrame, transferSyntax, pixelData, wasmBasePath }` →
 * `{ id, pixels }` or `{ id, error }`; `{ ready: true }` once the loader is imported.
 */
import { parentPort } from 'node:worker_threads';
import { DECODE_OPTIONS, loadDecodeImageFrame } from './cornerstone.mjs';

const port = parentPort;
if (!port) throw new Error('cornerstone.worker.mjs runs in a worker thread');
const decodeImageFrame = await loadDecodeImageFrame();

/** Decodes are run one at a time, in arrival order (the codecs keep module-level state). */
let chain = Promise.resolve();

port.on(
  'message',
  /** @param {{ id: number, imageFrame: object, transferSyntax: string, pixelData: Uint8Array, wasmBasePath: string }} message */
  (message) => {
    chain = chain.then(async () => {
      try {
        const decoded = await decodeImageFrame(
          { ...message.imageFrame },
          message.transferSyntax,
          message.pixelData,
          { wasmBasePath: message.wasmBasePath },
          DECODE_OPTIONS,
        );
        const pixels = decoded.pixelData;
        port.postMessage({ id: message.id, pixels }, [/** @type {ArrayBuffer} */ (pixels.buffer)]);
      } catch (error) {
        port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
      }
    });
  },
);
port.postMessage({ ready: true });
