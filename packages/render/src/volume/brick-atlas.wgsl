// Brick atlas (volume/brick-atlas.ts), prepended to the shaders that read a volume (mpr.wgsl,
// volume.wgsl). They declare `volume: texture_3d<Texel>` and an `atlas: BrickAtlas` member in
// `params`, and read voxels through `load` (one voxel) and `loadCorners` (the eight voxels of a
// trilinear cell) only. Voxels are fetched, never filtered, so a bricked volume gives exactly
// the values, and therefore the pixels, of the same volume stored whole. `BRICKED` is set when
// the pipeline is made (one pipeline per case): a volume stored whole pays nothing for bricking.

override BRICKED: bool = false;

struct BrickAtlas {
  // Voxels of the volume along x, y, z.
  volumeSize: vec4i,
  // Bricks along x, y, z (w: 1 when bricked, as BRICKED).
  grid: vec4i,
  // Texels of an atlas tile along x, y, z (the largest brick).
  tileSize: vec4i,
  // Tiles along the atlas's x and y.
  tiles: vec4i,
  // f32(1 / volumeSize), f32(1 / grid), and f32(1 / tiles.x), f32(1 / (tiles.x · tiles.y)):
  // the divisions of the mapping as multiplies (see `quotient`).
  volumeSizeInverse: vec4f,
  gridInverse: vec4f,
  tilesInverse: vec4f,
};

// The eight voxels of a trilinear cell: c{x}{y}{z}, 0 at i0 and 1 at i1 along each axis.
struct Corners {
  c000: f32,
  c100: f32,
  c010: f32,
  c110: f32,
  c001: f32,
  c101: f32,
  c011: f32,
  c111: f32,
};

fn texel(t: vec3i) -> f32 {
  return f32(textureLoad(volume, t, 0).r);
}

// ⌊x / d⌋ (x >= 0, d >= 1, x / d < 2^22) from inverse = f32(1 / d): the f32 estimate is the
// quotient or one off, and the remainder corrects it exactly (volume/float-quotient.ts, the
// reference, says why). Integer division runs lane by lane on SwiftShader; this runs on vectors.
fn quotient(x: vec3i, d: vec3i, inverse: vec3f) -> vec3i {
  let q = vec3i(vec3f(x) * inverse);
  let r = x - q * d;
  return q + select(vec3i(0), vec3i(1), r >= d) - select(vec3i(0), vec3i(1), r < vec3i(0));
}

// The brick of voxel p along each axis: brickLayout's balanced cores start at cell · n / bricks.
fn brickCell(p: vec3i) -> vec3i {
  let a = params.atlas;
  return quotient((p + 1) * a.grid.xyz - 1, a.volumeSize.xyz, a.volumeSizeInverse.xyz);
}

// The first voxel of brick `cell` along each axis.
fn brickStart(cell: vec3i) -> vec3i {
  let a = params.atlas;
  return quotient(cell * a.volumeSize.xyz, a.grid.xyz, a.gridInverse.xyz);
}

// The first texel of the tile of brick `cell`.
fn tileOrigin(cell: vec3i) -> vec3i {
  let a = params.atlas;
  let b = cell.x + a.grid.x * (cell.y + a.grid.y * cell.z);
  // (⌊b / tiles.x⌋, ⌊b / (tiles.x · tiles.y)⌋): the tile is (b mod tiles.x, ⌊b / tiles.x⌋ mod tiles.y, ⌊b / (tiles.x · tiles.y)⌋).
  let q = quotient(vec3i(b), vec3i(a.tiles.x, a.tiles.x * a.tiles.y, 1), vec3f(a.tilesInverse.xy, 1.0));
  return vec3i(b - q.x * a.tiles.x, q.x - q.y * a.tiles.y, q.y) * a.tileSize.xyz;
}

// Atlas texel minus voxel index, for the voxels of brick `cell`.
fn brickOffset(cell: vec3i) -> vec3i {
  return tileOrigin(cell) - brickStart(cell);
}

// Voxel p (inside the volume).
fn load(p: vec3i) -> f32 {
  if (!BRICKED) {
    return texel(p);
  }
  return texel(p + brickOffset(brickCell(p)));
}

// The voxels at i0, i1 and their mixed corners (i0 <= i1 <= i0 + 1, inside the volume).
fn loadCorners(i0: vec3i, i1: vec3i) -> Corners {
  var o0 = vec3i(0);
  var o1 = vec3i(0);
  if (BRICKED) {
    let cell = brickCell(i0);
    let cell1 = brickCell(i1);
    if (any(cell1 != cell)) {
      // The cell straddles a brick border (rare): each corner through its own brick, the brick
      // of i0 or i1 along each axis; starts per axis, a tile per corner.
      let s0 = brickStart(cell);
      let s1 = brickStart(cell1);
      let p0 = i0 - s0;
      let p1 = i1 - s1;
      return Corners(
        texel(tileOrigin(cell) + p0),
        texel(tileOrigin(vec3i(cell1.x, cell.y, cell.z)) + vec3i(p1.x, p0.y, p0.z)),
        texel(tileOrigin(vec3i(cell.x, cell1.y, cell.z)) + vec3i(p0.x, p1.y, p0.z)),
        texel(tileOrigin(vec3i(cell1.x, cell1.y, cell.z)) + vec3i(p1.x, p1.y, p0.z)),
        texel(tileOrigin(vec3i(cell.x, cell.y, cell1.z)) + vec3i(p0.x, p0.y, p1.z)),
        texel(tileOrigin(vec3i(cell1.x, cell.y, cell1.z)) + vec3i(p1.x, p0.y, p1.z)),
        texel(tileOrigin(vec3i(cell.x, cell1.y, cell1.z)) + vec3i(p0.x, p1.y, p1.z)),
        texel(tileOrigin(cell1) + p1),
      );
    }
    let offset = brickOffset(cell);
    o0 = i0 + offset;
    o1 = i1 + offset;
  } else {
    o0 = i0;
    o1 = i1;
  }
  return Corners(
    texel(o0), texel(vec3i(o1.x, o0.y, o0.z)), texel(vec3i(o0.x, o1.y, o0.z)), texel(vec3i(o1.x, o1.y, o0.z)),
    texel(vec3i(o0.x, o0.y, o1.z)), texel(vec3i(o1.x, o0.y, o1.z)), texel(vec3i(o0.x, o1.y, o1.z)), texel(o1),
  );
}
