/** How a rendered frame differs from its reference. */
export interface PixelDifference {
  /** Pixels where any compared channel differs. */
  differing: number;
  /** The first differing pixel, for the failure message. */
  first?: { x: number; y: number; rendered: number[]; expected: number[] };
}

/**
 * Compares RGBA bytes (`readPixels`, top row first) to a reference of `channels` samples per pixel:
 * 1 (grey: R, G and B must all equal it) or 3 (RGB). Alpha is not compared.
 */
export function comparePixels(
  rgba: Uint8Array,
  reference: Uint8Array,
  channels: 1 | 3,
  width: number,
): PixelDifference {
  const count = reference.length / channels;
  if (rgba.length !== count * 4) throw new Error(`rendered ${rgba.length / 4} pixels, expected ${count}`);
  let differing = 0;
  let first: PixelDifference['first'];
  for (let p = 0; p < count; p++) {
    const r = rgba[p * 4] as number;
    const g = rgba[p * 4 + 1] as number;
    const b = rgba[p * 4 + 2] as number;
    const e0 = reference[p * channels] as number;
    const e1 = channels === 3 ? (reference[p * 3 + 1] as number) : e0;
    const e2 = channels === 3 ? (reference[p * 3 + 2] as number) : e0;
    if (r !== e0 || g !== e1 || b !== e2) {
      differing++;
      first ??= { x: p % width, y: Math.floor(p / width), rendered: [r, g, b], expected: [e0, e1, e2] };
    }
  }
  return first ? { differing, first } : { differing };
}
