/**
 * Binary PPM (P6, 8-bit RGB): the format of the stored reference renderings. Chosen because it
 * needs no library to read or write, in Node or in the browser, and any image viewer opens it.
 */

/** Encodes RGBA bytes (alpha dropped) as a P6 PPM. */
export function encodePpm(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P6\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height * 3);
  out.set(header);
  for (let i = 0, j = header.length; i < width * height * 4; i += 4, j += 3) {
    out[j] = rgba[i] as number;
    out[j + 1] = rgba[i + 1] as number;
    out[j + 2] = rgba[i + 2] as number;
  }
  return out;
}

/** Decodes a P6 PPM written by {@link encodePpm} into opaque RGBA bytes. */
export function decodePpm(bytes: Uint8Array): { rgba: Uint8Array; width: number; height: number } {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const match = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(text);
  if (!match) throw new Error('Not an 8-bit binary PPM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  const offset = match[0].length;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = offset; i < rgba.length; i += 4, j += 3) {
    rgba[i] = bytes[j] as number;
    rgba[i + 1] = bytes[j + 1] as number;
    rgba[i + 2] = bytes[j + 2] as number;
    rgba[i + 3] = 255;
  }
  return { rgba, width, height };
}
