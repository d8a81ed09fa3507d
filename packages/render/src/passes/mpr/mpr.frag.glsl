// MPR pass, WebGL2 twin of mpr.wgsl: the same steps in the same order (see there). The loader
// prepends `#version 300 es`, `#define SAMPLE_SINT`, `SAMPLE_UINT` or `SAMPLE_FLOAT`, and the brick
// atlas (volume/brick-atlas.glsl: the sampler `uVolume`, `load` and `loadCorners`) and the threshold
// classification (lut/grey-thresholds.glsl, with its uniforms).
precision highp float;
precision highp int;
precision highp isampler3D;
precision highp usampler3D;
precision highp sampler3D;
precision highp sampler2D;

uniform vec4 uCanvasToImageX;
uniform vec4 uCanvasToImageY;
uniform ivec2 uImageSize;
uniform vec4 uOrigin;
uniform vec4 uRow;
uniform vec4 uColumn;
uniform vec4 uStep;
uniform ivec4 uVolumeSize;
uniform int uSamples;
uniform int uCombine;
uniform int uTrilinear;
uniform int uLayerMode;
uniform float uFill;
uniform float uOpacity;
uniform int uMinLevel;
uniform int uTableSize;
// GL's window origin is the bottom-left corner; canvas y runs down from the top.
uniform float uCanvasHeight;

uniform sampler2D uColourTable;

out vec4 outColor;

const vec4 BACKGROUND = vec4(0.0, 0.0, 0.0, 1.0);

vec2 imagePosition(vec2 canvas) {
  vec4 x = uCanvasToImageX;
  vec4 y = uCanvasToImageY;
  return vec2(x.x * canvas.x + x.y * canvas.y + x.z, y.x * canvas.x + y.y * canvas.y + y.z);
}

float mix2(float a, float b, float t) {
  return a + t * (b - a);
}

// Returns false when the position lies outside the volume (NaN included).
bool sampleVolume(vec3 position, out float value) {
  vec3 last = vec3(uVolumeSize.xyz - 1);
  vec3 p = position;
  if (uTrilinear == 0) {
    p = floor(p + 0.5);
  }
  if (!(all(greaterThanEqual(p, vec3(0.0))) && all(lessThanEqual(p, last)))) {
    value = 0.0;
    return false;
  }
  vec3 base = floor(p);
  ivec3 i0 = ivec3(base);
  if (uTrilinear == 0) {
    value = load(i0);
    return true;
  }
  ivec3 i1 = min(i0 + 1, uVolumeSize.xyz - 1);
  vec3 f = p - base;
  float corners[8];
  loadCorners(i0, i1, corners);
  float c00 = mix2(corners[0], corners[1], f.x);
  float c10 = mix2(corners[2], corners[3], f.x);
  float c01 = mix2(corners[4], corners[5], f.x);
  float c11 = mix2(corners[6], corners[7], f.x);
  value = mix2(mix2(c00, c10, f.y), mix2(c01, c11, f.y), f.z);
  return true;
}

vec4 tableEntry(int index) {
  int i = clamp(index, 0, uTableSize - 1);
  return texelFetch(uColourTable, ivec2(i & 255, i >> 8), 0);
}

void main() {
  vec2 position = imagePosition(vec2(gl_FragCoord.x, uCanvasHeight - gl_FragCoord.y));
  bool base = uLayerMode == 0;
  if (!(all(greaterThanEqual(position, vec2(0.0))) && all(lessThan(position, vec2(uImageSize))))) {
    if (base) {
      outColor = BACKGROUND;
      return;
    }
    discard;
  }
  vec2 u = position - 0.5;
  vec3 start = uOrigin.xyz + u.y * uColumn.xyz;
  float value = 0.0;
  int count = 0;
  for (int k = 0; k < uSamples; k++) {
    vec3 p = (start + float(k) * uStep.xyz) + u.x * uRow.xyz;
    float s;
    if (!sampleVolume(p, s)) {
      continue;
    }
    if (count == 0) {
      value = s;
    } else if (uCombine == 0) {
      value = max(value, s);
    } else if (uCombine == 1) {
      value = min(value, s);
    } else {
      value = value + s;
    }
    count++;
  }
  if (count == 0) {
    if (!base) {
      discard;
    }
    value = uFill;
  } else if (uCombine == 2) {
    value = value / float(count);
  }
  if (uLayerMode == 2) {
    vec4 colour = tableEntry(int(value));
    if (colour.a == 0.0) {
      discard;
    }
    outColor = colour;
    return;
  }
  int level = thresholdLevel(value);
  if (!base && level < uMinLevel) {
    discard;
  }
  outColor = vec4(tableEntry(level).rgb, base ? 1.0 : uOpacity);
}
