/*
 * Volume statistics: minimum and maximum (SIMD), and a histogram over [lo, hi] (scalar: bins are
 * scattered writes that SIMD cannot do), for the automatic window and transfer functions.
 */
#include <math.h>
#include <stdint.h>
#include <wasm_simd128.h>

#define EXPORT __attribute__((used, visibility("default")))

/* out[0] = min, out[1] = max of n int16 voxels (n >= 1). */
EXPORT void fovea_minmax_i16(const int16_t *v, int32_t n, float *out) {
  v128_t lo = wasm_i16x8_splat(32767), hi = wasm_i16x8_splat(-32768);
  int32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t x = wasm_v128_load(v + i);
    lo = wasm_i16x8_min(lo, x);
    hi = wasm_i16x8_max(hi, x);
  }
  int32_t mn = 32767, mx = -32768;
  int16_t l[8], h[8];
  wasm_v128_store(l, lo);
  wasm_v128_store(h, hi);
  for (int lane = 0; lane < 8; lane++) {
    if (l[lane] < mn) mn = l[lane];
    if (h[lane] > mx) mx = h[lane];
  }
  for (; i < n; i++) {
    if (v[i] < mn) mn = v[i];
    if (v[i] > mx) mx = v[i];
  }
  out[0] = (float)mn;
  out[1] = (float)mx;
}

/* out[0] = min, out[1] = max of n float32 voxels, NaN ignored (both NaN if all are). */
EXPORT void fovea_minmax_f32(const float *v, int32_t n, float *out) {
  v128_t lo = wasm_f32x4_splat(INFINITY), hi = wasm_f32x4_splat(-INFINITY);
  int32_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t x = wasm_v128_load(v + i);
    /* pmin/pmax keep the accumulator when x is NaN. */
    lo = wasm_f32x4_pmin(x, lo);
    hi = wasm_f32x4_pmax(x, hi);
  }
  float l[4], h[4];
  wasm_v128_store(l, lo);
  wasm_v128_store(h, hi);
  float mn = INFINITY, mx = -INFINITY;
  for (int lane = 0; lane < 4; lane++) {
    if (l[lane] < mn) mn = l[lane];
    if (h[lane] > mx) mx = h[lane];
  }
  for (; i < n; i++) {
    if (v[i] < mn) mn = v[i];
    if (v[i] > mx) mx = v[i];
  }
  out[0] = mn > mx ? NAN : mn;
  out[1] = mn > mx ? NAN : mx;
}

/*
 * Counts voxels into `bins` equal bins over [lo, hi] (hi in the last bin); values outside and NaN
 * are not counted. counts must hold `bins` zeroed uint32.
 */
EXPORT void fovea_histogram(const void *data, int dtype, int32_t n, float lo, float hi, int32_t bins,
                            uint32_t *counts) {
  const float scale = hi > lo ? (float)bins / (hi - lo) : 0.0f;
  for (int32_t i = 0; i < n; i++) {
    const float x = dtype == 0 ? (float)((const int16_t *)data)[i] : ((const float *)data)[i];
    if (!(x >= lo && x <= hi)) continue;
    int32_t b = (int32_t)((x - lo) * scale);
    if (b >= bins) b = bins - 1;
    counts[b]++;
  }
}
