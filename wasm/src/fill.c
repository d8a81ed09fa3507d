/*
 * Slice fill: one decoded slice, modality LUT (linear rescale) applied, written into its place in
 * the volume buffer. Two outputs: int16 (integer slope and intercept; lossless unless a value
 * leaves the int16 range, which is counted so the caller can promote the volume to float32) and
 * float32 (any slope and intercept).
 */
#include <stdint.h>
#include <wasm_simd128.h>

#define EXPORT __attribute__((used, visibility("default")))

/*
 * dst[i] = src[i] * slope + intercept for n stored values (signed when is_signed, else unsigned
 * 16-bit), computed in int32 and narrowed with saturation. Returns how many values fell outside
 * int16 (0 means the slice was stored exactly).
 */
EXPORT int32_t fovea_fill_i16(const int16_t *src, int is_signed, int16_t *dst, int32_t n, int32_t slope,
                              int32_t intercept) {
  const v128_t vs = wasm_i32x4_splat(slope);
  const v128_t vb = wasm_i32x4_splat(intercept);
  const v128_t lo = wasm_i32x4_splat(-32768);
  const v128_t hi = wasm_i32x4_splat(32767);
  v128_t outside = wasm_i32x4_splat(0);
  int32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t v = wasm_v128_load(src + i);
    v128_t a, b;
    if (is_signed) {
      a = wasm_i32x4_extend_low_i16x8(v);
      b = wasm_i32x4_extend_high_i16x8(v);
    } else {
      a = wasm_u32x4_extend_low_u16x8(v);
      b = wasm_u32x4_extend_high_u16x8(v);
    }
    a = wasm_i32x4_add(wasm_i32x4_mul(a, vs), vb);
    b = wasm_i32x4_add(wasm_i32x4_mul(b, vs), vb);
    /* Each out-of-range lane adds -1 (all bits set) to the counter. */
    outside = wasm_i32x4_add(outside, wasm_v128_or(wasm_i32x4_lt(a, lo), wasm_i32x4_gt(a, hi)));
    outside = wasm_i32x4_add(outside, wasm_v128_or(wasm_i32x4_lt(b, lo), wasm_i32x4_gt(b, hi)));
    wasm_v128_store(dst + i, wasm_i16x8_narrow_i32x4(a, b));
  }
  int32_t count = -(wasm_i32x4_extract_lane(outside, 0) + wasm_i32x4_extract_lane(outside, 1) +
                    wasm_i32x4_extract_lane(outside, 2) + wasm_i32x4_extract_lane(outside, 3));
  for (; i < n; i++) {
    const int32_t stored = is_signed ? (int32_t)src[i] : (int32_t)(uint16_t)src[i];
    int32_t v = stored * slope + intercept;
    if (v < -32768) {
      v = -32768;
      count++;
    } else if (v > 32767) {
      v = 32767;
      count++;
    }
    dst[i] = (int16_t)v;
  }
  return count;
}

/* dst[i] = (float)src[i] * slope + intercept, for signed or unsigned 16-bit stored values. */
EXPORT void fovea_fill_f32(const int16_t *src, int is_signed, float *dst, int32_t n, float slope,
                           float intercept) {
  const v128_t vs = wasm_f32x4_splat(slope);
  const v128_t vb = wasm_f32x4_splat(intercept);
  int32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t v = wasm_v128_load(src + i);
    v128_t a, b;
    if (is_signed) {
      a = wasm_i32x4_extend_low_i16x8(v);
      b = wasm_i32x4_extend_high_i16x8(v);
    } else {
      a = wasm_u32x4_extend_low_u16x8(v);
      b = wasm_u32x4_extend_high_u16x8(v);
    }
    wasm_v128_store(dst + i, wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_convert_i32x4(a), vs), vb));
    wasm_v128_store(dst + i + 4, wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_convert_i32x4(b), vs), vb));
  }
  for (; i < n; i++) {
    const int32_t stored = is_signed ? (int32_t)src[i] : (int32_t)(uint16_t)src[i];
    dst[i] = (float)stored * slope + intercept;
  }
}

/* Widens an int16 volume into a float32 buffer (promotion when a later slice does not fit int16). */
EXPORT void fovea_widen_i16_f32(const int16_t *src, float *dst, int32_t n) {
  int32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const v128_t v = wasm_v128_load(src + i);
    wasm_v128_store(dst + i, wasm_f32x4_convert_i32x4(wasm_i32x4_extend_low_i16x8(v)));
    wasm_v128_store(dst + i + 4, wasm_f32x4_convert_i32x4(wasm_i32x4_extend_high_i16x8(v)));
  }
  for (; i < n; i++) dst[i] = (float)src[i];
}

/*
 * dst[i] = dst[i] * keep + src[i] * add: the second of two neighbouring slices blended into a slot
 * of a volume resampled to uniform spacing (dst holds the first slice's values, src the second's).
 */
EXPORT void fovea_blend_f32(float *dst, const float *src, int32_t n, float keep, float add) {
  const v128_t vk = wasm_f32x4_splat(keep);
  const v128_t va = wasm_f32x4_splat(add);
  int32_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t d = wasm_v128_load(dst + i);
    const v128_t s = wasm_v128_load(src + i);
    wasm_v128_store(dst + i, wasm_f32x4_add(wasm_f32x4_mul(d, vk), wasm_f32x4_mul(s, va)));
  }
  for (; i < n; i++) dst[i] = dst[i] * keep + src[i] * add;
}
