/**
 * Chroma upsampling exactly as libjpeg 6b (`jdsample.c`, `do_fancy_upsampling` on, DCMTK's
 * default): triangular "fancy" filters for 2:1 horizontal and 2:1 × 2:1, pixel replication for
 * every other integral ratio. Rows past the component's height repeat its last row, rows above
 * the first repeat the first, as libjpeg's context rows do.
 */

/** A decoded component plane: IDCT output covering whole blocks. */
export interface ComponentPlane {
  samples: Uint16Array;
  /** Row stride of `samples` (blocks per line × 8). */
  stride: number;
  /** Width and height of the component's real data (ISO 10918-1 A.1.1). */
  width: number;
  height: number;
  h: number;
  v: number;
}

/** Upsamples `plane` to `width × height` samples of the full image. */
export function upsample(
  plane: ComponentPlane,
  hMax: number,
  vMax: number,
  width: number,
  height: number,
): Uint16Array {
  const out = new Uint16Array(width * height);
  const { samples, stride } = plane;
  const hFactor = hMax / plane.h;
  const vFactor = vMax / plane.v;
  if (!Number.isInteger(hFactor) || !Number.isInteger(vFactor)) {
    throw new RangeError('fractional JPEG sampling factors are not supported');
  }
  const fancy = plane.width > 2 && hFactor === 2 && (vFactor === 1 || vFactor === 2);
  const lastRow = plane.height - 1;
  const row = new Uint16Array(plane.width * 2);
  if (!fancy) {
    for (let y = 0; y < height; y++) {
      const inRow = Math.floor(y / vFactor) * stride;
      for (let x = 0; x < width; x++) out[y * width + x] = samples[inRow + Math.floor(x / hFactor)] as number;
    }
    return out;
  }
  const w = plane.width;
  if (vFactor === 1) {
    for (let y = 0; y < height; y++) {
      const i = y * stride;
      let value = samples[i] as number;
      row[0] = value;
      row[1] = (value * 3 + (samples[i + 1] as number) + 2) >> 2;
      for (let j = 1; j < w - 1; j++) {
        value = (samples[i + j] as number) * 3;
        row[2 * j] = (value + (samples[i + j - 1] as number) + 1) >> 2;
        row[2 * j + 1] = (value + (samples[i + j + 1] as number) + 2) >> 2;
      }
      value = samples[i + w - 1] as number;
      row[2 * w - 2] = (value * 3 + (samples[i + w - 2] as number) + 1) >> 2;
      row[2 * w - 1] = value;
      out.set(row.subarray(0, width), y * width);
    }
    return out;
  }
  for (let y = 0; y < height; y++) {
    const inRow = y >> 1;
    const near = Math.min(inRow, lastRow) * stride;
    const farRow = y & 1 ? inRow + 1 : inRow - 1;
    const far = Math.max(0, Math.min(farRow, lastRow)) * stride;
    let thisSum = (samples[near] as number) * 3 + (samples[far] as number);
    let nextSum = (samples[near + 1] as number) * 3 + (samples[far + 1] as number);
    row[0] = (thisSum * 4 + 8) >> 4;
    row[1] = (thisSum * 3 + nextSum + 7) >> 4;
    let lastSum = thisSum;
    thisSum = nextSum;
    for (let j = 2; j < w; j++) {
      nextSum = (samples[near + j] as number) * 3 + (samples[far + j] as number);
      row[2 * j - 2] = (thisSum * 3 + lastSum + 8) >> 4;
      row[2 * j - 1] = (thisSum * 3 + nextSum + 7) >> 4;
      lastSum = thisSum;
      thisSum = nextSum;
    }
    row[2 * w - 2] = (thisSum * 3 + lastSum + 8) >> 4;
    row[2 * w - 1] = (thisSum * 4 + 7) >> 4;
    out.set(row.subarray(0, width), y * width);
  }
  return out;
}
