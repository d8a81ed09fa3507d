/**
 * YCbCr → RGB for display (PS3.3 C.7.6.3.1.2): YBR_FULL / YBR_ICT with the full-range ITU-R BT.601
 * matrix, YBR_PARTIAL with the studio-range one, YBR_RCT with the reversible integer transform.
 * Samples are `bits` deep, chroma centred on 2^(bits−1); results are rounded and clamped.
 */
export function ybrToRgb(
  input: ArrayLike<number>,
  output: Uint8Array | Uint16Array,
  bits: number,
  kind: 'full' | 'partial' | 'rct',
): void {
  const max = 2 ** bits - 1;
  const centre = 2 ** (bits - 1);
  const scale = max / 255;
  const clamp = (v: number): number => (v < 0 ? 0 : v > max ? max : Math.round(v));
  for (let i = 0; i + 2 < input.length; i += 3) {
    const y = input[i] as number;
    const cb = (input[i + 1] as number) - centre;
    const cr = (input[i + 2] as number) - centre;
    if (kind === 'full') {
      output[i] = clamp(y + 1.402 * cr);
      output[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
      output[i + 2] = clamp(y + 1.772 * cb);
    } else if (kind === 'partial') {
      const luma = 1.164383 * (y - 16 * scale);
      output[i] = clamp(luma + 1.596027 * cr);
      output[i + 1] = clamp(luma - 0.391762 * cb - 0.812968 * cr);
      output[i + 2] = clamp(luma + 2.017232 * cb);
    } else {
      const g = y - Math.floor((cb + cr) / 4);
      output[i] = clamp(cr + g);
      output[i + 1] = clamp(g);
      output[i + 2] = clamp(cb + g);
    }
  }
}
