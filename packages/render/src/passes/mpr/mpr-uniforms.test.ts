import { describe, expect, it } from 'vitest';
import { GREY_THRESHOLDS_GLSL } from '../../lut/grey-thresholds-shader.js';
import { BRICK_ATLAS_GLSL } from '../../volume/brick-atlas-shader.js';
import mprFragmentSource from './mpr.frag.glsl?raw';
import shaderSource from './mpr.wgsl?raw';
import { mprUniforms } from './mpr-uniforms.js';

/** The fragment shader as the pass links it: its chunks in front. */
const fragmentSource = `${BRICK_ATLAS_GLSL}\n${GREY_THRESHOLDS_GLSL}\n${mprFragmentSource}`;

const values = mprUniforms(
  {
    canvasToImage: { xx: 1, xy: 0, x0: 0, yx: 0, yy: 1, y0: 0 },
    imageSize: [4, 3],
    slab: {
      origin: [1, 2, 3],
      row: [1, 0, 0],
      column: [0, 1, 0],
      step: [0, 0, 0.5],
      samples: 5,
      width: 4,
      height: 3,
    },
    combine: 'mean',
    trilinear: true,
    layer: 'over',
    fill: -1000,
    opacity: 0.25,
    minLevel: 1,
  },
  [10, 11, 12],
  undefined,
  512,
);

describe('MPR uniforms', () => {
  it('fill exactly the fields of MprParams in mpr.wgsl, besides the brick atlas', () => {
    // webgpu-utils (which lays the buffer out) needs Float16Array, missing from Node 20: read the
    // field names from the struct directly.
    const struct = /struct MprParams \{([^}]*)\};/.exec(shaderSource)?.[1] ?? '';
    const fields = [...struct.matchAll(/^\s*(\w+):/gm)].map((match) => match[1]);
    expect(fields.sort()).toEqual([...Object.keys(values), 'atlas'].sort());
  });

  it('have a uniform of the same name in the GLSL twin', () => {
    for (const name of Object.keys(values)) {
      expect(fragmentSource).toMatch(
        new RegExp(`uniform \\w+ u${name[0]?.toUpperCase()}${name.slice(1)}[;\\[]`),
      );
    }
  });

  it('pack the slab, sampling and layer', () => {
    expect(values.origin).toEqual([1, 2, 3, 0]);
    expect(values.step).toEqual([0, 0, 0.5, 0]);
    expect(values.volumeSize).toEqual([10, 11, 12, 0]);
    expect([values.samples, values.combine, values.trilinear, values.layerMode]).toEqual([5, 2, 1, 1]);
    expect([values.fill, values.opacity, values.minLevel, values.tableSize]).toEqual([-1000, 0.25, 1, 512]);
  });
});
