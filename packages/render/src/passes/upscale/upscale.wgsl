// Upscale pass: draws a frame rendered at a lower resolution (progressive quality while the user
// interacts) over the whole canvas, nearest: canvas pixel x shows source pixel
// floor((x + 0.5) · sourceSize / canvasSize), as WebGL2's blitFramebuffer with NEAREST does (the
// WebGL2 backend uses that instead of a shader).

@group(0) @binding(0) var source: texture_2d<f32>;

struct UpscaleParams {
  // Source size / canvas size.
  scale: vec2f,
};

@group(0) @binding(1) var<uniform> params: UpscaleParams;

@vertex
fn vs(@builtin(vertex_index) index: u32) -> @builtin(position) vec4f {
  let corner = vec2f(f32((index << 1u) & 2u), f32(index & 2u));
  return vec4f(corner * 2.0 - 1.0, 0.0, 1.0);
}

@fragment
fn fs(@builtin(position) fragment: vec4f) -> @location(0) vec4f {
  let size = vec2i(textureDimensions(source));
  let p = clamp(vec2i(floor(fragment.xy * params.scale)), vec2i(0), size - 1);
  return textureLoad(source, p, 0);
}
