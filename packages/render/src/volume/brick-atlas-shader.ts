import glslSource from './brick-atlas.glsl?raw';
import type { BrickAtlas } from './brick-atlas.js';
import wgslSource from './brick-atlas.wgsl?raw';
import { f32Inverse } from './float-quotient.js';

/**
 * The brick-atlas chunk of the volume-reading WGSL shaders (`BrickAtlas`, `load`, `loadCorners`):
 * WGSL has no imports, so passes prepend it to their source.
 */
export const BRICK_ATLAS_WGSL: string = wgslSource;

/**
 * The GLSL twin of {@link BRICK_ATLAS_WGSL}, with the volume sampler `uVolume`: passes insert it
 * after `#version` and the `SAMPLE_*` define.
 */
export const BRICK_ATLAS_GLSL: string = glslSource;

/** The values of a `BrickAtlas` uniform (brick-atlas.wgsl; GLSL: `uAtlas` + capitalised name). */
export interface BrickAtlasUniforms {
  volumeSize: readonly number[];
  grid: readonly number[];
  tileSize: readonly number[];
  tiles: readonly number[];
  /** f32 reciprocals of the divisors of the mapping (the shaders' `quotient`, float-quotient.ts). */
  volumeSizeInverse: readonly number[];
  gridInverse: readonly number[];
  tilesInverse: readonly number[];
}

/** The shader's view of an atlas (grid.w: 1 when bricked). */
export function brickAtlasUniforms(atlas: BrickAtlas): BrickAtlasUniforms {
  const [tx, ty] = atlas.tiles;
  return {
    volumeSize: [...atlas.dimensions, 0],
    grid: [...atlas.layout.grid, atlas.bricked ? 1 : 0],
    tileSize: [...atlas.tileSize, 0],
    tiles: [...atlas.tiles, 0],
    volumeSizeInverse: [...atlas.dimensions.map(f32Inverse), 0],
    gridInverse: [...atlas.layout.grid.map(f32Inverse), 0],
    tilesInverse: [f32Inverse(tx), f32Inverse(tx * ty), 0, 0],
  };
}

/** Sets the atlas uniforms of a WebGL2 program (locations by name, as `linkProgram` lists them). */
export function setBrickAtlasUniforms(
  gl: WebGL2RenderingContext,
  uniforms: ReadonlyMap<string, WebGLUniformLocation>,
  values: BrickAtlasUniforms,
): void {
  gl.uniform4iv(uniforms.get('uAtlasVolumeSize') ?? null, values.volumeSize);
  gl.uniform4iv(uniforms.get('uAtlasGrid') ?? null, values.grid);
  gl.uniform4iv(uniforms.get('uAtlasTileSize') ?? null, values.tileSize);
  gl.uniform4iv(uniforms.get('uAtlasTiles') ?? null, values.tiles);
  gl.uniform4fv(uniforms.get('uAtlasVolumeSizeInverse') ?? null, values.volumeSizeInverse);
  gl.uniform4fv(uniforms.get('uAtlasGridInverse') ?? null, values.gridInverse);
  gl.uniform4fv(uniforms.get('uAtlasTilesInverse') ?? null, values.tilesInverse);
}
