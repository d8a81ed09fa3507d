/**
 * ⌊x / d⌋ as the brick-atlas shaders compute it (`quotient` in brick-atlas.wgsl / .glsl): an f32
 * estimate `trunc(f32(x) · f32(1 / d))` and one correction step each way. Integer division is
 * what SwiftShader (and some GPUs) run lane by lane; multiplies, compares and selects run on
 * whole vectors.
 *
 * Why it is exact: with `inverse = f32(1 / d)`, the f32 product is x / d times at most three
 * roundings of relative error 2^-24 each, so for x / d < 2^22 its error is below 0.75: the
 * truncated estimate is the quotient, one above or one below. The remainder x − estimate · d
 * tells which, and the correction lands on ⌊x / d⌋ exactly. The atlas's quotients stay far
 * below 2^22: brick cells (< bricks per axis), tiles (< bricks) and brick starts (< the volume's
 * side, < 2^22 voxels: see {@link MAX_QUOTIENT}).
 *
 * `x ≥ 0`, `d ≥ 1`, whole numbers; `Math.fround` reproduces f32 rounding (a product of two f32
 * is exact in f64, then rounded once to f32, as a GPU's f32 multiply does).
 */
export function floatQuotient(x: number, d: number, inverse: number = f32Inverse(d)): number {
  const estimate = Math.trunc(Math.fround(Math.fround(x) * inverse));
  const remainder = x - estimate * d;
  return estimate + (remainder >= d ? 1 : 0) - (remainder < 0 ? 1 : 0);
}

/** `1 / d` rounded to f32, as the shaders receive it in a uniform. */
export function f32Inverse(d: number): number {
  return Math.fround(1 / d);
}

/** Quotients {@link floatQuotient} is exact for: below 2^22. */
export const MAX_QUOTIENT = 2 ** 22;
