// Volume pass: one ray per canvas pixel through a 3D texture, orthographic, either direct volume
// rendering (colour and opacity from a transfer-function table, composited front to back with
// gradient shading) or maximum intensity projection. The loader prepends `alias Texel = i32;`
// (or u32, f32): the volume's texel type, one pipeline per type. The WebGL2 twin
// (volume.frag.glsl) and the CPU reference (cpu/raycast-cpu.ts) do the same steps in the same
// order: samples at t = k · sampleDistance inside the volume box, trilinear between voxel centres
// (positions clamped to the outer centres), central differences one voxel apart for gradients.

struct VolumeParams {
  // Voxel position of the centre of canvas pixel (0, 0) on the plane through the volume centre,
  // and the voxel steps for one pixel right and one pixel down.
  origin: vec4f,
  pixelX: vec4f,
  pixelY: vec4f,
  // Voxel step per mm along the view direction.
  direction: vec4f,
  // Rows of the matrix taking a voxel-unit gradient to patient space (value per mm).
  gradientX: vec4f,
  gradientY: vec4f,
  gradientZ: vec4f,
  // Unit view direction, patient space (the headlight shines along it).
  viewDirection: vec4f,
  // Voxels along x, y, z.
  volumeSize: vec4i,
  // mm between samples along a ray.
  sampleDistance: f32,
  // 0 DVR, 1 MIP.
  mode: u32,
  // DVR: 1 to shade by the gradient.
  shading: u32,
  // Upper bound of samples per ray (the diagonal over the sample distance).
  maxSamples: u32,
  // MIP: value shown black, and the width of the window above it.
  windowLow: f32,
  windowWidth: f32,
  // DVR: values of the first and last transfer-table entries.
  tableMin: f32,
  tableMax: f32,
  ambient: f32,
  diffuse: f32,
  specular: f32,
  shininess: f32,
  // Gradients weaker than this (value per mm) leave the colour unshaded.
  minGradient: f32,
  // A ray stops once its opacity reaches this.
  opaqueEnough: f32,
  // DVR: 1 to skip samples in bricks the transfer function leaves wholly transparent.
  skipEmpty: u32,
  // Where voxels lie in the texture (brick-atlas.wgsl, prepended by the loader).
  atlas: BrickAtlas,
};

@group(0) @binding(0) var<uniform> params: VolumeParams;
@group(0) @binding(1) var volume: texture_3d<Texel>;
// TRANSFER_TABLE_SIZE × 1 texels: r, g, b, opacity per mm.
@group(0) @binding(2) var transferTable: texture_2d<f32>;
// One texel per brick of BRICK_SIZE³ voxels: 0 where every sample is transparent (empty-bricks.ts).
@group(0) @binding(3) var bricks: texture_3d<u32>;

const BRICK_SIZE = 8;

const BACKGROUND = vec4f(0.0, 0.0, 0.0, 1.0);

@vertex
fn vs(@builtin(vertex_index) index: u32) -> @builtin(position) vec4f {
  // One triangle covering the viewport.
  let corner = vec2f(f32((index << 1u) & 2u), f32(index & 2u));
  return vec4f(corner * 2.0 - 1.0, 0.0, 1.0);
}

fn trilinear(v: vec3f) -> f32 {
  let last = params.volumeSize.xyz - 1;
  let c = clamp(v, vec3f(0.0), vec3f(last));
  let base = floor(c);
  let i0 = vec3i(base);
  let i1 = min(i0 + 1, last);
  let f = c - base;
  let corners = loadCorners(i0, i1);
  let v000 = corners.c000;
  let v100 = corners.c100;
  let v010 = corners.c010;
  let v110 = corners.c110;
  let v001 = corners.c001;
  let v101 = corners.c101;
  let v011 = corners.c011;
  let v111 = corners.c111;
  let c00 = v000 + (v100 - v000) * f.x;
  let c10 = v010 + (v110 - v010) * f.x;
  let c01 = v001 + (v101 - v001) * f.x;
  let c11 = v011 + (v111 - v011) * f.x;
  let c0 = c00 + (c10 - c00) * f.y;
  let c1 = c01 + (c11 - c01) * f.y;
  return c0 + (c1 - c0) * f.z;
}

fn gradient(v: vec3f) -> vec3f {
  return vec3f(
    trilinear(v + vec3f(1.0, 0.0, 0.0)) - trilinear(v - vec3f(1.0, 0.0, 0.0)),
    trilinear(v + vec3f(0.0, 1.0, 0.0)) - trilinear(v - vec3f(0.0, 1.0, 0.0)),
    trilinear(v + vec3f(0.0, 0.0, 1.0)) - trilinear(v - vec3f(0.0, 0.0, 1.0)),
  ) * 0.5;
}

