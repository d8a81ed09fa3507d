/**
 * JPEG YCbCr → RGB exactly as libjpeg (`jdcolor.c` `ycc_rgb_convert`): 16-bit fixed-point tables,
 * results clamped to the sample range. `precision` is 8 or 12.
 */
export function yccToRgb(
  y: Uint16Array,
  cb: Uint16Array,
  cr: Uint16Array,
  out: Uint8Array | Uint16Array,
  precision: number,
): void {
  const max = (1 << precision) - 1;
  const centre = 1 << (precision - 1);
  const size = max + 1;
  const crR = new Int32Array(size);
  const cbB = new Int32Array(size);
  const crG = new Int32Array(size);
  const cbG = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const x = i - centre;
    crR[i] = (91881 * x + 32768) >> 16; // FIX(1.40200)
    cbB[i] = (116130 * x + 32768) >> 16; // FIX(1.77200)
    crG[i] = -46802 * x; // -FIX(0.71414)
    cbG[i] = -22554 * x + 32768; // -FIX(0.34414) + ONE_HALF
  }
  const clamp = (v: number): number => (v < 0 ? 0 : Math.min(v, max));
  for (let i = 0, o = 0; i < y.length; i++, o += 3) {
    const luma = y[i] as number;
    const b = cb[i] as number;
    const r = cr[i] as number;
    out[o] = clamp(luma + (crR[r] as number));
    out[o + 1] = clamp(luma + (((cbG[b] as number) + (crG[r] as number)) >> 16));
    out[o + 2] = clamp(luma + (cbB[b] as number));
  }
}
