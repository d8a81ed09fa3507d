/**
 * WADO-RS rendered resources (PS3.18 10.4.1.1.3): a server-side rendering of an instance or frame
 * as PNG/JPEG, for thumbnails and quick previews (not for diagnosis: 8 bits, server VOI).
 */
import type { DicomWebClient, RequestOptions } from './dicomweb-client.js';
import { DicomWebError } from './dicomweb-error.js';
import { parseMediaType } from './media-type.js';
import { type InstanceReference, instancePath } from './wado-rs.js';

/** Rendering parameters (PS3.18 8.3.5.1). */
export interface RenderedOptions extends RequestOptions {
  /** Media type wanted, e.g. `image/png` (default) or `image/jpeg`. */
  accept?: string;
  /** 1-based frame number; the whole instance's first frame when absent. */
  frameNumber?: number;
  /** VOI window in modality units, and its function (default linear). */
  window?: { center: number; width: number; function?: 'linear' | 'sigmoid' };
  /** Output size in pixels, aspect kept. */
  viewport?: { width: number; height: number };
  /** JPEG quality 1–100. */
  quality?: number;
}

/** An image as the server rendered it. */
export interface RenderedImage {
  /** Media type of `bytes`, e.g. `image/png`. */
  contentType: string;
  bytes: Uint8Array;
}

/** GET …/instances/{uid}[/frames/{n}]/rendered. */
export function retrieveRendered(
  client: DicomWebClient,
  instance: InstanceReference,
  options: RenderedOptions = {},
): Promise<RenderedImage> {
  const path = `${instancePath(instance)}${options.frameNumber ? `/frames/${options.frameNumber}` : ''}/rendered`;
  const { window, viewport } = options;
  const url = client.url(path, {
    window: window ? `${window.center},${window.width},${window.function ?? 'linear'}` : undefined,
    viewport: viewport ? `${viewport.width},${viewport.height}` : undefined,
    quality: options.quality,
  });
  const accept = options.accept ?? 'image/png';
  return client.exchange(
    { url, accept },
    async (response) => {
      const type = parseMediaType(response.headers.get('content-type'))?.type;
      if (!type?.startsWith('image/')) {
        await response.body?.cancel();
        throw new DicomWebError('DICOMWEB_BAD_RESPONSE', `Expected an image, got "${type ?? ''}"`, { url });
      }
      return { contentType: type, bytes: await client.readBody(response, url, options) };
    },
    options,
  );
}