// Ray parameter range inside the box of voxel faces; x > y when the ray misses it.
fn rayBox(o: vec3f, d: vec3f) -> vec2f {
  var near = -3.4e38;
  var far = 3.4e38;
  let high = vec3f(params.volumeSize.xyz) - 0.5;
  for (var i = 0; i < 3; i = i + 1) {
    if (abs(d[i]) < 1e-12) {
      if (o[i] < -0.5 || o[i] > high[i]) {
        return vec2f(1.0, 0.0);
      }
      continue;
    }
    let a = (-0.5 - o[i]) / d[i];
    let b = (high[i] - o[i]) / d[i];
    near = max(near, min(a, b));
    far = min(far, max(a, b));
  }
  return vec2f(near, far);
}

fn transfer(value: f32) -> vec4f {
  let last = f32(textureDimensions(transferTable).x - 1u);
  let position = clamp((value - params.tableMin) / (params.tableMax - params.tableMin) * last, 0.0, last);
  let i = min(floor(position), last - 1.0);
  let t = position - i;
  let a = textureLoad(transferTable, vec2i(i32(i), 0), 0);
  let b = textureLoad(transferTable, vec2i(i32(i) + 1, 0), 0);
  return a + (b - a) * t;
}

// (diffuse-and-ambient factor, specular term) of the headlight at a sample.
fn shadingTerms(gradientVoxel: vec3f) -> vec2f {
  let g = vec3f(
    dot(params.gradientX.xyz, gradientVoxel),
    dot(params.gradientY.xyz, gradientVoxel),
    dot(params.gradientZ.xyz, gradientVoxel),
  );
  let magnitude = length(g);
  if (magnitude < params.minGradient) {
    return vec2f(1.0, 0.0);
  }
  let cosine = abs(dot(g, params.viewDirection.xyz)) / magnitude;
  var specular = 0.0;
  if (cosine > 0.0) {
    specular = params.specular * pow(cosine, params.shininess);
  }
  return vec2f(params.ambient + params.diffuse * cosine, specular);
}

@fragment
fn fs(@builtin(position) fragment: vec4f) -> @location(0) vec4f {
  let pixel = floor(fragment.xy);
  let o = params.origin.xyz + pixel.x * params.pixelX.xyz + pixel.y * params.pixelY.xyz;
  let d = params.direction.xyz;
  let range = rayBox(o, d);
  if (range.x > range.y) {
    return BACKGROUND;
  }
  let step = params.sampleDistance;
  let first = ceil(range.x / step);
  let last = floor(range.y / step);
  if (last < first) {
    return BACKGROUND;
  }
  let count = min(u32(last - first) + 1u, params.maxSamples);
  if (params.mode == 1u) {
    var highest = -3.4e38;
    for (var k = 0u; k < count; k = k + 1u) {
      let t = (first + f32(k)) * step;
      highest = max(highest, trilinear(o + t * d));
    }
    let grey = clamp((highest - params.windowLow) / params.windowWidth, 0.0, 1.0);
    return vec4f(grey, grey, grey, 1.0);
  }
  var colour = vec3f(0.0);
  var alpha = 0.0;
  for (var k = 0u; k < count && alpha < params.opaqueEnough; k = k + 1u) {
    let t = (first + f32(k)) * step;
    let v = o + t * d;
    if (params.skipEmpty == 1u) {
      // The brick of the sample's lower corner voxel; skipping it changes nothing in the image.
      let corner = vec3i(floor(clamp(v, vec3f(0.0), vec3f(params.volumeSize.xyz - 1))));
      if (textureLoad(bricks, corner / BRICK_SIZE, 0).r == 0u) {
        continue;
      }
    }
    let tf = transfer(trilinear(v));
    if (tf.a <= 0.0) {
      continue;
    }
    // Opacity per mm to opacity per step; 1 stays 1 (pow(0, x) is not defined everywhere).
    var a = 1.0;
    if (tf.a < 1.0) {
      a = 1.0 - pow(1.0 - tf.a, step);
    }
    var light = vec2f(1.0, 0.0);
    if (params.shading == 1u) {
      light = shadingTerms(gradient(v));
    }
    let weight = (1.0 - alpha) * a;
    colour = colour + weight * min(tf.rgb * light.x + light.y, vec3f(1.0));
    alpha = alpha + weight;
  }
  return vec4f(min(colour, vec3f(1.0)), 1.0);
}
