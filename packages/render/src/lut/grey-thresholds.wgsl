// Grey level of a value from CPU-made float32 thresholds (lut/grey-classifier.ts): the level is
// how many thresholds the value reaches. Shared by slice.wgsl and mpr.wgsl, which prepend it;
// they declare in `params`: guess (vec2f), direction (f32), levelMin and levelMax (u32) and
// thresholds (array<vec4f, 64>).

// Smallest normal f32 (2^-126): smaller magnitudes are taken as 0 whether or not the GPU flushes.
const MIN_NORMAL = 1.17549435e-38;

// thresholds[k >> 2][k & 3] is threshold k; threshold 0 is unused.
fn threshold(k: u32) -> f32 {
  return params.thresholds[k >> 2u][k & 3u];
}

fn thresholdLevel(value: f32) -> u32 {
  let s = select(value, 0.0, abs(value) < MIN_NORMAL) * params.direction;
  let lo = params.levelMin;
  let hi = params.levelMax;
  // Start from the guess and walk to the level the thresholds define: t(k) <= s < t(k + 1).
  // For windows the thresholds are evenly spaced and this takes one or two reads.
  var k = clamp(u32(clamp(floor(params.guess.x * s + params.guess.y), f32(lo), f32(hi))), lo, hi);
  for (var i = 0u; i < 4u; i = i + 1u) {
    if (k < hi && threshold(k + 1u) <= s) {
      k = k + 1u;
    } else if (k > lo && threshold(k) > s) {
      k = k - 1u;
    } else {
      return k;
    }
  }
  // The guess was far off (e.g. SIGMOID): count the thresholds reached by bisection.
  var position = 0u;
  for (var step = 128u; step > 0u; step = step >> 1u) {
    if (threshold(position + step) <= s) {
      position = position + step;
    }
  }
  return clamp(position, lo, hi);
}
