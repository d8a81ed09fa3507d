/*
 * Four-lane volume sampling in voxel index space (x = column, y = row, z = slice; voxel centres at
 * integer coordinates; layout x fastest). Trilinear samples are defined where 0 <= p <= n - 1 on
 * every axis, nearest where round(p) is a voxel; elsewhere the lane is invalid and reads voxel 0.
 * WebAssembly SIMD has no gather: indices are computed four at a time, voxels loaded one by one.
 */
#ifndef FOVEA_SAMPLE_H
#define FOVEA_SAMPLE_H

#include <stdint.h>
#include <wasm_simd128.h>

enum { FOVEA_I16 = 0, FOVEA_F32 = 1 };
enum { FOVEA_NEAREST = 0, FOVEA_TRILINEAR = 1 };

typedef struct {
  const void *data;
  int dtype;
  int32_t nx, ny, nz;
} fovea_volume;

/* Loads the four voxels at `index` as floats. */
static inline __attribute__((always_inline)) v128_t fovea_gather(const fovea_volume *v, v128_t index, int dtype) {
  const int32_t a = wasm_i32x4_extract_lane(index, 0), b = wasm_i32x4_extract_lane(index, 1),
                c = wasm_i32x4_extract_lane(index, 2), d = wasm_i32x4_extract_lane(index, 3);
  if (dtype == FOVEA_I16) {
    const int16_t *p = (const int16_t *)v->data;
    return wasm_f32x4_convert_i32x4(wasm_i32x4_make(p[a], p[b], p[c], p[d]));
  }
  const float *p = (const float *)v->data;
  return wasm_f32x4_make(p[a], p[b], p[c], p[d]);
}

/* Lanes where lo <= p <= hi (false for NaN). */
static inline __attribute__((always_inline)) v128_t fovea_inside(v128_t p, float hi) {
  return wasm_v128_and(wasm_f32x4_ge(p, wasm_f32x4_splat(0.0f)), wasm_f32x4_le(p, wasm_f32x4_splat(hi)));
}

/* a + t * (b - a), the same form as the JS reference. */
static inline __attribute__((always_inline)) v128_t fovea_lerp(v128_t a, v128_t b, v128_t t) {
  return wasm_f32x4_add(a, wasm_f32x4_mul(t, wasm_f32x4_sub(b, a)));
}

/* Samples four positions; *valid receives the lanes that lie inside the volume. */
static inline __attribute__((always_inline)) v128_t fovea_sample4(const fovea_volume *v, v128_t x, v128_t y,
                                                                  v128_t z, int mode, int dtype,
                                                                  v128_t *valid) {
  const v128_t nx = wasm_i32x4_splat(v->nx);
  const v128_t nxy = wasm_i32x4_splat(v->nx * v->ny);
  if (mode == FOVEA_NEAREST) {
    const v128_t half = wasm_f32x4_splat(0.5f);
    x = wasm_f32x4_floor(wasm_f32x4_add(x, half));
    y = wasm_f32x4_floor(wasm_f32x4_add(y, half));
    z = wasm_f32x4_floor(wasm_f32x4_add(z, half));
  }
  const v128_t in = wasm_v128_and(
      wasm_v128_and(fovea_inside(x, (float)(v->nx - 1)), fovea_inside(y, (float)(v->ny - 1))),
      fovea_inside(z, (float)(v->nz - 1)));
  *valid = in;
  x = wasm_v128_and(x, in);
  y = wasm_v128_and(y, in);
  z = wasm_v128_and(z, in);
  const v128_t x0f = wasm_f32x4_floor(x), y0f = wasm_f32x4_floor(y), z0f = wasm_f32x4_floor(z);
  const v128_t x0 = wasm_i32x4_trunc_sat_f32x4(x0f);
  const v128_t y0 = wasm_i32x4_trunc_sat_f32x4(y0f);
  const v128_t z0 = wasm_i32x4_trunc_sat_f32x4(z0f);
  const v128_t base00 = wasm_i32x4_add(wasm_i32x4_mul(z0, nxy), wasm_i32x4_mul(y0, nx));
  if (mode == FOVEA_NEAREST) return fovea_gather(v, wasm_i32x4_add(base00, x0), dtype);
  const v128_t one = wasm_i32x4_splat(1);
  /* At the last voxel the far neighbour is clamped: its weight is 0 there. */
  const v128_t x1 = wasm_i32x4_min(wasm_i32x4_add(x0, one), wasm_i32x4_splat(v->nx - 1));
  const v128_t y1 = wasm_i32x4_min(wasm_i32x4_add(y0, one), wasm_i32x4_splat(v->ny - 1));
  const v128_t z1 = wasm_i32x4_min(wasm_i32x4_add(z0, one), wasm_i32x4_splat(v->nz - 1));
  const v128_t fx = wasm_f32x4_sub(x, x0f), fy = wasm_f32x4_sub(y, y0f), fz = wasm_f32x4_sub(z, z0f);
  const v128_t base01 = wasm_i32x4_add(wasm_i32x4_mul(z0, nxy), wasm_i32x4_mul(y1, nx));
  const v128_t base10 = wasm_i32x4_add(wasm_i32x4_mul(z1, nxy), wasm_i32x4_mul(y0, nx));
  const v128_t base11 = wasm_i32x4_add(wasm_i32x4_mul(z1, nxy), wasm_i32x4_mul(y1, nx));
  const v128_t c000 = fovea_gather(v, wasm_i32x4_add(base00, x0), dtype);
  const v128_t c100 = fovea_gather(v, wasm_i32x4_add(base00, x1), dtype);
  const v128_t c010 = fovea_gather(v, wasm_i32x4_add(base01, x0), dtype);
  const v128_t c110 = fovea_gather(v, wasm_i32x4_add(base01, x1), dtype);
  const v128_t c001 = fovea_gather(v, wasm_i32x4_add(base10, x0), dtype);
  const v128_t c101 = fovea_gather(v, wasm_i32x4_add(base10, x1), dtype);
  const v128_t c011 = fovea_gather(v, wasm_i32x4_add(base11, x0), dtype);
  const v128_t c111 = fovea_gather(v, wasm_i32x4_add(base11, x1), dtype);
  const v128_t c00 = fovea_lerp(c000, c100, fx), c10 = fovea_lerp(c010, c110, fx);
  const v128_t c01 = fovea_lerp(c001, c101, fx), c11 = fovea_lerp(c011, c111, fx);
  return fovea_lerp(fovea_lerp(c00, c10, fy), fovea_lerp(c01, c11, fy), fz);
}

#endif
