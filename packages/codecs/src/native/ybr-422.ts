/**
 * Expands horizontally subsampled YBR_FULL_422 / YBR_PARTIAL_422 native samples (Y₁ Y₂ Cb Cr per
 * pair of pixels, PS3.3 C.7.6.3.1.2) to three samples per pixel, repeating each chroma pair. An odd
 * last column uses its pair's first luma sample.
 */
export function expandYbr422<T extends { [index: number]: number }>(
  subsampled: T,
  full: T,
  rows: number,
  columns: number,
): void {
  const pairs = Math.ceil(columns / 2);
  let i = 0;
  let o = 0;
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < pairs; p++, i += 4) {
      const y1 = subsampled[i] as number;
      const y2 = subsampled[i + 1] as number;
      const cb = subsampled[i + 2] as number;
      const cr = subsampled[i + 3] as number;
      full[o++] = y1;
      full[o++] = cb;
      full[o++] = cr;
      if (2 * p + 1 < columns) {
        full[o++] = y2;
        full[o++] = cb;
        full[o++] = cr;
      }
    }
  }
}
