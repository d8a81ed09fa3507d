// The decoder worker as vitest's browser mode can run it: the shim must be evaluated first.
import './vitest-worker-shim.js';
import '../pool/decoder.worker.js';
