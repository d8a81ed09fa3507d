/**
 * STOW-RS (PS3.18 10.5): storing Part 10 instances with a multipart/related POST, in batches of
 * bounded size, and reading the store response: which SOP instances were stored, which failed.
 */
import { type DicomJsonDataset, jsonItems, jsonNumber, jsonString } from '../dicom-json/dicom-json.js';
import type { DicomWebClient, RequestOptions } from './dicomweb-client.js';
import { DicomWebError } from './dicomweb-error.js';
import { buildMultipartRelated } from './multipart-writer.js';

/** One instance in a STOW-RS response. */
export interface StoredInstanceResult {
  /** (0008,1150) Referenced SOP Class UID. */
  sopClassUid: string | undefined;
  /** (0008,1155) Referenced SOP Instance UID. */
  sopInstanceUid: string | undefined;
  /** (0008,1190) Retrieve URL, for stored instances. */
  retrieveUrl: string | undefined;
  /** (0008,1197) Failure Reason, for failed ones (e.g. 0xA700 out of resources, 0xC000 cannot understand). */
  failureReason: number | undefined;
}

/** What the server said about one STOW-RS request. */
export interface StoreResult {
  /**
   * HTTP status: 200 all stored, 202 with warnings or some failures, 409 failures (Orthanc sends
   * 400 with the same body when any instance fails, storing the others).
   */
  status: number;
  /** (0008,1199) Referenced SOP Sequence. */
  stored: StoredInstanceResult[];
  /** (0008,1198) Failed SOP Sequence. */
  failed: StoredInstanceResult[];
}

/** Options of {@link storeInstances}. */
export interface StoreOptions extends RequestOptions {
  /** Store into this study only: POST …/studies/{uid} (the server rejects other studies' instances). */
  studyInstanceUid?: string;
  /** Upper bound of one request body, bytes (default 32 MiB); larger sets go in several requests. */
  maxRequestBytes?: number;
}

/**
 * Stores Part 10 files (each a complete file, preamble included). Returns one result per request
 * sent. HTTP 409 (nothing stored) is a result, not an error, so callers see the failure reasons;
 * other HTTP errors throw `DicomWebError`.
 */
export async function storeInstances(
  client: DicomWebClient,
  files: readonly Uint8Array[],
  options: StoreOptions = {},
): Promise<StoreResult[]> {
  const limit = options.maxRequestBytes ?? 32 * 1024 * 1024;
  const batches: Uint8Array[][] = [];
  let size = 0;
  for (const file of files) {
    const current = batches.at(-1);
    if (!current || (size + file.length > limit && current.length > 0)) {
      batches.push([file]);
      size = file.length;
    } else {
      current.push(file);
      size += file.length;
    }
  }
  const url = client.url(options.studyInstanceUid ? `studies/${options.studyInstanceUid}` : 'studies');
  const results: StoreResult[] = [];
  for (const batch of batches) {
    const { body, contentType } = buildMultipartRelated(
      batch.map((file) => ({ contentType: 'application/dicom', body: file })),
      'application/dicom',
    );
    results.push(await storeBatch(client, url, body, contentType, options));
  }
  return results;
}

async function storeBatch(
  client: DicomWebClient,
  url: string,
  body: Uint8Array,
  contentType: string,
  options: RequestOptions,
): Promise<StoreResult> {
  return client.exchange(
    { url, method: 'POST', accept: 'application/dicom+json', body, contentType, acceptStatuses: [400, 409] },
    async (response) => {
      const result = parseStoreResponse(response.status, await client.readBody(response, url, options), url);
      if (response.status >= 400 && result.stored.length === 0 && result.failed.length === 0) {
        // A plain client error (garbage, wrong content type), not a store response.
        throw new DicomWebError('DICOMWEB_HTTP', 'STOW-RS request failed', { url, status: response.status });
      }
      return result;
    },
    options,
  );
}

function parseStoreResponse(status: number, bytes: Uint8Array, url: string): StoreResult {
  if (bytes.length === 0) return { status, stored: [], failed: [] };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (cause) {
    if (status >= 400) return { status, stored: [], failed: [] };
    if (status >= 400) return { status, stored: [], failed: [] };
    throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'STOW-RS response is not JSON', { url, cause });
  }
  const dataset = (Array.isArray(json) ? json[0] : json) as DicomJsonDataset | undefined;
  if (!dataset || typeof dataset !== 'object') return { status, stored: [], failed: [] };
  const read = (item: DicomJsonDataset): StoredInstanceResult => ({
    sopClassUid: jsonString(item, '00081150'),
    sopInstanceUid: jsonString(item, '00081155'),
    retrieveUrl: jsonString(item, '00081190'),
    failureReason: jsonNumber(item, '00081197'),
  });
  return {
    status,
    stored: jsonItems(dataset, '00081199').map(read),
    failed: jsonItems(dataset, '00081198').map(read),
  };
}
