import { greySampleType, type SliceImage } from '../../image/slice-image.js';
import type { GreyClassifier } from '../../lut/grey-classifier.js';
import { GREY_THRESHOLDS_GLSL } from '../../lut/grey-thresholds-shader.js';
import fragmentSource from './slice.frag.glsl?raw';
import vertexSource from './slice.vert.glsl?raw';
import type { SlicePass } from './slice-pass-interface.js';
import { type SliceDrawParams, type SliceUniformValues, sliceUniforms } from './slice-uniforms.js';

type SampleKind = 'sint' | 'uint' | 'float' | 'rgb';

const DEFINES: Record<SampleKind, string> = {
  sint: 'SAMPLE_SINT',
  uint: 'SAMPLE_UINT',
  float: 'SAMPLE_FLOAT',
  rgb: 'SAMPLE_RGB',
};

/** internalFormat, format, type of each pixel array type (WebGL2 has RGB8UI: no widening). */
interface TexelFormat {
  internalFormat: number;
  format: number;
  type: number;
}

interface Program {
  program: WebGLProgram;
  uniforms: Map<string, WebGLUniformLocation>;
}

/** Texture units: image, grey table, colour map. */
const UNIT_IMAGE = 0;
const UNIT_TABLE = 1;
const UNIT_COLORMAP = 2;

/**
 * The WebGL2 twin of the WebGPU slice pass (slice.vert.glsl + slice.frag.glsl): integer textures
 * (R8I/R8UI/R16I/R16UI, RGB8UI) read with texelFetch through isampler2D/usampler2D, R32F through
 * sampler2D, all with NEAREST filtering and never filtered by the hardware.
 */
export class WebGl2SlicePass implements SlicePass {
  readonly #gl: WebGL2RenderingContext;
  readonly #programs = new Map<SampleKind, Program>();
  readonly #vertexArray: WebGLVertexArrayObject;
  #kind: SampleKind = 'uint';
  #imageSize: readonly [number, number] = [1, 1];
  #image: WebGLTexture | undefined;
  readonly #table: WebGLTexture;
  readonly #colormap: WebGLTexture;
  #classifier: GreyClassifier | undefined;
  #params: SliceDrawParams | undefined;

