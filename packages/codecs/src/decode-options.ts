/** Options of a single frame decode. */
export interface DecodeOptions {
  /**
   * Value Representation of (7FE0,0010) Pixel Data as stored. Only matters for Explicit VR Big
   * Endian with Bits Allocated 8 or less, where `OW` data is stored byte-swapped in pairs and must
   * be swapped back; default `OB` (bytes in pixel order).
   */
  pixelDataVr?: 'OB' | 'OW';
  /**
   * Resolution level to decode, JPEG 2000 and HTJ2K only: 0 (default) is full resolution, n is
   * 2ⁿ times smaller in each direction, clamped to the codestream's number of decompositions.
   */
  resolutionLevel?: number;
  /**
   * The bytes are only the first part of the codestream (progressive HTJ2K/JPEG 2000 preview):
   * the end-of-codestream check is skipped and whatever resolution the bytes hold is decoded.
   */
  partial?: boolean;
  /**
   * The decoder may write into and return the memory of the input bytes (the caller gives the
   * buffer up, e.g. it was transferred to a worker). Saves a copy for native frames.
   */
  allowInPlace?: boolean;
  /** Aborts the decode; the promise rejects with `DecodeError` `DECODE_ABORTED`. */
  signal?: AbortSignal;
}
