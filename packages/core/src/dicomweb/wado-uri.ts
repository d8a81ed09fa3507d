/**
 * WADO-URI (PS3.18 9): the older single-URL retrieval, `?requestType=WADO&studyUID=…`, still the
 * only way some archives serve whole objects. Needs the client's `wadoUriRoot`.
 */
import type { DicomWebClient, RequestOptions } from './dicomweb-client.js';
import { DicomWebError } from './dicomweb-error.js';
import type { InstanceReference } from './wado-rs.js';

/** WADO-URI request parameters besides the UIDs. */
export interface WadoUriOptions extends RequestOptions {
  /** `application/dicom` (default: the Part 10 file) or an image type such as `image/jpeg`. */
  contentType?: string;
  /** Transfer syntax for `application/dicom`; the server's choice when absent. */
  transferSyntax?: string;
  /** 1-based frame to render, for image content types. */
  frameNumber?: number;
}

/** The WADO-URI URL of an object. */
export function wadoUriUrl(
  client: DicomWebClient,
  instance: InstanceReference,
  options: WadoUriOptions = {},
): string {
  if (!client.wadoUriRoot) {
    throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'No wadoUriRoot configured for WADO-URI', {
      url: client.root,
    });
  }
  return client.url(
    '',
    {
      requestType: 'WADO',
      studyUID: instance.studyInstanceUid,
      seriesUID: instance.seriesInstanceUid,
      objectUID: instance.sopInstanceUid,
      contentType: options.contentType ?? 'application/dicom',
      transferSyntax: options.transferSyntax,
      frameNumber: options.frameNumber,
    },
    client.wadoUriRoot,
  );
}

/** Retrieves an object with WADO-URI: the Part 10 bytes (or the rendered image for image types). */
export function retrieveWadoUri(
  client: DicomWebClient,
  instance: InstanceReference,
  options: WadoUriOptions = {},
): Promise<Uint8Array> {
  const url = wadoUriUrl(client, instance, options);
  const accept = options.contentType ?? 'application/dicom';
  return client.exchange({ url, accept }, (response) => client.readBody(response, url, options), options);
}
