// Slice pass: draws one 2D image (grey or RGB) into the whole canvas.
//
// Exactness: stored values are read with textureLoad from integer (r8/r16 sint/uint) or r32float
// textures, so the shader sees every value exactly. The grey level is NOT computed here with f32
// arithmetic (which cannot reproduce the double-precision DICOM reference at exact-integer
// boundaries, nor exp for SIGMOID): the CPU evaluates the reference and hands over either 255
// float32 thresholds (monotonic pipelines: the level is how many thresholds the value reaches)
// or a table with the level of every stored value (LUT sequences). See lut/grey-classifier.ts.
// The WebGL2 twin (slice.frag.glsl) implements the same steps.

struct SliceParams {
  // Canvas pixel centre (x, y, 1) to image position: x = dot(canvasToImageX.xyz, p), y likewise.
  canvasToImageX: vec4f,
  canvasToImageY: vec4f,
  // Columns, rows.
  imageSize: vec2i,
  // First guess of the level of s: floor(guess.x * s + guess.y), fitted to the thresholds.
  guess: vec2f,
  // 0 nearest, 1 linear (bilinear between pixel centres, edges clamped).
  linear: u32,
  // 0 thresholds, 1 table.
  greyMode: u32,
  // +1 or -1: thresholds are in s = value * direction.
  direction: f32,
  levelMin: u32,
  levelMax: u32,
  // Stored value of table entry 0, and the number of entries (the table is 256 texels wide).
  tableBase: i32,
  tableSize: i32,
  // thresholds[k >> 2][k & 3] is threshold k; threshold 0 is unused.
  thresholds: array<vec4f, 64>,
};

@group(0) @binding(0) var<uniform> params: SliceParams;
// One image binding, declared once per texel type; each fragment entry point uses one of them.
@group(0) @binding(1) var imageSint: texture_2d<i32>;
@group(0) @binding(1) var imageUint: texture_2d<u32>;
@group(0) @binding(1) var imageFloat: texture_2d<f32>;
@group(0) @binding(2) var greyTable: texture_2d<u32>;
@group(0) @binding(3) var colormap: texture_2d<f32>;

const BACKGROUND = vec4f(0.0, 0.0, 0.0, 1.0);

@vertex
fn vs(@builtin(vertex_index) index: u32) -> @builtin(position) vec4f {
  // One triangle covering the viewport.
  let corner = vec2f(f32((index << 1u) & 2u), f32(index & 2u));
  return vec4f(corner * 2.0 - 1.0, 0.0, 1.0);
}

fn imagePosition(canvas: vec2f) -> vec2f {
  let x = params.canvasToImageX;
  let y = params.canvasToImageY;
  return vec2f(x.x * canvas.x + x.y * canvas.y + x.z, y.x * canvas.x + y.y * canvas.y + y.z);
}

fn inside(position: vec2f) -> bool {
  return all(position >= vec2f(0.0)) && all(position < vec2f(params.imageSize));
}

// The four pixels around a position and the weights between them.
struct Taps {
  p00: vec2i,
  p11: vec2i,
  weight: vec2f,
};

fn taps(position: vec2f) -> Taps {
  let u = position - 0.5;
  let base = floor(u);
  let last = params.imageSize - 1;
  let i = vec2i(base);
  return Taps(clamp(i, vec2i(0), last), clamp(i + 1, vec2i(0), last), u - base);
}

fn blend(t: Taps, v00: f32, v10: f32, v01: f32, v11: f32) -> f32 {
  let top = v00 * (1.0 - t.weight.x) + v10 * t.weight.x;
  let bottom = v01 * (1.0 - t.weight.x) + v11 * t.weight.x;
  return top * (1.0 - t.weight.y) + bottom * t.weight.y;
}

fn greyLevel(value: f32) -> u32 {
  if (params.greyMode == 1u) {
    let index = clamp(i32(floor(value)) - params.tableBase, 0, params.tableSize - 1);
    return textureLoad(greyTable, vec2i(index & 255, index >> 8u), 0).r;
  }
  return thresholdLevel(value);
}

