/**
 * The render worker: owns the GPU device, the viewports' OffscreenCanvases and every GPU
 * resource. The page talks to it through RenderDevice (client/render-device.ts).
 */
import { expose } from 'comlink';
import { RenderWorkerApi } from './render-worker-api.js';

expose(new RenderWorkerApi());
