import { FoveaError } from '@fovea/core';

/**
 * A series' thumbnail could not be made (its search, metadata, frame or decode failed). Code
 * `THUMBNAIL_FAILED`. The series stays listed and can still be opened; the viewport reports its own
 * error if the series cannot be shown. The message names no patient, study or series (hosts log
 * these): `seriesInstanceUid` says which series it was, and `reason` the code of the failure
 * underneath (e.g. `DICOMWEB_HTTP`, a decoder's code), when it had one. The failure itself is not
 * attached, as its message may carry request URLs with the study and series UIDs.
 */
export class SeriesThumbnailError extends FoveaError {
  /** (0020,000E) Series Instance UID of the series without a thumbnail. */
  readonly seriesInstanceUid: string;
  /** `code` of the underlying Fovea error, or `undefined` for another failure. */
  readonly reason: string | undefined;

  constructor(seriesInstanceUid: string, failure: unknown) {
    const reason = codeOf(failure);
    super(
      'THUMBNAIL_FAILED',
      `A series thumbnail could not be loaded${reason ? ` (${reason})` : ''}; the series can still be opened`,
    );
    this.seriesInstanceUid = seriesInstanceUid;
    this.reason = reason;
  }
}

function codeOf(failure: unknown): string | undefined {
  const code = (failure as { code?: unknown } | null | undefined)?.code;
  // Codes are identifiers (`DICOMWEB_HTTP`); anything else is not echoed into the message.
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : undefined;
}
