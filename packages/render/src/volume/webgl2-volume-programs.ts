import vertexSource from '../passes/slice/slice.vert.glsl?raw';
import { type LinkedProgram, linkProgram } from '../webgl2/program.js';
import type { WebGl2VolumeTexture } from '../webgl2/webgl2-volume-texture.js';
import { BRICK_ATLAS_GLSL, brickAtlasUniforms, setBrickAtlasUniforms } from './brick-atlas-shader.js';
import type { VolumeTexelKind } from './volume-data.js';

const DEFINES: Record<VolumeTexelKind, string> = {
  sint: 'SAMPLE_SINT',
  uint: 'SAMPLE_UINT',
  float: 'SAMPLE_FLOAT',
};

/**
 * The programs of a WebGL2 pass that reads a volume texture (mpr.frag.glsl, volume.frag.glsl):
 * slice.vert.glsl's full-screen triangle and the fragment shader with the `SAMPLE_*` define, the
 * brick atlas (`BRICK_ATLAS` when bricked) and the pass's other chunks in front; one program per
 * texel kind and bricked-or-not, linked on first use.
 */
export class WebGl2VolumePrograms {
  readonly #gl: WebGL2RenderingContext;
  readonly #label: string;
  readonly #fragment: string;
  readonly #programs = new Map<string, LinkedProgram>();

  constructor(gl: WebGL2RenderingContext, label: string, chunks: readonly string[], fragmentSource: string) {
    this.#gl = gl;
    this.#label = label;
    this.#fragment = [BRICK_ATLAS_GLSL, ...chunks, fragmentSource].join('\n');
  }

  /**
   * Uses the program for `volume`, binds the volume to texture unit `unit` as `uVolume` and sets
   * its atlas uniforms; returns the program's uniform locations for the rest.
   */
  use(volume: WebGl2VolumeTexture, unit: number): ReadonlyMap<string, WebGLUniformLocation> {
    const gl = this.#gl;
    const { program, uniforms } = this.#program(volume.kind, volume.atlas.bricked);
    gl.useProgram(program);
    setBrickAtlasUniforms(gl, uniforms, brickAtlasUniforms(volume.atlas));
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_3D, volume.texture);
    gl.uniform1i(uniforms.get('uVolume') ?? null, unit);
    return uniforms;
  }

  dispose(): void {
    for (const { program } of this.#programs.values()) this.#gl.deleteProgram(program);
    this.#programs.clear();
  }

  #program(kind: VolumeTexelKind, bricked: boolean): LinkedProgram {
    const key = `${kind} ${bricked}`;
    let program = this.#programs.get(key);
    if (!program) {
      const defines = `#define ${DEFINES[kind]}\n${bricked ? '#define BRICK_ATLAS\n' : ''}`;
      program = linkProgram(
        this.#gl,
        `#version 300 es\n${vertexSource}`,
        `#version 300 es\n${defines}${this.#fragment}`,
        `${this.#label} (${key})`,
      );
      this.#programs.set(key, program);
    }
    return program;
  }
}