  constructor(gl: WebGL2RenderingContext) {
    this.#gl = gl;
    this.#vertexArray = gl.createVertexArray();
    this.#table = this.#createTexture();
    this.#upload(
      this.#table,
      1,
      1,
      { internalFormat: gl.R8UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_BYTE },
      new Uint8Array(1),
    );
    this.#colormap = this.#createTexture();
    this.#upload(
      this.#colormap,
      256,
      1,
      { internalFormat: gl.RGBA8, format: gl.RGBA, type: gl.UNSIGNED_BYTE },
      new Uint8Array(1024),
    );
  }

  get ready(): boolean {
    return this.#image !== undefined;
  }

  setImage(image: SliceImage): void {
    const gl = this.#gl;
    this.#kind = image.kind === 'rgb' ? 'rgb' : greySampleType(image.pixels);
    const format =
      image.kind === 'rgb'
        ? { internalFormat: gl.RGB8UI, format: gl.RGB_INTEGER, type: gl.UNSIGNED_BYTE }
        : greyFormat(gl, image.pixels);
    if (this.#image) gl.deleteTexture(this.#image);
    this.#image = this.#createTexture();
    this.#upload(this.#image, image.columns, image.rows, format, image.pixels);
    this.#imageSize = [image.columns, image.rows];
  }

  setClassifier(classifier: GreyClassifier): void {
    this.#classifier = classifier;
    if (classifier.mode !== 'table') return;
    const gl = this.#gl;
    const height = Math.ceil(classifier.table.length / 256);
    const padded = new Uint8Array(256 * height);
    padded.set(classifier.table);
    const format = { internalFormat: gl.R8UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_BYTE };
    this.#upload(this.#table, 256, height, format, padded);
  }

  setColormap(table: Uint8Array): void {
    const gl = this.#gl;
    const format = { internalFormat: gl.RGBA8, format: gl.RGBA, type: gl.UNSIGNED_BYTE };
    this.#upload(this.#colormap, 256, 1, format, table);
  }

  setDrawParams(params: SliceDrawParams): void {
    this.#params = params;
  }

  /** Draws into the bound framebuffer, whose height is `canvasHeight`. Called by the backend. */
  record(canvasHeight: number): void {
    const gl = this.#gl;
    const image = this.#image;
    const params = this.#params;
    if (!image || !params) throw new Error('Slice pass drawn before setImage and setDrawParams');
    const { program, uniforms } = this.#program(this.#kind);
    gl.useProgram(program);
    const values = sliceUniforms(
      this.#imageSize,
      params,
      this.#kind === 'rgb' ? undefined : this.#classifier,
    );
    setUniforms(gl, uniforms, values, canvasHeight);
    bindTexture(gl, UNIT_IMAGE, image, uniforms.get('uImage'));
    bindTexture(gl, UNIT_TABLE, this.#table, uniforms.get('uGreyTable'));
    bindTexture(gl, UNIT_COLORMAP, this.#colormap, uniforms.get('uColormap'));
    gl.bindVertexArray(this.#vertexArray);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    gl.bindVertexArray(null);
  }

  dispose(): void {
    const gl = this.#gl;
    if (this.#image) gl.deleteTexture(this.#image);
    gl.deleteTexture(this.#table);
    gl.deleteTexture(this.#colormap);
    gl.deleteVertexArray(this.#vertexArray);
    for (const { program } of this.#programs.values()) gl.deleteProgram(program);
    this.#programs.clear();
    this.#image = undefined;
  }

  #program(kind: SampleKind): Program {
    const cached = this.#programs.get(kind);
    if (cached) return cached;
    const gl = this.#gl;
    const header = `#version 300 es\n#define ${DEFINES[kind]}\n${GREY_THRESHOLDS_GLSL}\n`;
    const program = gl.createProgram();
    const vertex = compile(gl, gl.VERTEX_SHADER, `#version 300 es\n${vertexSource}`);
    const fragment = compile(gl, gl.FRAGMENT_SHADER, header + fragmentSource);
    gl.attachShader(program, vertex);
    gl.attachShader(program, fragment);
    gl.linkProgram(program);
    gl.deleteShader(vertex);
    gl.deleteShader(fragment);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
      throw new Error(`Slice program (${kind}) did not link: ${gl.getProgramInfoLog(program)}`);
    }
    const uniforms = new Map<string, WebGLUniformLocation>();
    const count = gl.getProgramParameter(program, gl.ACTIVE_UNIFORMS) as number;
    for (let i = 0; i < count; i++) {
      const info = gl.getActiveUniform(program, i);
      if (!info) continue;
      const name = info.name.replace(/\[0\]$/, '');
      const location = gl.getUniformLocation(program, name);
      if (location) uniforms.set(name, location);
    }
    const entry = { program, uniforms };
    this.#programs.set(kind, entry);
    return entry;
  }

  #createTexture(): WebGLTexture {
    const gl = this.#gl;
    const texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    // Integer and float textures are only complete with NEAREST and no mipmaps; nothing is filtered.
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    return texture;
  }

  #upload(
    texture: WebGLTexture,
    width: number,
    height: number,
    format: TexelFormat,
    data: ArrayBufferView,
  ): void {
    const gl = this.#gl;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    // Rows of 8-bit and RGB images are not 4-byte aligned in general.
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage2D(
      gl.TEXTURE_2D,
      0,
      format.internalFormat,
      width,
      height,
      0,
      format.format,
      format.type,
      data,
    );
  }
}

function greyFormat(gl: WebGL2RenderingContext, pixels: SliceImage['pixels']): TexelFormat {
  if (pixels instanceof Int8Array) return { internalFormat: gl.R8I, format: gl.RED_INTEGER, type: gl.BYTE };
  if (pixels instanceof Uint8Array)
    return { internalFormat: gl.R8UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_BYTE };
  if (pixels instanceof Int16Array)
    return { internalFormat: gl.R16I, format: gl.RED_INTEGER, type: gl.SHORT };
  if (pixels instanceof Uint16Array) {
    return { internalFormat: gl.R16UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_SHORT };
  }
  return { internalFormat: gl.R32F, format: gl.RED, type: gl.FLOAT };
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('createShader failed (context lost?)');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    const log = gl.getShaderInfoLog(shader);
    gl.deleteShader(shader);
    throw new Error(`Slice shader did not compile: ${log}`);
  }
  return shader;
}

function bindTexture(
  gl: WebGL2RenderingContext,
  unit: number,
  texture: WebGLTexture,
  location: WebGLUniformLocation | undefined,
): void {
  gl.activeTexture(gl.TEXTURE0 + unit);
  gl.bindTexture(gl.TEXTURE_2D, texture);
  if (location) gl.uniform1i(location, unit);
}

function setUniforms(
  gl: WebGL2RenderingContext,
  uniforms: Map<string, WebGLUniformLocation>,
  values: SliceUniformValues,
  canvasHeight: number,
): void {
  const at = (name: string) => uniforms.get(name) ?? null;
  gl.uniform4fv(at('uCanvasToImageX'), values.canvasToImageX);
  gl.uniform4fv(at('uCanvasToImageY'), values.canvasToImageY);
  gl.uniform2i(at('uImageSize'), values.imageSize[0], values.imageSize[1]);
  gl.uniform2f(at('uGuess'), values.guess[0], values.guess[1]);
  gl.uniform1i(at('uLinear'), values.linear);
  gl.uniform1i(at('uGreyMode'), values.greyMode);
  gl.uniform1f(at('uDirection'), values.direction);
  gl.uniform1i(at('uLevelMin'), values.levelMin);
  gl.uniform1i(at('uLevelMax'), values.levelMax);
  gl.uniform1i(at('uTableBase'), values.tableBase);
  gl.uniform1i(at('uTableSize'), values.tableSize);
  gl.uniform4fv(at('uThresholds'), values.thresholds);
  gl.uniform1f(at('uCanvasHeight'), canvasHeight);
}
