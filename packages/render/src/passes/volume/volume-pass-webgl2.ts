import type { VolumeTexture } from '../../volume/volume-texture.js';
import { WebGl2VolumePrograms } from '../../volume/webgl2-volume-programs.js';
import type { WebGl2VolumeTexture } from '../../webgl2/webgl2-volume-texture.js';
import { TRANSFER_TABLE_SIZE, type TransferTable } from './transfer-function.js';
import fragmentSource from './volume.frag.glsl?raw';
import type { VisibleBricks, VolumeRenderPass } from './volume-pass-interface.js';
import { type VolumeDrawParams, type VolumeUniformValues, volumeUniforms } from './volume-uniforms.js';

/** Texture units: volume, transfer table, visible bricks. */
const UNIT_VOLUME = 0;
const UNIT_TABLE = 1;
const UNIT_BRICKS = 2;

/**
 * The WebGL2 twin of the WebGPU volume pass (slice.vert.glsl + volume.frag.glsl): the volume is
 * read with texelFetch through isampler3D / usampler3D / sampler3D, the transfer table (RGBA32F,
 * NEAREST) with texelFetch too, and both are interpolated in the shader.
 */
export class WebGl2VolumeRenderPass implements VolumeRenderPass {
  readonly #gl: WebGL2RenderingContext;
  readonly #programs: WebGl2VolumePrograms;
  readonly #vertexArray: WebGLVertexArrayObject;
  readonly #table: WebGLTexture;
  readonly #bricks: WebGLTexture;
  #skipEmpty = false;
  #tableRange: Pick<TransferTable, 'min' | 'max'> = { min: 0, max: 1 };
  #volume: WebGl2VolumeTexture | undefined;
  #params: VolumeDrawParams | undefined;

  constructor(gl: WebGL2RenderingContext) {
    this.#gl = gl;
    this.#programs = new WebGl2VolumePrograms(gl, 'Volume', [], fragmentSource);
    this.#vertexArray = gl.createVertexArray();
    this.#table = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, this.#table);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA32F, TRANSFER_TABLE_SIZE, 1);
    this.#bricks = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_3D, this.#bricks);
    gl.texParameteri(gl.TEXTURE_3D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_3D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    this.#writeBricks({ flags: Uint8Array.of(1), dimensions: [1, 1, 1] });
  }

  get ready(): boolean {
    return this.#volume !== undefined && this.#params !== undefined;
  }

  setVolume(texture: VolumeTexture): void {
    this.#volume = texture as WebGl2VolumeTexture;
  }

  setTransferTable(table: TransferTable): void {
    const gl = this.#gl;
    gl.bindTexture(gl.TEXTURE_2D, this.#table);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, TRANSFER_TABLE_SIZE, 1, gl.RGBA, gl.FLOAT, table.rgba);
    this.#tableRange = { min: table.min, max: table.max };
  }

  setVisibleBricks(bricks: VisibleBricks | undefined): void {
    this.#skipEmpty = bricks !== undefined;
    if (bricks) this.#writeBricks(bricks);
  }

  setDrawParams(params: VolumeDrawParams): void {
    this.#params = params;
  }

  /** Draws the rendering over the bound framebuffer, whose height is `canvasHeight`. */
  record(canvasHeight: number): void {
    const gl = this.#gl;
    const volume = this.#volume;
    const params = this.#params;
    if (!volume || !params) throw new Error('Volume pass drawn before setVolume and setDrawParams');
    const uniforms = this.#programs.use(volume, UNIT_VOLUME);
    setUniforms(gl, uniforms, volumeUniforms(params, this.#tableRange, this.#skipEmpty));
    gl.uniform1f(uniforms.get('uCanvasHeight') ?? null, canvasHeight);
    gl.activeTexture(gl.TEXTURE0 + UNIT_TABLE);
    gl.bindTexture(gl.TEXTURE_2D, this.#table);
    gl.uniform1i(uniforms.get('uTransferTable') ?? null, UNIT_TABLE);
    gl.activeTexture(gl.TEXTURE0 + UNIT_BRICKS);
    gl.bindTexture(gl.TEXTURE_3D, this.#bricks);
    gl.uniform1i(uniforms.get('uBricks') ?? null, UNIT_BRICKS);
    gl.bindVertexArray(this.#vertexArray);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindVertexArray(null);
  }

  dispose(): void {
    const gl = this.#gl;
    gl.deleteTexture(this.#table);
    gl.deleteTexture(this.#bricks);
    gl.deleteVertexArray(this.#vertexArray);
    this.#programs.dispose();
    this.#volume = undefined;
  }

  #writeBricks(bricks: VisibleBricks): void {
    const gl = this.#gl;
    const [x, y, z] = bricks.dimensions;
    gl.bindTexture(gl.TEXTURE_3D, this.#bricks);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage3D(gl.TEXTURE_3D, 0, gl.R8UI, x, y, z, 0, gl.RED_INTEGER, gl.UNSIGNED_BYTE, bricks.flags);
  }
}

function setUniforms(
  gl: WebGL2RenderingContext,
  uniforms: ReadonlyMap<string, WebGLUniformLocation>,
  v: VolumeUniformValues,
): void {
  const at = (name: string) => uniforms.get(name) ?? null;
  for (const name of [
    'origin',
    'pixelX',
    'pixelY',
    'direction',
    'gradientX',
    'gradientY',
    'gradientZ',
    'viewDirection',
  ] as const) {
    gl.uniform4fv(at(`u${name[0]?.toUpperCase()}${name.slice(1)}`), v[name]);
  }
  gl.uniform4iv(at('uVolumeSize'), v.volumeSize);
  gl.uniform1i(at('uMode'), v.mode);
  gl.uniform1i(at('uShading'), v.shading);
  gl.uniform1i(at('uMaxSamples'), v.maxSamples);
  gl.uniform1i(at('uSkipEmpty'), v.skipEmpty);
  for (const name of [
    'sampleDistance',
    'windowLow',
    'windowWidth',
    'tableMin',
    'tableMax',
    'ambient',
    'diffuse',
    'specular',
    'shininess',
    'minGradient',
    'opaqueEnough',
  ] as const) {
    gl.uniform1f(at(`u${name[0]?.toUpperCase()}${name.slice(1)}`), v[name]);
  }
}
