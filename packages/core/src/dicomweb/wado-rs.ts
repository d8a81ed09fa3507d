/**
 * WADO-RS (PS3.18 10.4): metadata, frames with transfer syntax negotiation, bulk data and whole
 * instances. Frames and bulk data come as multipart/related; parts are yielded as they arrive.
 */
import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import type { DicomWebClient, RequestOptions } from './dicomweb-client.js';
import { DicomWebError } from './dicomweb-error.js';
import { declaredTransferSyntax, parseMediaType } from './media-type.js';
import { type MultipartPart, multipartBoundary, parseMultipart } from './multipart-parser.js';
import { readChunks } from './response-body.js';

/** Explicit VR Little Endian: what an `application/octet-stream` part is when it names no syntax. */
const DEFAULT_TRANSFER_SYNTAX = '1.2.840.10008.1.2.1';

/** Which study, series or instance. */
export interface InstanceReference {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

/** A frame as retrieved: its stored bytes and the transfer syntax the server says they are in. */
export interface RetrievedFrame {
  /** 1-based frame number, as in the request. */
  frameNumber: number;
  /** Transfer syntax UID of `bytes`; for native syntaxes the bytes are the frame's raw pixels. */
  transferSyntaxUid: string;
  /** The part's media type, e.g. `application/octet-stream`, `image/jls`. */
  contentType: string | undefined;
  bytes: Uint8Array;
}

/** Options for frame retrieval. */
export interface FrameRequestOptions extends RequestOptions {
  /**
   * Acceptable transfer syntaxes in order of preference; `*` means "as stored". Default `['*']`.
   * Sent as one Accept media range each, with decreasing q values.
   */
  transferSyntaxes?: readonly string[];
}

/** GET …/metadata of a study: every instance's DICOM JSON. */
export function retrieveStudyMetadata(
  client: DicomWebClient,
  studyInstanceUid: string,
  options: RequestOptions = {},
): Promise<DicomJsonDataset[]> {
  return client.getJson<DicomJsonDataset>(client.url(`studies/${studyInstanceUid}/metadata`), options);
}

/** GET …/series/{uid}/metadata. */
export function retrieveSeriesMetadata(
  client: DicomWebClient,
  studyInstanceUid: string,
  seriesInstanceUid: string,
  options: RequestOptions = {},
): Promise<DicomJsonDataset[]> {
  return client.getJson<DicomJsonDataset>(
    client.url(`studies/${studyInstanceUid}/series/${seriesInstanceUid}/metadata`),
    options,
  );
}

/** GET …/instances/{uid}/metadata: the instance's DICOM JSON (throws if the server sends none). */
export async function retrieveInstanceMetadata(
  client: DicomWebClient,
  instance: InstanceReference,
  options: RequestOptions = {},
): Promise<DicomJsonDataset> {
  const url = client.url(`${instancePath(instance)}/metadata`);
  const [dataset] = await client.getJson<DicomJsonDataset>(url, options);
  if (!dataset)
    throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Metadata response has no data set', { url });
  return dataset;
}

/** The Accept header asking for frames in `transferSyntaxes`, most preferred first. */
export function frameAcceptHeader(transferSyntaxes: readonly string[] = ['*']): string {
  return transferSyntaxes
    .map((uid, i) => {
      const q = i === 0 ? '' : `; q=${Math.max(0.1, 1 - i * 0.1).toFixed(1)}`;
      return `multipart/related; type="application/octet-stream"; transfer-syntax=${uid}${q}`;
    })
    .join(', ');
}

/**
 * Streams frames (1-based numbers) of one instance, yielding each as its part arrives, in the
 * order requested. Throws DICOMWEB_BAD_RESPONSE if the server sends fewer parts than frames.
 */
export async function* streamFrames(
  client: DicomWebClient,
  instance: InstanceReference,
  frameNumbers: readonly number[],
  options: FrameRequestOptions = {},
): AsyncGenerator<RetrievedFrame> {
  const url = client.url(`${instancePath(instance)}/frames/${frameNumbers.join(',')}`);
  let index = 0;
  for await (const part of streamMultipart(
    client,
    url,
    frameAcceptHeader(options.transferSyntaxes),
    options,
  )) {
    const frameNumber = frameNumbers[index++];
    if (frameNumber === undefined) break;
    yield {
      frameNumber,
      transferSyntaxUid: part.transferSyntaxUid ?? DEFAULT_TRANSFER_SYNTAX,
      contentType: part.mediaType?.type,
      bytes: part.body,
    };
  }
  if (index < frameNumbers.length) {
    throw new DicomWebError('DICOMWEB_BAD_RESPONSE', `Expected ${frameNumbers.length} frames, got ${index}`, {
      url,
    });
  }
}

/**
 * Retrieves frames (1-based numbers) of one instance completely, retrying the whole request on
 * network errors and 5xx.
 */
export function retrieveFrames(
  client: DicomWebClient,
  instance: InstanceReference,
  frameNumbers: readonly number[],
  options: FrameRequestOptions = {},
): Promise<RetrievedFrame[]> {
  const url = frameUrl(client, instance, frameNumbers);
  return client.exchange(
    { url, accept: frameAcceptHeader(options.transferSyntaxes) },
    async (response) =>
      framesFromParts(await collectParts(client, response, url, options), frameNumbers, url),
    options,
  );
}

/** The URL of frames (1-based numbers) of one instance: `…/instances/{uid}/frames/{n,…}`. */
export function frameUrl(
  client: DicomWebClient,
  instance: InstanceReference,
  frameNumbers: readonly number[],
): string {
  return client.url(`${instancePath(instance)}/frames/${frameNumbers.join(',')}`);
}

/**
 * Reads the frames of a WADO-RS frames response (multipart/related, 2xx) without a client: for a
 * worker that fetched `url` itself with the headers a client's `relay` handed it. Throws
 * `DicomWebError` (DICOMWEB_BAD_RESPONSE for a body that is not the frames asked for,
 * DICOMWEB_NETWORK for a body that fails, DICOMWEB_ABORTED when `signal` aborts).
 */
export async function readFramesResponse(
  response: Response,
  url: string,
  frameNumbers: readonly number[],
  signal?: AbortSignal,
): Promise<RetrievedFrame[]> {
  const boundary = multipartBoundary(response.headers.get('content-type'), url);
  const parts: MultipartPart[] = [];
  for await (const part of parseMultipart(
    readChunks(response, url, signal, () => {}),
    boundary,
    url,
  ))
    parts.push(part);
  return framesFromParts(parts, frameNumbers, url);
}

function framesFromParts(
  parts: readonly MultipartPart[],
  frameNumbers: readonly number[],
  url: string,
): RetrievedFrame[] {
  if (parts.length < frameNumbers.length) {
    throw new DicomWebError(
      'DICOMWEB_BAD_RESPONSE',
      `Expected ${frameNumbers.length} frames, got ${parts.length}`,
      { url },
    );
  }
  return frameNumbers.map((frameNumber, i) => {
    const part = parts[i] as MultipartPart;
    return {
      frameNumber,
      transferSyntaxUid: part.transferSyntaxUid ?? DEFAULT_TRANSFER_SYNTAX,
      contentType: part.mediaType?.type,
      bytes: part.body,
    };
  });
}

/**
 * Retrieves a bulk data value from its BulkDataURI (absolute, or relative to the root). Accepts
 * multipart (the first part) or a single-part octet stream.
 */
export function retrieveBulkData(
  client: DicomWebClient,
  uri: string,
  options: RequestOptions = {},
): Promise<Uint8Array> {
  const url = client.url(uri);
  return client.exchange(
    { url, accept: 'multipart/related; type="application/octet-stream", application/octet-stream' },
    async (response) => {
      if (!parseMediaType(response.headers.get('content-type'))?.type.startsWith('multipart/')) {
        return client.readBody(response, url, options);
      }
      const [part] = await collectParts(client, response, url, options);
      if (!part) throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Bulk data response has no part', { url });
      return part.body;
    },
    options,
  );
}

/**
 * Retrieves a whole instance as a Part 10 file, in `transferSyntax` (default `*`, as stored).
 * Returns the bytes and the transfer syntax the server declared.
 */
export function retrieveInstance(
  client: DicomWebClient,
  instance: InstanceReference,
  options: RequestOptions & { transferSyntax?: string } = {},
): Promise<{ bytes: Uint8Array; transferSyntaxUid: string | undefined }> {
  const url = client.url(instancePath(instance));
  const accept = `multipart/related; type="application/dicom"; transfer-syntax=${options.transferSyntax ?? '*'}`;
  return client.exchange(
    { url, accept },
    async (response) => {
      const declared = declaredTransferSyntax(parseMediaType(response.headers.get('content-type')));
      const [part] = await collectParts(client, response, url, options);
      if (!part) throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Instance response has no part', { url });
      return { bytes: part.body, transferSyntaxUid: part.transferSyntaxUid ?? declared };
    },
    options,
  );
}

/** Streams the parts of a multipart GET, holding a concurrency slot until done. No retries once parts flow. */
export async function* streamMultipart(
  client: DicomWebClient,
  url: string,
  accept: string,
  options: RequestOptions = {},
): AsyncGenerator<MultipartPart> {
  const response = await client.request(url, accept, options);
  const release = await client.acquire(options.signal, url);
  try {
    const boundary = multipartBoundary(response.headers.get('content-type'), url);
    yield* parseMultipart(client.chunks(response, url, options), boundary, url);
  } finally {
    release();
    await response.body?.cancel().catch(() => {});
  }
}

async function collectParts(
  client: DicomWebClient,
  response: Response,
  url: string,
  options: RequestOptions,
): Promise<MultipartPart[]> {
  const boundary = multipartBoundary(response.headers.get('content-type'), url);
  const parts: MultipartPart[] = [];
  for await (const part of parseMultipart(client.chunks(response, url, options), boundary, url))
    parts.push(part);
  return parts;
}

/** `studies/{study}/series/{series}/instances/{instance}`. */
export function instancePath(instance: InstanceReference): string {
  return `studies/${instance.studyInstanceUid}/series/${instance.seriesInstanceUid}/instances/${instance.sopInstanceUid}`;
}
