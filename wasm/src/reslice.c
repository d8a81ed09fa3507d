/*
 * Reslicing and thick-slab projection of a plane through the volume, in voxel index space.
 * Output pixel (i, j), slab sample k sits at ((o + j * c) + k * s) + i * r, each operation rounded
 * to float32 in this order (the JS reference repeats it exactly, so both see the same positions).
 * A slab combines the samples that lie inside the volume by maximum, minimum or mean; a pixel
 * with no sample inside gets `fill`.
 */
#include <stdint.h>
#include <stdlib.h>

#include "sample.h"

#define EXPORT __attribute__((used, visibility("default")))

enum { FOVEA_MAX = 0, FOVEA_MIN = 1, FOVEA_MEAN = 2 };

static inline __attribute__((always_inline)) int slab_impl(const fovea_volume *v, const float o[3],
                                                           const float r[3], const float c[3],
                                                           const float s[3], int32_t samples, float *out,
                                                           int32_t width, int32_t height, int combine,
                                                           int interp, float fill, int dtype) {
  const int32_t padded = (width + 3) & ~3;
  float *acc = (float *)malloc((size_t)padded * 2 * sizeof(float));
  if (!acc) return -1;
  float *count = acc + padded;
  const float start = combine == FOVEA_MAX ? -__builtin_inff() : combine == FOVEA_MIN ? __builtin_inff() : 0.0f;
  const v128_t rx = wasm_f32x4_splat(r[0]), ry = wasm_f32x4_splat(r[1]), rz = wasm_f32x4_splat(r[2]);
  const v128_t ones = wasm_f32x4_splat(1.0f);
  for (int32_t j = 0; j < height; j++) {
    const float bx = o[0] + (float)j * c[0], by = o[1] + (float)j * c[1], bz = o[2] + (float)j * c[2];
    for (int32_t i = 0; i < padded; i += 4) {
      wasm_v128_store(acc + i, wasm_f32x4_splat(start));
      wasm_v128_store(count + i, wasm_f32x4_splat(0.0f));
    }
    for (int32_t k = 0; k < samples; k++) {
      const v128_t kx = wasm_f32x4_splat(bx + (float)k * s[0]);
      const v128_t ky = wasm_f32x4_splat(by + (float)k * s[1]);
      const v128_t kz = wasm_f32x4_splat(bz + (float)k * s[2]);
      for (int32_t i = 0; i < padded; i += 4) {
        const v128_t fi = wasm_f32x4_convert_i32x4(wasm_i32x4_make(i, i + 1, i + 2, i + 3));
        const v128_t x = wasm_f32x4_add(kx, wasm_f32x4_mul(fi, rx));
        const v128_t y = wasm_f32x4_add(ky, wasm_f32x4_mul(fi, ry));
        const v128_t z = wasm_f32x4_add(kz, wasm_f32x4_mul(fi, rz));
        v128_t valid;
        const v128_t value = fovea_sample4(v, x, y, z, interp, dtype, &valid);
        const v128_t a = wasm_v128_load(acc + i);
        v128_t next;
        if (combine == FOVEA_MAX)
          next = wasm_f32x4_max(a, value);
        else if (combine == FOVEA_MIN)
          next = wasm_f32x4_min(a, value);
        else
          next = wasm_f32x4_add(a, value);
        wasm_v128_store(acc + i, wasm_v128_bitselect(next, a, valid));
        wasm_v128_store(count + i, wasm_f32x4_add(wasm_v128_load(count + i), wasm_v128_and(ones, valid)));
      }
    }
    float *row = out + (size_t)j * (size_t)width;
    int32_t i = 0;
    for (; i + 4 <= width; i += 4) {
      const v128_t n = wasm_v128_load(count + i);
      v128_t a = wasm_v128_load(acc + i);
      if (combine == FOVEA_MEAN) a = wasm_f32x4_div(a, n);
      const v128_t none = wasm_f32x4_eq(n, wasm_f32x4_splat(0.0f));
      wasm_v128_store(row + i, wasm_v128_bitselect(wasm_f32x4_splat(fill), a, none));
    }
    for (; i < width; i++) {
      const float n = count[i];
      row[i] = n == 0.0f ? fill : combine == FOVEA_MEAN ? acc[i] / n : acc[i];
    }
  }
  free(acc);
  return 0;
}

/*
 * Projects `samples` planes spaced by s (voxel index units) starting at o into out (width × height
 * float32, row-major). Returns 0, or -1 when scratch memory could not be allocated.
 */
EXPORT int fovea_slab(const void *data, int dtype, int32_t nx, int32_t ny, int32_t nz, float ox, float oy,
                      float oz, float rx, float ry, float rz, float cx, float cy, float cz, float sx, float sy,
                      float sz, int32_t samples, float *out, int32_t width, int32_t height, int combine,
                      int interp, float fill) {
  const fovea_volume v = {data, dtype, nx, ny, nz};
  const float o[3] = {ox, oy, oz}, r[3] = {rx, ry, rz}, c[3] = {cx, cy, cz}, s[3] = {sx, sy, sz};
  if (dtype == FOVEA_I16) {
    if (interp == FOVEA_NEAREST)
      return slab_impl(&v, o, r, c, s, samples, out, width, height, combine, FOVEA_NEAREST, fill, FOVEA_I16);
    return slab_impl(&v, o, r, c, s, samples, out, width, height, combine, FOVEA_TRILINEAR, fill, FOVEA_I16);
  }
  if (interp == FOVEA_NEAREST)
    return slab_impl(&v, o, r, c, s, samples, out, width, height, combine, FOVEA_NEAREST, fill, FOVEA_F32);
  return slab_impl(&v, o, r, c, s, samples, out, width, height, combine, FOVEA_TRILINEAR, fill, FOVEA_F32);
}

/* One plane: a slab of a single sample (the position rule above with k = 0). */
EXPORT int fovea_reslice(const void *data, int dtype, int32_t nx, int32_t ny, int32_t nz, float ox, float oy,
                         float oz, float rx, float ry, float rz, float cx, float cy, float cz, float *out,
                         int32_t width, int32_t height, int interp, float fill) {
  return fovea_slab(data, dtype, nx, ny, nz, ox, oy, oz, rx, ry, rz, cx, cy, cz, 0.0f, 0.0f, 0.0f, 1, out,
                    width, height, FOVEA_MAX, interp, fill);
}
