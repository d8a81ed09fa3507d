import type { DecoderPool } from '@fovea/codecs';
import type { DicomWebClient } from '@fovea/core';
import type { RenderDevice } from '@fovea/render';
import type { FoveaViewport } from '../viewport/viewport.js';

/** Where a test viewport reads from and draws with, and its CSS. */
export interface TestViewportSource {
  client: DicomWebClient;
  pool: DecoderPool;
  device: RenderDevice;
  studyUid: string;
  seriesUid: string;
  /** The element's inline style (its size and place). */
  style: string;
}

/**
 * A `<fovea-viewport>` added to the page on the shared pool and device; resolves once its first
 * image is shown (`fovea-load`), rejects with the error of a `fovea-error` before that.
 */
export async function openViewport(source: TestViewportSource): Promise<FoveaViewport> {
  const viewport = document.createElement('fovea-viewport');
  viewport.style.cssText = source.style;
  viewport.client = source.client;
  viewport.decoderPool = source.pool;
  viewport.renderDevice = source.device;
  const loaded = new Promise<void>((resolve, reject) => {
    viewport.addEventListener('fovea-load', () => resolve(), { once: true });
    viewport.addEventListener('fovea-error', (event) => reject(event.error), { once: true });
  });
  viewport.studyUid = source.studyUid;
  viewport.seriesUid = source.seriesUid;
  document.body.append(viewport);
  await loaded;
  return viewport;
}
