/**
 * Entry of a decoder worker (browser module worker or Node worker_threads): exposes the decoder
 * API through comlink. Start it through `DecoderPool`, or point `workerUrl` at its built file.
 */
import { expose } from 'comlink';
import { createDecoderWorkerApi } from './decoder-worker-api.js';
import { currentWorkerEndpoint } from './worker-endpoint.js';

expose(createDecoderWorkerApi(), await currentWorkerEndpoint());
