/**
 * The accurate integer inverse DCT of the IJG library (`jidctint.c`, `JDCT_ISLOW`, the default of
 * libjpeg, libjpeg-turbo and DCMTK), reproduced operation for operation so lossy JPEG decodes to the
 * same samples those decoders give. 8-bit data uses PASS1_BITS 2, 12-bit data PASS1_BITS 1.
 * Arithmetic is done in doubles (exact here) with floor division for the C right shifts.
 */

const CONST_BITS = 13;
const FIX_0_298631336 = 2446;
const FIX_0_390180644 = 3196;
const FIX_0_541196100 = 4433;
const FIX_0_765366865 = 6270;
const FIX_0_899976223 = 7373;
const FIX_1_175875602 = 9633;
const FIX_1_501321110 = 12299;
const FIX_1_847759065 = 15137;
const FIX_1_961570560 = 16069;
const FIX_2_053119869 = 16819;
const FIX_2_562915447 = 20995;
const FIX_3_072711026 = 25172;

/**
 * libjpeg's post-IDCT range-limit table for `precision`-bit samples, indexed by
 * `value & (4 · 2^precision − 1)` where value is the level-shifted IDCT output.
 */
export function idctRangeLimit(precision: number): Uint16Array {
  const n = 1 << precision;
  const centre = n >> 1;
  const max = n - 1;
  const table = new Uint16Array(4 * n);
  for (let i = 0; i < 4 * n; i++) {
    if (i < centre) table[i] = i + centre;
    else if (i < 2 * n) table[i] = max;
    else if (i < 4 * n - centre) table[i] = 0;
    else table[i] = i + centre - 4 * n;
  }
  return table;
}

/**
 * Inverse-transforms one block: `coefficients[offset … offset+63]` (natural order, quantized) times
 * `quant`, written as 8 × 8 samples to `output` at `outOffset` with row stride `stride`.
 * `workspace` is 64 scratch numbers.
 */