fn shadeGrey(value: f32) -> vec4f {
  return textureLoad(colormap, vec2i(i32(greyLevel(value)), 0), 0);
}

@fragment
fn fsSint(@builtin(position) fragment: vec4f) -> @location(0) vec4f {
  let position = imagePosition(fragment.xy);
  if (!inside(position)) {
    return BACKGROUND;
  }
  if (params.linear == 0u) {
    return shadeGrey(f32(textureLoad(imageSint, vec2i(floor(position)), 0).r));
  }
  let t = taps(position);
  let v00 = f32(textureLoad(imageSint, t.p00, 0).r);
  let v10 = f32(textureLoad(imageSint, vec2i(t.p11.x, t.p00.y), 0).r);
  let v01 = f32(textureLoad(imageSint, vec2i(t.p00.x, t.p11.y), 0).r);
  let v11 = f32(textureLoad(imageSint, t.p11, 0).r);
  return shadeGrey(blend(t, v00, v10, v01, v11));
}

@fragment
fn fsUint(@builtin(position) fragment: vec4f) -> @location(0) vec4f {
  let position = imagePosition(fragment.xy);
  if (!inside(position)) {
    return BACKGROUND;
  }
  if (params.linear == 0u) {
    return shadeGrey(f32(textureLoad(imageUint, vec2i(floor(position)), 0).r));
  }
  let t = taps(position);
  let v00 = f32(textureLoad(imageUint, t.p00, 0).r);
  let v10 = f32(textureLoad(imageUint, vec2i(t.p11.x, t.p00.y), 0).r);
  let v01 = f32(textureLoad(imageUint, vec2i(t.p00.x, t.p11.y), 0).r);
  let v11 = f32(textureLoad(imageUint, t.p11, 0).r);
  return shadeGrey(blend(t, v00, v10, v01, v11));
}

@fragment
fn fsFloat(@builtin(position) fragment: vec4f) -> @location(0) vec4f {
  let position = imagePosition(fragment.xy);
  if (!inside(position)) {
    return BACKGROUND;
  }
  if (params.linear == 0u) {
    return shadeGrey(textureLoad(imageFloat, vec2i(floor(position)), 0).r);
  }
  let t = taps(position);
  let v00 = textureLoad(imageFloat, t.p00, 0).r;
  let v10 = textureLoad(imageFloat, vec2i(t.p11.x, t.p00.y), 0).r;
  let v01 = textureLoad(imageFloat, vec2i(t.p00.x, t.p11.y), 0).r;
  let v11 = textureLoad(imageFloat, t.p11, 0).r;
  return shadeGrey(blend(t, v00, v10, v01, v11));
}

// RGB pixels live in an rgba8uint texture; VOI, inversion and colour maps do not apply.
@fragment
fn fsRgb(@builtin(position) fragment: vec4f) -> @location(0) vec4f {
  let position = imagePosition(fragment.xy);
  if (!inside(position)) {
    return BACKGROUND;
  }
  if (params.linear == 0u) {
    let rgb = vec3f(textureLoad(imageUint, vec2i(floor(position)), 0).rgb);
    return vec4f(rgb / 255.0, 1.0);
  }
  let t = taps(position);
  let c00 = vec3f(textureLoad(imageUint, t.p00, 0).rgb);
  let c10 = vec3f(textureLoad(imageUint, vec2i(t.p11.x, t.p00.y), 0).rgb);
  let c01 = vec3f(textureLoad(imageUint, vec2i(t.p00.x, t.p11.y), 0).rgb);
  let c11 = vec3f(textureLoad(imageUint, t.p11, 0).rgb);
  let r = blend(t, c00.r, c10.r, c01.r, c11.r);
  let g = blend(t, c00.g, c10.g, c01.g, c11.g);
  let b = blend(t, c00.b, c10.b, c01.b, c11.b);
  return vec4f(floor(vec3f(r, g, b) + 0.5) / 255.0, 1.0);
}
