/**
 * Reads the main header of a JPEG 2000 codestream (ISO 15444-1 Annex A): image size (SIZ),
 * component depths, coding style (COD), and whether it uses the High-Throughput block coder
 * (ISO 15444-15, Rsiz bit 14). Also unwraps JP2/JPH files to their codestream.
 */

import { endsWithMarker } from '../end-marker.js';

/** What the main header says. */
export interface J2kHeader {
  /** Width and height of the image area (Xsiz − XOsiz, Ysiz − YOsiz). */
  width: number;
  height: number;
  /** Image offset (XOsiz, YOsiz). */
  x0: number;
  y0: number;
  components: Array<{ precision: number; signed: boolean; dx: number; dy: number }>;
  /** Number of wavelet decomposition levels (COD SPcod). */
  decompositions: number;
  /** Multiple component transform (COD SGcod): YBR_ICT/YBR_RCT coded as RGB. */
  colourTransform: boolean;
  /** The codestream uses HT code-blocks (Rsiz bit 14, ISO 15444-15). */
  highThroughput: boolean;
}

/** Thrown by the header reader; the caller turns it into a `DecodeError`. */
export class J2kFormatError extends Error {
  constructor(
    readonly truncated: boolean,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The raw codestream inside `bytes`: `bytes` itself when it starts with SOC (FF4F), the contents
 * of the `jp2c` box when it is a JP2/JPH file (DICOM forbids the wrapper, encoders still write it).
 */
export function unwrapCodestream(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0xff && bytes[1] === 0x4f) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isJp2 = bytes.length >= 12 && view.getUint32(0) === 12 && view.getUint32(4) === 0x6a502020;
  if (!isJp2) throw new J2kFormatError(false, 'no SOC marker and no JP2 signature');
  let pos = 0;
  while (pos + 8 <= bytes.length) {
    let length = view.getUint32(pos);
    const type = view.getUint32(pos + 4);
    let header = 8;
    if (length === 1) {
      if (pos + 16 > bytes.length) break;
      length = Number(view.getBigUint64(pos + 8));
      header = 16;
    } else if (length === 0) {
      length = bytes.length - pos;
    }
    if (length < header) throw new J2kFormatError(false, 'JP2 box with impossible length');
    if (type === 0x6a703263) return bytes.subarray(pos + header, Math.min(bytes.length, pos + length)); // 'jp2c'
    pos += length;
  }
  throw new J2kFormatError(true, 'JP2 file without a contiguous codestream box');
}

/** Reads SIZ and COD from a raw codestream. */
export function readJ2kHeader(codestream: Uint8Array): J2kHeader {
  const view = new DataView(codestream.buffer, codestream.byteOffset, codestream.byteLength);
  const end = codestream.length;
  if (end < 4 || view.getUint16(0) !== 0xff4f) throw new J2kFormatError(false, 'no SOC marker');
  if (view.getUint16(2) !== 0xff51) throw new J2kFormatError(end < 4, 'SIZ does not follow SOC');
  let header: J2kHeader | undefined;
  let pos = 2;
  while (pos + 4 <= end) {
    const marker = view.getUint16(pos);
    if (marker === 0xff90 || marker === 0xff93) break; // SOT: main header ends
    const length = view.getUint16(pos + 2);
    if (length < 2 || pos + 2 + length > end)
      throw new J2kFormatError(true, `marker ${marker.toString(16)} runs past the end`);
    const at = pos + 4;
    if (marker === 0xff51) {
      if (length < 41) throw new J2kFormatError(false, 'SIZ too short');
      const count = view.getUint16(at + 34);
      if (count < 1 || length !== 38 + 3 * count)
        throw new J2kFormatError(false, 'SIZ length does not match its components');
      const rsiz = view.getUint16(at);
      const x0 = view.getUint32(at + 10);
      const y0 = view.getUint32(at + 14);
      header = {
        width: view.getUint32(at + 2) - x0,
        height: view.getUint32(at + 6) - y0,
        x0,
        y0,
        components: [],
        decompositions: 0,
        colourTransform: false,
        highThroughput: (rsiz & 0x4000) !== 0,
      };
      for (let c = 0; c < count; c++) {
        const ssiz = codestream[at + 36 + 3 * c] as number;
        header.components.push({
          precision: (ssiz & 0x7f) + 1,
          signed: (ssiz & 0x80) !== 0,
          dx: codestream[at + 37 + 3 * c] as number,
          dy: codestream[at + 38 + 3 * c] as number,
        });
      }
    } else if (marker === 0xff52 && header) {
      header.colourTransform = codestream[at + 4] === 1;
      header.decompositions = codestream[at + 5] as number;
    }
    pos += 2 + length;
  }
  if (!header) throw new J2kFormatError(true, 'no SIZ marker');
  if (header.width < 1 || header.height < 1) throw new J2kFormatError(false, 'empty image area');
  return header;
}

/**
 * Whether the codestream is complete: its tile-parts (SOT Psot lengths) fit in the bytes and it ends
 * with EOC (FFD9), allowing trailing 0x00/0xFF padding as some encoders write.
 */
export function isCompleteCodestream(codestream: Uint8Array): boolean {
  const view = new DataView(codestream.buffer, codestream.byteOffset, codestream.byteLength);
  let pos = 2;
  while (pos + 4 <= codestream.length && view.getUint16(pos) !== 0xff90) pos += 2 + view.getUint16(pos + 2);
  while (pos + 12 <= codestream.length && view.getUint16(pos) === 0xff90) {
    const psot = view.getUint32(pos + 6);
    if (psot === 0) break; // the last tile-part runs to EOC
    pos += psot;
  }
  return pos <= codestream.length && endsWithMarker(codestream);
}
