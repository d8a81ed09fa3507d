// Volume pass, WebGL2 twin of volume.wgsl: the same steps in the same order (see there). The
// loader prepends `#version 300 es`, `#define SAMPLE_SINT`, `SAMPLE_UINT` or `SAMPLE_FLOAT`, and the
// brick atlas (volume/brick-atlas.glsl: the sampler `uVolume`, `load` and `loadCorners`).
precision highp float;
precision highp int;
precision highp isampler3D;
precision highp usampler3D;
precision highp sampler3D;
precision highp sampler2D;

uniform vec4 uOrigin;
uniform vec4 uPixelX;
uniform vec4 uPixelY;
uniform vec4 uDirection;
uniform vec4 uGradientX;
uniform vec4 uGradientY;
uniform vec4 uGradientZ;
uniform vec4 uViewDirection;
uniform ivec4 uVolumeSize;
uniform float uSampleDistance;
uniform int uMode;
uniform int uShading;
uniform int uMaxSamples;
uniform float uWindowLow;
uniform float uWindowWidth;
uniform float uTableMin;
uniform float uTableMax;
uniform float uAmbient;
uniform float uDiffuse;
uniform float uSpecular;
uniform float uShininess;
uniform float uMinGradient;
uniform float uOpaqueEnough;
uniform int uSkipEmpty;
// GL's window origin is the bottom-left corner; canvas y runs down from the top.
uniform float uCanvasHeight;

uniform sampler2D uTransferTable;
uniform highp usampler3D uBricks;

const int BRICK_SIZE = 8;

out vec4 outColor;

const vec4 BACKGROUND = vec4(0.0, 0.0, 0.0, 1.0);

float trilinear(vec3 v) {
  ivec3 last = uVolumeSize.xyz - 1;
  vec3 c = clamp(v, vec3(0.0), vec3(last));
  vec3 base = floor(c);
  ivec3 i0 = ivec3(base);
  ivec3 i1 = min(i0 + 1, last);
  vec3 f = c - base;
  float corners[8];
  loadCorners(i0, i1, corners);
  float v000 = corners[0];
  float v100 = corners[1];
  float v010 = corners[2];
  float v110 = corners[3];
  float v001 = corners[4];
  float v101 = corners[5];
  float v011 = corners[6];
  float v111 = corners[7];
  float c00 = v000 + (v100 - v000) * f.x;
  float c10 = v010 + (v110 - v010) * f.x;
  float c01 = v001 + (v101 - v001) * f.x;
  float c11 = v011 + (v111 - v011) * f.x;
  float c0 = c00 + (c10 - c00) * f.y;
  float c1 = c01 + (c11 - c01) * f.y;
  return c0 + (c1 - c0) * f.z;
}

vec3 gradient(vec3 v) {
  return vec3(
    trilinear(v + vec3(1.0, 0.0, 0.0)) - trilinear(v - vec3(1.0, 0.0, 0.0)),
    trilinear(v + vec3(0.0, 1.0, 0.0)) - trilinear(v - vec3(0.0, 1.0, 0.0)),
    trilinear(v + vec3(0.0, 0.0, 1.0)) - trilinear(v - vec3(0.0, 0.0, 1.0))
  ) * 0.5;
}

vec2 rayBox(vec3 o, vec3 d) {
  float near = -3.4e38;
  float far = 3.4e38;
  vec3 high = vec3(uVolumeSize.xyz) - 0.5;
  for (int i = 0; i < 3; i++) {
    if (abs(d[i]) < 1e-12) {
      if (o[i] < -0.5 || o[i] > high[i]) return vec2(1.0, 0.0);
      continue;
    }
    float a = (-0.5 - o[i]) / d[i];
    float b = (high[i] - o[i]) / d[i];
    near = max(near, min(a, b));
    far = min(far, max(a, b));
  }
  return vec2(near, far);
}

vec4 transfer(float value) {
  float last = float(textureSize(uTransferTable, 0).x - 1);
  float position = clamp((value - uTableMin) / (uTableMax - uTableMin) * last, 0.0, last);
  float i = min(floor(position), last - 1.0);
  float t = position - i;
  vec4 a = texelFetch(uTransferTable, ivec2(int(i), 0), 0);
  vec4 b = texelFetch(uTransferTable, ivec2(int(i) + 1, 0), 0);
  return a + (b - a) * t;
}

vec2 shadingTerms(vec3 gradientVoxel) {
  vec3 g = vec3(
    dot(uGradientX.xyz, gradientVoxel),
    dot(uGradientY.xyz, gradientVoxel),
    dot(uGradientZ.xyz, gradientVoxel)
  );
  float magnitude = length(g);
  if (magnitude < uMinGradient) return vec2(1.0, 0.0);
  float cosine = abs(dot(g, uViewDirection.xyz)) / magnitude;
  float specular = cosine > 0.0 ? uSpecular * pow(cosine, uShininess) : 0.0;
  return vec2(uAmbient + uDiffuse * cosine, specular);
}

void main() {
  vec2 pixel = vec2(floor(gl_FragCoord.x), floor(uCanvasHeight - gl_FragCoord.y));
  vec3 o = uOrigin.xyz + pixel.x * uPixelX.xyz + pixel.y * uPixelY.xyz;
  vec3 d = uDirection.xyz;
  vec2 range = rayBox(o, d);
  if (range.x > range.y) {
    outColor = BACKGROUND;
    return;
  }
  float step = uSampleDistance;
  float first = ceil(range.x / step);
  float last = floor(range.y / step);
  if (last < first) {
    outColor = BACKGROUND;
    return;
  }
  int count = min(int(last - first) + 1, uMaxSamples);
  if (uMode == 1) {
    float highest = -3.4e38;
    for (int k = 0; k < count; k++) {
      float t = (first + float(k)) * step;
      highest = max(highest, trilinear(o + t * d));
    }
    float grey = clamp((highest - uWindowLow) / uWindowWidth, 0.0, 1.0);
    outColor = vec4(grey, grey, grey, 1.0);
    return;
  }
  vec3 colour = vec3(0.0);
  float alpha = 0.0;
  for (int k = 0; k < count && alpha < uOpaqueEnough; k++) {
    float t = (first + float(k)) * step;
    vec3 v = o + t * d;
    if (uSkipEmpty == 1) {
      ivec3 corner = ivec3(floor(clamp(v, vec3(0.0), vec3(uVolumeSize.xyz - 1))));
      if (texelFetch(uBricks, corner / BRICK_SIZE, 0).r == 0u) continue;
    }
    vec4 s = transfer(trilinear(v));
    if (s.a <= 0.0) continue;
    float a = s.a < 1.0 ? 1.0 - pow(1.0 - s.a, step) : 1.0;
    vec2 light = uShading == 1 ? shadingTerms(gradient(v)) : vec2(1.0, 0.0);
    float weight = (1.0 - alpha) * a;
    colour += weight * min(s.rgb * light.x + light.y, vec3(1.0));
    alpha += weight;
  }
  outColor = vec4(min(colour, vec3(1.0)), 1.0);
}
