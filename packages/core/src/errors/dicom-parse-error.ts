import { FoveaError } from './fovea-error.js';

/** Why DICOM bytes could not be read. */
export type DicomParseErrorCode =
  /** Not DICOM at all: no `DICM` prefix and no recognisable first element. */
  | 'DICOM_NOT_DICOM'
  /** The bytes end inside an element header or value. */
  | 'DICOM_TRUNCATED'
  /** An element length that cannot be right (odd where it must be even, past the end, undefined where not allowed). */
  | 'DICOM_BAD_LENGTH'
  /** A structural rule broken: item tag expected, nesting too deep, bad offset table. */
  | 'DICOM_MALFORMED'
  /** A deflated data set (1.2.840.10008.1.2.1.99) that does not inflate. */
  | 'DICOM_BAD_DEFLATE'
  /** A frame index outside 0 … frameCount − 1. */
  | 'DICOM_FRAME_INDEX'
  /** Pixel data shorter than rows × columns × samples × bits allocated per frame requires. */
  | 'DICOM_FRAME_LENGTH'
  /** Encapsulated fragments that cannot be assigned to frames (no table, ambiguous markers). */
  | 'DICOM_FRAME_LOCATION'
  /** The instance has no Pixel Data (7FE0,0010), Float or Double Float Pixel Data. */
  | 'DICOM_NO_PIXEL_DATA';

/**
 * Malformed or unreadable DICOM. Carries the tag (`GGGGEEEE`) and byte offset where reading
 * stopped, when known, so a person can find the spot with a hex viewer; never patient data.
 */
export class DicomParseError extends FoveaError {
  declare readonly code: DicomParseErrorCode;
  /** Tag being read, as eight upper-case hex digits, e.g. `7FE00010`. */
  readonly tag: string | undefined;
  /** Byte offset in the (inflated, for deflated data sets) stream where the problem was found. */
  readonly offset: number | undefined;

  constructor(
    code: DicomParseErrorCode,
    detail: string,
    init: { tag?: string | undefined; offset?: number | undefined; cause?: unknown } = {},
  ) {
    const where = [
      init.tag === undefined ? '' : `tag (${init.tag.slice(0, 4)},${init.tag.slice(4)})`,
      init.offset === undefined ? '' : `offset ${init.offset}`,
    ]
      .filter(Boolean)
      .join(', ');
    super(code, where ? `${detail} [${where}]` : detail, { cause: init.cause });
    this.tag = init.tag;
    this.offset = init.offset;
  }
}
