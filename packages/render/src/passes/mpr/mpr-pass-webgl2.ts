import type { GreyClassifier } from '../../lut/grey-classifier.js';
import { GREY_THRESHOLDS_GLSL } from '../../lut/grey-thresholds-shader.js';
import type { VolumeTexture } from '../../volume/volume-texture.js';
import { WebGl2VolumePrograms } from '../../volume/webgl2-volume-programs.js';
import type { WebGl2VolumeTexture } from '../../webgl2/webgl2-volume-texture.js';
import fragmentSource from './mpr.frag.glsl?raw';
import type { MprPass } from './mpr-pass-interface.js';
import { type MprDrawParams, type MprUniformValues, mprUniforms } from './mpr-uniforms.js';

/** Texture units: volume, colour table. */
const UNIT_VOLUME = 0;
const UNIT_TABLE = 1;

/**
 * The WebGL2 twin of the WebGPU MPR pass (slice.vert.glsl + mpr.frag.glsl): the volume is read
 * with texelFetch through isampler3D / usampler3D / sampler3D; `over` and `labels` layers are
 * blended (source alpha over the framebuffer, destination alpha kept).
 */
export class WebGl2MprPass implements MprPass {
  readonly #gl: WebGL2RenderingContext;
  readonly #programs: WebGl2VolumePrograms;
  readonly #vertexArray: WebGLVertexArrayObject;
  readonly #table: WebGLTexture;
  #tableSize = 256;
  #volume: WebGl2VolumeTexture | undefined;
  #classifier: GreyClassifier | undefined;
  #params: MprDrawParams | undefined;

  constructor(gl: WebGL2RenderingContext) {
    this.#gl = gl;
    this.#programs = new WebGl2VolumePrograms(gl, 'MPR', [GREY_THRESHOLDS_GLSL], fragmentSource);
    this.#vertexArray = gl.createVertexArray();
    this.#table = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, this.#table);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    this.setColourTable(new Uint8Array(1024));
  }

  get ready(): boolean {
    return this.#volume !== undefined && this.#params !== undefined;
  }

  setVolume(texture: VolumeTexture): void {
    this.#volume = texture as WebGl2VolumeTexture;
  }

  setClassifier(classifier: GreyClassifier | undefined): void {
    this.#classifier = classifier;
  }

  setColourTable(table: Uint8Array): void {
    const gl = this.#gl;
    const rows = Math.ceil(table.length / 1024);
    const padded = new Uint8Array(rows * 1024);
    padded.set(table);
    gl.bindTexture(gl.TEXTURE_2D, this.#table);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, 256, rows, 0, gl.RGBA, gl.UNSIGNED_BYTE, padded);
    this.#tableSize = table.length / 4;
  }

  setDrawParams(params: MprDrawParams): void {
    this.#params = params;
  }

  /** Draws the layer over the bound framebuffer, whose height is `canvasHeight`. */
  record(canvasHeight: number): void {
    const gl = this.#gl;
    const volume = this.#volume;
    const params = this.#params;
    if (!volume || !params) throw new Error('MPR pass drawn before setVolume and setDrawParams');
    const uniforms = this.#programs.use(volume, UNIT_VOLUME);
    setUniforms(gl, uniforms, mprUniforms(params, volume.dimensions, this.#classifier, this.#tableSize));
    gl.uniform1f(uniforms.get('uCanvasHeight') ?? null, canvasHeight);
    gl.activeTexture(gl.TEXTURE0 + UNIT_TABLE);
    gl.bindTexture(gl.TEXTURE_2D, this.#table);
    gl.uniform1i(uniforms.get('uColourTable') ?? null, UNIT_TABLE);
    const blend = params.layer !== 'base';
    if (blend) {
      gl.enable(gl.BLEND);
      gl.blendEquation(gl.FUNC_ADD);
      gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ZERO, gl.ONE);
    }
    gl.bindVertexArray(this.#vertexArray);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindVertexArray(null);
    if (blend) gl.disable(gl.BLEND);
  }

  dispose(): void {
    const gl = this.#gl;
    gl.deleteTexture(this.#table);
    gl.deleteVertexArray(this.#vertexArray);
    this.#programs.dispose();
    this.#volume = undefined;
  }
}

function setUniforms(
  gl: WebGL2RenderingContext,
  uniforms: ReadonlyMap<string, WebGLUniformLocation>,
  v: MprUniformValues,
): void {
  const at = (name: string) => uniforms.get(name) ?? null;
  gl.uniform4fv(at('uCanvasToImageX'), v.canvasToImageX);
  gl.uniform4fv(at('uCanvasToImageY'), v.canvasToImageY);
  gl.uniform2iv(at('uImageSize'), v.imageSize);
  gl.uniform2fv(at('uGuess'), v.guess);
  gl.uniform4fv(at('uOrigin'), v.origin);
  gl.uniform4fv(at('uRow'), v.row);
  gl.uniform4fv(at('uColumn'), v.column);
  gl.uniform4fv(at('uStep'), v.step);
  gl.uniform4iv(at('uVolumeSize'), v.volumeSize);
  gl.uniform1i(at('uSamples'), v.samples);
  gl.uniform1i(at('uCombine'), v.combine);
  gl.uniform1i(at('uTrilinear'), v.trilinear);
  gl.uniform1i(at('uLayerMode'), v.layerMode);
  gl.uniform1f(at('uFill'), v.fill);
  gl.uniform1f(at('uOpacity'), v.opacity);
  gl.uniform1i(at('uMinLevel'), v.minLevel);
  gl.uniform1f(at('uDirection'), v.direction);
  gl.uniform1i(at('uLevelMin'), v.levelMin);
  gl.uniform1i(at('uLevelMax'), v.levelMax);
  gl.uniform1i(at('uTableSize'), v.tableSize);
  gl.uniform4fv(at('uThresholds'), v.thresholds);
}
