/**
 * Unpacks a 1-bit frame (Bits Allocated 1, least significant bit first, PS3.5 8.1.1) to one byte
 * per pixel holding 0 or 1.
 */
export function unpackBits(packed: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  const whole = pixels >> 3;
  for (let i = 0, o = 0; i < whole; i++, o += 8) {
    const b = packed[i] as number;
    out[o] = b & 1;
    out[o + 1] = (b >> 1) & 1;
    out[o + 2] = (b >> 2) & 1;
    out[o + 3] = (b >> 3) & 1;
    out[o + 4] = (b >> 4) & 1;
    out[o + 5] = (b >> 5) & 1;
    out[o + 6] = (b >> 6) & 1;
    out[o + 7] = b >> 7;
  }
  const last = packed[whole] ?? 0;
  for (let o = whole * 8, bit = 0; o < pixels; o++, bit++) out[o] = (last >> bit) & 1;
  return out;
}
