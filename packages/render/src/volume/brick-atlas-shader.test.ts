import { describe, expect, it } from 'vitest';
import { brickAtlas } from './brick-atlas.js';
import { BRICK_ATLAS_GLSL, BRICK_ATLAS_WGSL, brickAtlasUniforms } from './brick-atlas-shader.js';

describe('brick atlas uniforms', () => {
  const values = brickAtlasUniforms(brickAtlas([512, 512, 3000], 2048));

  it('fill exactly the fields of BrickAtlas in brick-atlas.wgsl and its GLSL twin', () => {
    const struct = /struct BrickAtlas \{([^}]*)\};/.exec(BRICK_ATLAS_WGSL)?.[1] ?? '';
    const fields = [...struct.matchAll(/^\s*(\w+):/gm)].map((match) => match[1]);
    expect(fields.sort()).toEqual(Object.keys(values).sort());
    for (const name of Object.keys(values)) {
      expect(BRICK_ATLAS_GLSL).toMatch(
        new RegExp(`uniform i?vec4 uAtlas${name[0]?.toUpperCase()}${name.slice(1)};`),
      );
    }
  });

  it('describe the bricks, the tiles and whether the volume is bricked', () => {
    expect(values).toEqual({
      volumeSize: [512, 512, 3000, 0],
      grid: [1, 1, 2, 1],
      tileSize: [512, 512, 1500, 0],
      tiles: [2, 1, 1, 0],
      // f32 reciprocals: the shaders' divisors (1/3000 is not exact in f32, its nearest f32 is).
      volumeSizeInverse: [1 / 512, 1 / 512, Math.fround(1 / 3000), 0],
      gridInverse: [1, 1, 1 / 2, 0],
      tilesInverse: [1 / 2, 1 / 2, 0, 0],
    });
    expect(values.volumeSizeInverse[2]).not.toBe(1 / 3000);
    expect(brickAtlasUniforms(brickAtlas([4, 5, 6], 2048)).grid).toEqual([1, 1, 1, 0]);
  });
});
