// Slice pass, WebGL2 twin of slice.wgsl's `vs`: one triangle covering the viewport.
// The loader prepends `#version 300 es`.
void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
