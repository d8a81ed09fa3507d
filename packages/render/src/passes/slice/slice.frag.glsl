// Slice pass, WebGL2 twin of slice.wgsl: the same steps, the same exactness argument (integer
// textures read with texelFetch; the grey level comes from CPU-made thresholds or a table).
// The loader prepends `#version 300 es`, `#define SAMPLE_SINT`, `SAMPLE_UINT`, `SAMPLE_FLOAT` or
// `SAMPLE_RGB`, and the threshold classification (lut/grey-thresholds.glsl, with its uniforms).
precision highp float;
precision highp int;
precision highp isampler2D;
precision highp usampler2D;
precision highp sampler2D;

uniform vec4 uCanvasToImageX;
uniform vec4 uCanvasToImageY;
uniform ivec2 uImageSize;
uniform int uLinear;
uniform int uGreyMode;
uniform int uTableBase;
uniform int uTableSize;
// GL's window origin is the bottom-left corner; canvas y runs down from the top.
uniform float uCanvasHeight;

#if defined(SAMPLE_SINT)
uniform isampler2D uImage;
#elif defined(SAMPLE_FLOAT)
uniform sampler2D uImage;
#else
uniform usampler2D uImage;
#endif
uniform usampler2D uGreyTable;
uniform sampler2D uColormap;

out vec4 outColor;

const vec4 BACKGROUND = vec4(0.0, 0.0, 0.0, 1.0);

vec2 imagePosition(vec2 canvas) {
  vec4 x = uCanvasToImageX;
  vec4 y = uCanvasToImageY;
  return vec2(x.x * canvas.x + x.y * canvas.y + x.z, y.x * canvas.x + y.y * canvas.y + y.z);
}

bool inside(vec2 position) {
  return all(greaterThanEqual(position, vec2(0.0))) && all(lessThan(position, vec2(uImageSize)));
}

float blend(vec2 weight, float v00, float v10, float v01, float v11) {
  float top = v00 * (1.0 - weight.x) + v10 * weight.x;
  float bottom = v01 * (1.0 - weight.x) + v11 * weight.x;
  return top * (1.0 - weight.y) + bottom * weight.y;
}

int greyLevel(float value) {
  if (uGreyMode == 1) {
    int index = clamp(int(floor(value)) - uTableBase, 0, uTableSize - 1);
    return int(texelFetch(uGreyTable, ivec2(index & 255, index >> 8), 0).r);
  }
  return thresholdLevel(value);
}

vec4 shadeGrey(float value) {
  return texelFetch(uColormap, ivec2(greyLevel(value), 0), 0);
}

#if defined(SAMPLE_RGB)
vec3 load(ivec2 p) {
  return vec3(texelFetch(uImage, p, 0).rgb);
}
#elif defined(SAMPLE_FLOAT)
float load(ivec2 p) {
  return texelFetch(uImage, p, 0).r;
}
#else
float load(ivec2 p) {
  return float(texelFetch(uImage, p, 0).r);
}
#endif

void main() {
  vec2 position = imagePosition(vec2(gl_FragCoord.x, uCanvasHeight - gl_FragCoord.y));
  if (!inside(position)) {
    outColor = BACKGROUND;
    return;
  }
  vec2 u = position - 0.5;
  vec2 base = floor(u);
  ivec2 last = uImageSize - 1;
  ivec2 p00 = clamp(ivec2(base), ivec2(0), last);
  ivec2 p11 = clamp(ivec2(base) + 1, ivec2(0), last);
  vec2 weight = u - base;
#if defined(SAMPLE_RGB)
  if (uLinear == 0) {
    outColor = vec4(load(ivec2(floor(position))) / 255.0, 1.0);
    return;
  }
  vec3 c00 = load(p00);
  vec3 c10 = load(ivec2(p11.x, p00.y));
  vec3 c01 = load(ivec2(p00.x, p11.y));
  vec3 c11 = load(p11);
  vec3 rgb = vec3(
    blend(weight, c00.r, c10.r, c01.r, c11.r),
    blend(weight, c00.g, c10.g, c01.g, c11.g),
    blend(weight, c00.b, c10.b, c01.b, c11.b));
  outColor = vec4(floor(rgb + 0.5) / 255.0, 1.0);
#else
  if (uLinear == 0) {
    outColor = shadeGrey(load(ivec2(floor(position))));
    return;
  }
  outColor = shadeGrey(blend(weight, load(p00), load(ivec2(p11.x, p00.y)), load(ivec2(p00.x, p11.y)), load(p11)));
#endif
}
