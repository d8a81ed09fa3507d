// Entry of the ready-made bundle (`dist/bundle/fovea.js`, built by vite.bundle.config.ts) for hosts
// without a bundler: importing it registers every tag, and it exports what a host needs to hand
// objects to the elements (a configured client, a shared decoder pool or render device).
import { defineFoveaElements } from './define.js';

export { DecoderPool } from '@fovea/codecs';
export { DicomWebClient, FoveaError, searchForSeries, searchForStudies } from '@fovea/core';
export { RenderDevice } from '@fovea/render';
export * from './index.js';

defineFoveaElements();
