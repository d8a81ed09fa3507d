// MPR pass: samples a 3D texture on a plane (any orientation) or a thick slab around it, and
// draws the result into the canvas as one layer: the base grey image, a fused volume (PET over
// CT), a heatmap or a label map. The loader prepends `alias Texel = i32;` (or u32, f32): the
// texel type of the volume, one pipeline per type. The WebGL2 twin (mpr.frag.glsl) does the same.
//
// Exactness: voxels are read with textureLoad (integers stay exact); trilinear interpolation and
// the slab combination are done here in f32, in the order of the volume core's C code
// (wasm/src/reslice.c): sample positions ((origin + v·column) + k·step) + u·row, lerps
// a + t·(b − a), mean = sum / count. The grey level then comes from CPU-made thresholds, as in
// the slice pass (see lut/grey-classifier.ts).

struct MprParams {
  // Canvas pixel centre (x, y, 1) to plane image position (pixel (c, r) covers [c, c + 1)).
  canvasToImageX: vec4f,
  canvasToImageY: vec4f,
  // Plane image columns, rows.
  imageSize: vec2i,
  // First guess of the level of s: floor(guess.x * s + guess.y), fitted to the thresholds.
  guess: vec2f,
  // Voxel index position of plane pixel (0, 0), first slab sample; steps per column, per row
  // and per slab sample (voxel index units).
  origin: vec4f,
  row: vec4f,
  column: vec4f,
  step: vec4f,
  // Voxels along x, y, z.
  volumeSize: vec4i,
  samples: i32,
  // 0 max (MIP), 1 min (MinIP), 2 mean.
  combine: u32,
  // 0 nearest, 1 trilinear.
  trilinear: u32,
  // 0 base (opaque; `fill` where no sample lies inside), 1 grey over (blended with `opacity`;
  // transparent where no sample lies inside or the level is below `minLevel`), 2 labels (the
  // colour table holds each label's colour and opacity).
  layerMode: u32,
  fill: f32,
  opacity: f32,
  minLevel: u32,
  // +1 or -1: thresholds are in s = value * direction.
  direction: f32,
  levelMin: u32,
  levelMax: u32,
  // Entries in the colour table (256 for grey colour maps; labels: largest label + 1).
  tableSize: i32,
  // thresholds[k >> 2][k & 3] is threshold k; threshold 0 is unused.
  thresholds: array<vec4f, 64>,
  // Where voxels lie in the texture (brick-atlas.wgsl, prepended by the loader).
  atlas: BrickAtlas,
};

@group(0) @binding(0) var<uniform> params: MprParams;
@group(0) @binding(1) var volume: texture_3d<Texel>;
// 256 texels wide; row r holds entries 256·r …
@group(0) @binding(2) var colourTable: texture_2d<f32>;

const BACKGROUND = vec4f(0.0, 0.0, 0.0, 1.0);

@vertex
fn vs(@builtin(vertex_index) index: u32) -> @builtin(position) vec4f {
  let corner = vec2f(f32((index << 1u) & 2u), f32(index & 2u));
  return vec4f(corner * 2.0 - 1.0, 0.0, 1.0);
}

fn imagePosition(canvas: vec2f) -> vec2f {
  let x = params.canvasToImageX;
  let y = params.canvasToImageY;
  return vec2f(x.x * canvas.x + x.y * canvas.y + x.z, y.x * canvas.x + y.y * canvas.y + y.z);
}

// A sample and whether it lies inside the volume (0 <= p <= n - 1 on every axis; for nearest,
// round(p) must be a voxel). NaN positions are outside.
struct Sample {
  value: f32,
  valid: bool,
};

fn sampleVolume(position: vec3f) -> Sample {
  let last = vec3f(params.volumeSize.xyz - 1);
  var p = position;
  if (params.trilinear == 0u) {
    p = floor(p + 0.5);
  }
  if (!(all(p >= vec3f(0.0)) && all(p <= last))) {
    return Sample(0.0, false);
  }
  let base = floor(p);
  let i0 = vec3i(base);
  if (params.trilinear == 0u) {
    return Sample(load(i0), true);
  }
  let i1 = min(i0 + 1, params.volumeSize.xyz - 1);
  let f = p - base;
  let corners = loadCorners(i0, i1);
  let c00 = mix2(corners.c000, corners.c100, f.x);
  let c10 = mix2(corners.c010, corners.c110, f.x);
  let c01 = mix2(corners.c001, corners.c101, f.x);
  let c11 = mix2(corners.c011, corners.c111, f.x);
  return Sample(mix2(mix2(c00, c10, f.y), mix2(c01, c11, f.y), f.z), true);
}

// a + t * (b - a), the form of the volume core.
fn mix2(a: f32, b: f32, t: f32) -> f32 {
  return a + t * (b - a);
}

fn tableEntry(index: i32) -> vec4f {
  let i = clamp(index, 0, params.tableSize - 1);
  return textureLoad(colourTable, vec2i(i & 255, i >> 8u), 0);
}

@fragment
fn fs(@builtin(position) fragment: vec4f) -> @location(0) vec4f {
  let position = imagePosition(fragment.xy);
  let base = params.layerMode == 0u;
  if (!(all(position >= vec2f(0.0)) && all(position < vec2f(params.imageSize)))) {
    if (base) {
      return BACKGROUND;
    }
    discard;
  }
  // Plane pixel coordinates: pixel centres at whole numbers.
  let u = position - 0.5;
  let start = params.origin.xyz + u.y * params.column.xyz;
  var value = 0.0;
  var count = 0;
  for (var k = 0; k < params.samples; k = k + 1) {
    let p = (start + f32(k) * params.step.xyz) + u.x * params.row.xyz;
    let s = sampleVolume(p);
    if (!s.valid) {
      continue;
    }
    if (count == 0) {
      value = s.value;
    } else if (params.combine == 0u) {
      value = max(value, s.value);
    } else if (params.combine == 1u) {
      value = min(value, s.value);
    } else {
      value = value + s.value;
    }
    count = count + 1;
  }
  if (count == 0) {
    if (!base) {
      discard;
    }
    value = params.fill;
  } else if (params.combine == 2u) {
    value = value / f32(count);
  }
  if (params.layerMode == 2u) {
    let colour = tableEntry(i32(value));
    if (colour.a == 0.0) {
      discard;
    }
    return colour;
  }
  let level = thresholdLevel(value);
  if (!base && level < params.minLevel) {
    discard;
  }
  return vec4f(tableEntry(i32(level)).rgb, select(params.opacity, 1.0, base));
}
