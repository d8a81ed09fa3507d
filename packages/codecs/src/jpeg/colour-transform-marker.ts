import type { JpegStream } from './jpeg-markers.js';

/**
 * Whether libjpeg (and libjpeg-turbo) will take a three-component stream as YCbCr and convert it to
 * RGB, by its own rules (`default_decompress_parms`): a JFIF marker means YCbCr; else an Adobe
 * marker's transform flag decides (0 = RGB); else component ids 'R','G','B' mean RGB, anything else
 * YCbCr.
 */
export function libjpegAssumesYcc(stream: JpegStream): boolean {
  if (stream.jfif) return true;
  if (stream.adobeTransform !== undefined) return stream.adobeTransform !== 0;
  const ids = stream.components.map((c) => c.id).join(',');
  return ids !== '82,71,66';
}

/**
 * A copy of the stream whose markers make libjpeg convert (`ycc` true) or not convert the colour
 * components: JFIF APP0 and Adobe APP14 segments are dropped and one Adobe APP14 with the wanted
 * transform flag is put after SOI. Entropy-coded data is copied untouched. DICOM decides the
 * colour space by Photometric Interpretation (YBR_* is converted, RGB is not), as DCMTK does, while
 * libjpeg decides by markers; this reconciles the two.
 */
export function withColourTransformMarker(bytes: Uint8Array, ycc: boolean): Uint8Array {
  const adobe = Uint8Array.from([
    0xff,
    0xee,
    0x00,
    0x0e,
    0x41,
    0x64,
    0x6f,
    0x62,
    0x65,
    0x00,
    0x64,
    0x00,
    0x00,
    0x00,
    0x00,
    ycc ? 1 : 0,
  ]);
  const parts: Uint8Array[] = [bytes.subarray(0, 2), adobe];
  let pos = 2;
  while (pos + 4 <= bytes.length && bytes[pos] === 0xff) {
    const marker = bytes[pos + 1] as number;
    if (marker === 0xda || marker === 0xd9) break;
    const end = pos + 2 + (((bytes[pos + 2] as number) << 8) | (bytes[pos + 3] as number));
    const id = String.fromCharCode(...bytes.subarray(pos + 4, Math.min(pos + 9, bytes.length)));
    const drop = (marker === 0xe0 && id === 'JFIF\0') || (marker === 0xee && id === 'Adobe');
    if (!drop) parts.push(bytes.subarray(pos, end));
    pos = end;
  }
  parts.push(bytes.subarray(pos));
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