export function idctIslow(
  coefficients: Int16Array,
  offset: number,
  quant: Uint16Array,
  output: Uint16Array,
  outOffset: number,
  stride: number,
  rangeLimit: Uint16Array,
  precision: number,
  workspace: Float64Array,
): void {
  const pass1Bits = precision === 8 ? 2 : 1;
  const rangeMask = rangeLimit.length - 1;
  const shift1 = 2 ** (CONST_BITS - pass1Bits);
  const round1 = shift1 / 2;
  const shift2 = 2 ** (CONST_BITS + pass1Bits + 3);
  const round2 = shift2 / 2;
  const dcShift = 2 ** (pass1Bits + 3);
  const dcRound = dcShift / 2;
  const pass1Scale = 2 ** pass1Bits;

  // Pass 1: columns from the input into the workspace, scaled up by 2^PASS1_BITS.
  for (let col = 0; col < 8; col++) {
    const c = offset + col;
    const in1 = coefficients[c + 8] as number;
    const in2 = coefficients[c + 16] as number;
    const in3 = coefficients[c + 24] as number;
    const in4 = coefficients[c + 32] as number;
    const in5 = coefficients[c + 40] as number;
    const in6 = coefficients[c + 48] as number;
    const in7 = coefficients[c + 56] as number;
    if (in1 === 0 && in2 === 0 && in3 === 0 && in4 === 0 && in5 === 0 && in6 === 0 && in7 === 0) {
      const dc = (coefficients[c] as number) * (quant[col] as number) * pass1Scale;
      for (let r = 0; r < 64; r += 8) workspace[col + r] = dc;
      continue;
    }
    let z2 = in2 * (quant[col + 16] as number);
    let z3 = in6 * (quant[col + 48] as number);
    let z1 = (z2 + z3) * FIX_0_541196100;
    let tmp2 = z1 + z3 * -FIX_1_847759065;
    let tmp3 = z1 + z2 * FIX_0_765366865;
    z2 = (coefficients[c] as number) * (quant[col] as number);
    z3 = in4 * (quant[col + 32] as number);
    let tmp0 = (z2 + z3) * 8192;
    let tmp1 = (z2 - z3) * 8192;
    const tmp10 = tmp0 + tmp3;
    const tmp13 = tmp0 - tmp3;
    const tmp11 = tmp1 + tmp2;
    const tmp12 = tmp1 - tmp2;

    tmp0 = in7 * (quant[col + 56] as number);
    tmp1 = in5 * (quant[col + 40] as number);
    tmp2 = in3 * (quant[col + 24] as number);
    tmp3 = in1 * (quant[col + 8] as number);
    z1 = tmp0 + tmp3;
    z2 = tmp1 + tmp2;
    z3 = tmp0 + tmp2;
    let z4 = tmp1 + tmp3;
    const z5 = (z3 + z4) * FIX_1_175875602;
    tmp0 *= FIX_0_298631336;
    tmp1 *= FIX_2_053119869;
    tmp2 *= FIX_3_072711026;
    tmp3 *= FIX_1_501321110;
    z1 *= -FIX_0_899976223;
    z2 *= -FIX_2_562915447;
    z3 = z3 * -FIX_1_961570560 + z5;
    z4 = z4 * -FIX_0_390180644 + z5;
    tmp0 += z1 + z3;
    tmp1 += z2 + z4;
    tmp2 += z2 + z3;
    tmp3 += z1 + z4;

    workspace[col] = Math.floor((tmp10 + tmp3 + round1) / shift1);
    workspace[col + 56] = Math.floor((tmp10 - tmp3 + round1) / shift1);
    workspace[col + 8] = Math.floor((tmp11 + tmp2 + round1) / shift1);
    workspace[col + 48] = Math.floor((tmp11 - tmp2 + round1) / shift1);
    workspace[col + 16] = Math.floor((tmp12 + tmp1 + round1) / shift1);
    workspace[col + 40] = Math.floor((tmp12 - tmp1 + round1) / shift1);
    workspace[col + 24] = Math.floor((tmp13 + tmp0 + round1) / shift1);
    workspace[col + 32] = Math.floor((tmp13 - tmp0 + round1) / shift1);
  }

  // Pass 2: rows from the workspace to the output, descaled by 8 · 2^PASS1_BITS.
  for (let row = 0; row < 8; row++) {
    const w = row * 8;
    const o = outOffset + row * stride;
    const w1 = workspace[w + 1] as number;
    const w2 = workspace[w + 2] as number;
    const w3 = workspace[w + 3] as number;
    const w4 = workspace[w + 4] as number;
    const w5 = workspace[w + 5] as number;
    const w6 = workspace[w + 6] as number;
    const w7 = workspace[w + 7] as number;
    const w0 = workspace[w] as number;
    if (w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0 && w6 === 0 && w7 === 0) {
      const value = rangeLimit[Math.floor((w0 + dcRound) / dcShift) & rangeMask] as number;
      output.fill(value, o, o + 8);
      continue;
    }
    let z1 = (w2 + w6) * FIX_0_541196100;
    let tmp2 = z1 + w6 * -FIX_1_847759065;
    let tmp3 = z1 + w2 * FIX_0_765366865;
    let tmp0 = (w0 + w4) * 8192;
    let tmp1 = (w0 - w4) * 8192;
    const tmp10 = tmp0 + tmp3;
    const tmp13 = tmp0 - tmp3;
    const tmp11 = tmp1 + tmp2;
    const tmp12 = tmp1 - tmp2;

    tmp0 = w7;
    tmp1 = w5;
    tmp2 = w3;
    tmp3 = w1;
    z1 = tmp0 + tmp3;
    let z2 = tmp1 + tmp2;
    let z3 = tmp0 + tmp2;
    let z4 = tmp1 + tmp3;
    const z5 = (z3 + z4) * FIX_1_175875602;
    tmp0 *= FIX_0_298631336;
    tmp1 *= FIX_2_053119869;
    tmp2 *= FIX_3_072711026;
    tmp3 *= FIX_1_501321110;
    z1 *= -FIX_0_899976223;
    z2 *= -FIX_2_562915447;
    z3 = z3 * -FIX_1_961570560 + z5;
    z4 = z4 * -FIX_0_390180644 + z5;
    tmp0 += z1 + z3;
    tmp1 += z2 + z4;
    tmp2 += z2 + z3;
    tmp3 += z1 + z4;

    output[o] = rangeLimit[Math.floor((tmp10 + tmp3 + round2) / shift2) & rangeMask] as number;
    output[o + 7] = rangeLimit[Math.floor((tmp10 - tmp3 + round2) / shift2) & rangeMask] as number;
    output[o + 1] = rangeLimit[Math.floor((tmp11 + tmp2 + round2) / shift2) & rangeMask] as number;
    output[o + 6] = rangeLimit[Math.floor((tmp11 - tmp2 + round2) / shift2) & rangeMask] as number;
    output[o + 2] = rangeLimit[Math.floor((tmp12 + tmp1 + round2) / shift2) & rangeMask] as number;
    output[o + 5] = rangeLimit[Math.floor((tmp12 - tmp1 + round2) / shift2) & rangeMask] as number;
    output[o + 3] = rangeLimit[Math.floor((tmp13 + tmp0 + round2) / shift2) & rangeMask] as number;
    output[o + 4] = rangeLimit[Math.floor((tmp13 - tmp0 + round2) / shift2) & rangeMask] as number;
  }
}
