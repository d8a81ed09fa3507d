import { FoveaError } from '../errors/fovea-error.js';
import { redactUrl } from './redact-url.js';

/** Why a DICOMweb request failed. */
export type DicomWebErrorCode =
  /** The server answered with an HTTP error status. */
  | 'DICOMWEB_HTTP'
  /** The request never got an answer (network down, refused, CORS). */
  | 'DICOMWEB_NETWORK'
  /** The answer was not what the standard says it must be (content type, JSON shape). */
  | 'DICOMWEB_BAD_RESPONSE'
  /** The caller aborted the request. */
  | 'DICOMWEB_ABORTED'
  /** The host's token provider threw. */
  | 'DICOMWEB_AUTH';

/** A failed DICOMweb request: the HTTP status (if any) and the URL, with credentials removed. */
export class DicomWebError extends FoveaError {
  declare readonly code: DicomWebErrorCode;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** The request URL without user info or credential query parameters. */
  readonly url: string;

  constructor(
    code: DicomWebErrorCode,
    detail: string,
    init: { url: string; status?: number; cause?: unknown },
  ) {
    const url = redactUrl(init.url);
    const status = init.status === undefined ? '' : ` (HTTP ${init.status})`;
    super(code, `${detail}${status}: ${url}`, { cause: init.cause });
    this.status = init.status;
    this.url = url;
  }
}
