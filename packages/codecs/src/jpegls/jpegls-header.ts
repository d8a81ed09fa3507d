/** Frame size of a JPEG-LS stream (ISO 14495-1 SOF55), read before handing the stream to CharLS. */
export interface JpegLsFrameHeader {
  width: number;
  height: number;
  components: number;
  precision: number;
}

/**
 * Reads the SOF55 (0xFFF7) frame header that precedes the first scan, or `undefined` when the
 * stream does not start with SOI or has no frame header before its first scan.
 */
export function readJpegLsHeader(bytes: Uint8Array): JpegLsFrameHeader | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    const marker = bytes[pos + 1] as number;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    const length = ((bytes[pos + 2] as number) << 8) | (bytes[pos + 3] as number);
    if (marker === 0xf7) {
      if (length < 8 || pos + 10 > bytes.length) return undefined;
      return {
        precision: bytes[pos + 4] as number,
        height: ((bytes[pos + 5] as number) << 8) | (bytes[pos + 6] as number),
        width: ((bytes[pos + 7] as number) << 8) | (bytes[pos + 8] as number),
        components: bytes[pos + 9] as number,
      };
    }
    if (marker === 0xda || marker === 0xd9 || length < 2) return undefined;
    pos += 2 + length;
  }
  return undefined;
}
