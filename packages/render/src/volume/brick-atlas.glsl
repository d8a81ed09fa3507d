// Brick atlas (volume/brick-atlas.ts), WebGL2 twin of brick-atlas.wgsl (see there), prepended
// after `#version` and the SAMPLE_* define to the shaders that read a volume (mpr.frag.glsl,
// volume.frag.glsl): it declares the volume sampler `uVolume` and the atlas uniforms, and the
// shaders read voxels through `load` and `loadCorners` only. `#define BRICK_ATLAS` (by the
// loader, one program per case) turns the mapping on: a volume stored whole pays nothing for it.
precision highp float;
precision highp int;
precision highp isampler3D;
precision highp usampler3D;
precision highp sampler3D;

#if defined(SAMPLE_SINT)
uniform isampler3D uVolume;
#elif defined(SAMPLE_FLOAT)
uniform sampler3D uVolume;
#else
uniform usampler3D uVolume;
#endif

// Voxels of the volume; bricks; texels of a tile; tiles along x and y.
uniform ivec4 uAtlasVolumeSize;
uniform ivec4 uAtlasGrid;
uniform ivec4 uAtlasTileSize;
uniform ivec4 uAtlasTiles;
// f32(1 / volume size), f32(1 / bricks), f32(1 / tiles x), f32(1 / (tiles x · tiles y)).
uniform vec4 uAtlasVolumeSizeInverse;
uniform vec4 uAtlasGridInverse;
uniform vec4 uAtlasTilesInverse;

float texel(ivec3 t) {
  return float(texelFetch(uVolume, t, 0).r);
}

// ⌊x / d⌋ (x >= 0, d >= 1, x / d < 2^22) from inverse = f32(1 / d), exactly (see brick-atlas.wgsl).
ivec3 quotient(ivec3 x, ivec3 d, vec3 inverse) {
  ivec3 q = ivec3(vec3(x) * inverse);
  ivec3 r = x - q * d;
  return q + ivec3(greaterThanEqual(r, d)) - ivec3(lessThan(r, ivec3(0)));
}

ivec3 brickCell(ivec3 p) {
  return quotient((p + 1) * uAtlasGrid.xyz - 1, uAtlasVolumeSize.xyz, uAtlasVolumeSizeInverse.xyz);
}

ivec3 brickStart(ivec3 cell) {
  return quotient(cell * uAtlasVolumeSize.xyz, uAtlasGrid.xyz, uAtlasGridInverse.xyz);
}

ivec3 tileOrigin(ivec3 cell) {
  int b = cell.x + uAtlasGrid.x * (cell.y + uAtlasGrid.y * cell.z);
  ivec3 q = quotient(ivec3(b), ivec3(uAtlasTiles.x, uAtlasTiles.x * uAtlasTiles.y, 1), vec3(uAtlasTilesInverse.xy, 1.0));
  return ivec3(b - q.x * uAtlasTiles.x, q.x - q.y * uAtlasTiles.y, q.y) * uAtlasTileSize.xyz;
}

ivec3 brickOffset(ivec3 cell) {
  return tileOrigin(cell) - brickStart(cell);
}

float load(ivec3 p) {
#if defined(BRICK_ATLAS)
  return texel(p + brickOffset(brickCell(p)));
#else
  return texel(p);
#endif
}

// c[x + 2y + 4z]: the voxel at i0 (0) or i1 (1) along each axis.
void loadCorners(ivec3 i0, ivec3 i1, out float c[8]) {
  ivec3 o0 = i0;
  ivec3 o1 = i1;
#if defined(BRICK_ATLAS)
  {
    ivec3 cell = brickCell(i0);
    ivec3 cell1 = brickCell(i1);
    if (any(notEqual(cell1, cell))) {
      // Straddling a brick border: each corner through its own brick (see brick-atlas.wgsl).
      ivec3 p0 = i0 - brickStart(cell);
      ivec3 p1 = i1 - brickStart(cell1);
      c[0] = texel(tileOrigin(cell) + p0);
      c[1] = texel(tileOrigin(ivec3(cell1.x, cell.y, cell.z)) + ivec3(p1.x, p0.y, p0.z));
      c[2] = texel(tileOrigin(ivec3(cell.x, cell1.y, cell.z)) + ivec3(p0.x, p1.y, p0.z));
      c[3] = texel(tileOrigin(ivec3(cell1.x, cell1.y, cell.z)) + ivec3(p1.x, p1.y, p0.z));
      c[4] = texel(tileOrigin(ivec3(cell.x, cell.y, cell1.z)) + ivec3(p0.x, p0.y, p1.z));
      c[5] = texel(tileOrigin(ivec3(cell1.x, cell.y, cell1.z)) + ivec3(p1.x, p0.y, p1.z));
      c[6] = texel(tileOrigin(ivec3(cell.x, cell1.y, cell1.z)) + ivec3(p0.x, p1.y, p1.z));
      c[7] = texel(tileOrigin(cell1) + p1);
      return;
    }
    ivec3 offset = brickOffset(cell);
    o0 = i0 + offset;
    o1 = i1 + offset;
  }
#endif
  c[0] = texel(o0);
  c[1] = texel(ivec3(o1.x, o0.y, o0.z));
  c[2] = texel(ivec3(o0.x, o1.y, o0.z));
  c[3] = texel(ivec3(o1.x, o1.y, o0.z));
  c[4] = texel(ivec3(o0.x, o0.y, o1.z));
  c[5] = texel(ivec3(o1.x, o0.y, o1.z));
  c[6] = texel(ivec3(o0.x, o1.y, o1.z));
  c[7] = texel(o1);
}
