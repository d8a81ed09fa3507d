import { atlasWrites, type BrickAtlas } from '../volume/brick-atlas.js';
import type { VolumeTexelKind } from '../volume/volume-data.js';
import type { VolumeTexture } from '../volume/volume-texture.js';

interface Format {
  internalFormat: number;
  format: number;
  type: number;
  kind: VolumeTexelKind;
}

/**
 * The WebGL2 3D texture of a volume (R16I / R16UI / R8UI / R32F), NEAREST and never filtered:
 * shaders read it with `texelFetch` through isampler3D / usampler3D / sampler3D. It holds the
 * volume as it is or, past the device's limit, its bricks side by side (`atlas`).
 */
export class WebGl2VolumeTexture implements VolumeTexture {
  readonly dimensions: readonly [number, number, number];
  readonly atlas: BrickAtlas;
  readonly kind: VolumeTexelKind;
  readonly texture: WebGLTexture;
  version = 0;
  readonly #gl: WebGL2RenderingContext;
  readonly #format: Format;

  constructor(gl: WebGL2RenderingContext, atlas: BrickAtlas, sample: ArrayBufferView) {
    this.#gl = gl;
    this.atlas = atlas;
    this.dimensions = atlas.dimensions;
    this.#format = volumeFormat(gl, sample);
    this.kind = this.#format.kind;
    this.texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_3D, this.texture);
    for (const parameter of [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER]) {
      gl.texParameteri(gl.TEXTURE_3D, parameter, gl.NEAREST);
    }
    for (const parameter of [gl.TEXTURE_WRAP_S, gl.TEXTURE_WRAP_T, gl.TEXTURE_WRAP_R]) {
      gl.texParameteri(gl.TEXTURE_3D, parameter, gl.CLAMP_TO_EDGE);
    }
    gl.texStorage3D(gl.TEXTURE_3D, 1, this.#format.internalFormat, ...atlas.size);
  }

  write(firstSlot: number, voxels: ArrayBufferView): void {
    const gl = this.#gl;
    const [nx, ny] = this.dimensions;
    const bytesPerTexel = (voxels as Int16Array).BYTES_PER_ELEMENT;
    const slots = voxels.byteLength / (nx * ny * bytesPerTexel);
    gl.bindTexture(gl.TEXTURE_3D, this.texture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    // A brick is a box inside the slots: rows of nx voxels, images of ny rows, skipped up to it.
    gl.pixelStorei(gl.UNPACK_ROW_LENGTH, nx);
    gl.pixelStorei(gl.UNPACK_IMAGE_HEIGHT, ny);
    for (const { origin, size, source } of atlasWrites(this.atlas, firstSlot, slots)) {
      gl.pixelStorei(gl.UNPACK_SKIP_PIXELS, source[0]);
      gl.pixelStorei(gl.UNPACK_SKIP_ROWS, source[1]);
      gl.pixelStorei(gl.UNPACK_SKIP_IMAGES, source[2]);
      gl.texSubImage3D(gl.TEXTURE_3D, 0, ...origin, ...size, this.#format.format, this.#format.type, voxels);
    }
    // Other uploads of this context (images, tables) expect the defaults.
    for (const parameter of [
      gl.UNPACK_ROW_LENGTH,
      gl.UNPACK_IMAGE_HEIGHT,
      gl.UNPACK_SKIP_PIXELS,
      gl.UNPACK_SKIP_ROWS,
      gl.UNPACK_SKIP_IMAGES,
    ]) {
      gl.pixelStorei(parameter, 0);
    }
    this.version++;
  }

  dispose(): void {
    this.#gl.deleteTexture(this.texture);
  }
}

function volumeFormat(gl: WebGL2RenderingContext, voxels: ArrayBufferView): Format {
  if (voxels instanceof Int16Array) {
    return { internalFormat: gl.R16I, format: gl.RED_INTEGER, type: gl.SHORT, kind: 'sint' };
  }
  if (voxels instanceof Uint16Array) {
    return { internalFormat: gl.R16UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_SHORT, kind: 'uint' };
  }
  if (voxels instanceof Uint8Array) {
    return { internalFormat: gl.R8UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_BYTE, kind: 'uint' };
  }
  return { internalFormat: gl.R32F, format: gl.RED, type: gl.FLOAT, kind: 'float' };
}
