// Grey level by thresholds, GLSL twin of grey-thresholds.wgsl (see there), shared by
// slice.frag.glsl and mpr.frag.glsl: inserted after `#version` and the defines, it declares the
// threshold uniforms itself.
precision highp float;
precision highp int;

// First guess of the level of s: floor(uGuess.x * s + uGuess.y), fitted to the thresholds.
uniform vec2 uGuess;
// +1 or -1: thresholds are in s = value * uDirection.
uniform float uDirection;
uniform int uLevelMin;
uniform int uLevelMax;
uniform vec4 uThresholds[64];

// Smallest normal float (2^-126): smaller magnitudes are taken as 0 whether or not the GPU flushes.
const float MIN_NORMAL = 1.17549435e-38;

float threshold(int k) {
  return uThresholds[k >> 2][k & 3];
}

int thresholdLevel(float value) {
  float s = (abs(value) < MIN_NORMAL ? 0.0 : value) * uDirection;
  int lo = uLevelMin;
  int hi = uLevelMax;
  int k = clamp(int(clamp(floor(uGuess.x * s + uGuess.y), float(lo), float(hi))), lo, hi);
  for (int i = 0; i < 4; i++) {
    if (k < hi && threshold(k + 1) <= s) {
      k++;
    } else if (k > lo && threshold(k) > s) {
      k--;
    } else {
      return k;
    }
  }
  int position = 0;
  for (int step = 128; step > 0; step >>= 1) {
    if (threshold(position + step) <= s) {
      position += step;
    }
  }
  return clamp(position, lo, hi);
}
