/**
 * Turns the bytes `copyTextureToBuffer` wrote (rows padded to `bytesPerRow`, a multiple of 256)
 * into tightly packed RGBA, top row first; BGRA canvases (the preferred format on many
 * platforms) are swizzled.
 */
export function unpackReadback(
  padded: Uint8Array,
  width: number,
  height: number,
  bytesPerRow: number,
  bgra: boolean,
): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    rgba.set(padded.subarray(y * bytesPerRow, y * bytesPerRow + width * 4), y * width * 4);
  }
  if (bgra) {
    for (let i = 0; i < rgba.length; i += 4) {
      const blue = rgba[i] as number;
      rgba[i] = rgba[i + 2] as number;
      rgba[i + 2] = blue;
    }
  }
  return rgba;
}
