import { FoveaError } from '@fovea/core';

/** Why a frame could not be decoded. */
export type DecodeErrorCode =
  /** The frame ends before the codec's end marker, or holds fewer bytes than rows × columns need. */
  | 'DECODE_TRUNCATED'
  /** The codestream breaks its own format: bad marker, impossible length, bad Huffman code. */
  | 'DECODE_MALFORMED'
  /** The codestream is valid but describes another image than the DICOM attributes do. */
  | 'DECODE_MISMATCH'
  /** The pixel description itself cannot be decoded (e.g. Bits Stored > Bits Allocated). */
  | 'DECODE_BAD_DESCRIPTION'
  /** A feature of the codestream that no decoder here implements (e.g. hierarchical JPEG). */
  | 'DECODE_UNSUPPORTED_FEATURE'
  /** A WASM codec failed to load (network, MIME type, CSP). */
  | 'DECODE_CODEC_UNAVAILABLE'
  /** The WASM codec reported a failure or trapped. */
  | 'DECODE_CODEC_FAILED'
  /** The caller's AbortSignal fired, or the pool was disposed. */
  | 'DECODE_ABORTED';

/**
 * A frame that could not be decoded. Carries the transfer syntax, the decoder that refused it and
 * why, so a person can tell a damaged file from a missing feature; never pixel or patient data.
 */
export class DecodeError extends FoveaError {
  declare readonly code: DecodeErrorCode;
  /** Transfer Syntax UID (0002,0010) of the frame. */
  readonly transferSyntaxUid: string;
  /** Short machine-friendly reason, e.g. `missing EOI marker`, `RLE segment 2 overruns`. */
  readonly reason: string;

  constructor(
    code: DecodeErrorCode,
    transferSyntaxUid: string,
    reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(code, `Cannot decode frame (${transferSyntaxUid}): ${reason}`, options);
    this.transferSyntaxUid = transferSyntaxUid;
    this.reason = reason;
  }
}

/** No decoder here reads this transfer syntax (video, JPIP, JPEG XL, private syntaxes …). */
export class UnsupportedTransferSyntaxError extends FoveaError {
  declare readonly code: 'UNSUPPORTED_TRANSFER_SYNTAX';
  /** Transfer Syntax UID (0002,0010) that was asked for. */
  readonly transferSyntaxUid: string;

  constructor(transferSyntaxUid: string, detail = 'no decoder for this transfer syntax') {
    super('UNSUPPORTED_TRANSFER_SYNTAX', `Unsupported transfer syntax ${transferSyntaxUid}: ${detail}`);
    this.transferSyntaxUid = transferSyntaxUid;
  }
}
