import type { BackendInfo, GpuPass, RenderBackend, RenderTarget } from '../gpu/backend.js';
import type { MprPass } from '../passes/mpr/mpr-pass-interface.js';
import { WebGl2MprPass } from '../passes/mpr/mpr-pass-webgl2.js';
import type { SlicePass } from '../passes/slice/slice-pass-interface.js';
import { WebGl2SlicePass } from '../passes/slice/slice-pass-webgl2.js';
import type { VolumeRenderPass } from '../passes/volume/volume-pass-interface.js';
import { WebGl2VolumeRenderPass } from '../passes/volume/volume-pass-webgl2.js';
import type { Size } from '../view/view-transform.js';
import { brickAtlas } from '../volume/brick-atlas.js';
import type { VolumeVoxels } from '../volume/volume-data.js';
import { WebGl2VolumeTexture } from './webgl2-volume-texture.js';

/** What every WebGL2 pass offers the backend: drawing into the bound framebuffer. */
export interface WebGl2Recordable extends GpuPass {
  /** Draws over the bound framebuffer, whose height is `canvasHeight`. */
  record(canvasHeight: number): void;
}

interface WebGl2Target extends RenderTarget {
  readonly bitmap: ImageBitmapRenderingContext;
}

/**
 * The WebGL2 backend. A WebGL context cannot be shared between canvases, so the worker keeps one
 * context on an OffscreenCanvas of its own, shared by every viewport: a frame is drawn there at
 * the viewport's size and handed to the viewport's canvas (a `bitmaprenderer` context) as an
 * ImageBitmap, without a copy through the CPU.
 */
export class WebGl2Backend implements RenderBackend {
  readonly info: BackendInfo;
  readonly lost: Promise<string>;
  readonly #canvas: OffscreenCanvas;
  readonly #gl: WebGL2RenderingContext;
  #destroyed = false;
  #reduced:
    | { framebuffer: WebGLFramebuffer; texture: WebGLTexture; width: number; height: number }
    | undefined;

  private constructor(canvas: OffscreenCanvas, gl: WebGL2RenderingContext, maxVolumeTextureSize?: number) {
    this.#canvas = canvas;
    this.#gl = gl;
    this.lost = new Promise<string>((resolve) => {
      canvas.addEventListener('webglcontextlost', (event) => {
        // Recovery makes a new context; the browser need not restore this one.
        event.preventDefault();
        if (!this.#destroyed) resolve('WebGL2 context lost');
      });
    });
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown renderer',
    );
    this.info = {
      kind: 'webgl2',
      adapter: renderer,
      software: /swiftshader|llvmpipe|software/i.test(renderer),
      maxTextureSize: gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
      maxVolumeSize: Math.min(
        gl.getParameter(gl.MAX_3D_TEXTURE_SIZE) as number,
        maxVolumeTextureSize ?? Number.POSITIVE_INFINITY,
      ),
    };
  }

  /**
   * Creates the shared context; throws with a readable reason when WebGL2 is missing. Volume
   * textures keep within `maxVolumeTextureSize` per side when it is below MAX_3D_TEXTURE_SIZE.
   */
  static create(maxVolumeTextureSize?: number): WebGl2Backend {
    if (typeof OffscreenCanvas === 'undefined') throw new Error('OffscreenCanvas is missing');
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2', {
      alpha: false,
      antialias: false,
      depth: false,
      stencil: false,
      premultipliedAlpha: false,
      preserveDrawingBuffer: false,
    });
    if (!gl) throw new Error('getContext("webgl2") returned null');
    return new WebGl2Backend(canvas, gl, maxVolumeTextureSize);
  }

  createTarget(canvas: OffscreenCanvas): WebGl2Target {
    const bitmap = canvas.getContext('bitmaprenderer');
    if (!bitmap) throw new Error('The canvas has no bitmaprenderer context (it already has another kind)');
    return { canvas, bitmap };
  }

  createSlicePass(): SlicePass {
    return new WebGl2SlicePass(this.#gl);
  }

  createMprPass(): MprPass {
    return new WebGl2MprPass(this.#gl);
  }

  createVolumeRenderPass(): VolumeRenderPass {
    return new WebGl2VolumeRenderPass(this.#gl);
  }

  createVolumeTexture(
    dimensions: readonly [number, number, number],
    sample: VolumeVoxels,
  ): WebGl2VolumeTexture {
    return new WebGl2VolumeTexture(this.#gl, brickAtlas(dimensions, this.info.maxVolumeSize), sample);
  }

  async drawFrame(
    target: RenderTarget,
    passes: readonly GpuPass[],
    readback: boolean,
    resolution?: Size,
  ): Promise<Uint8Array | undefined> {
    const gl = this.#gl;
    const { canvas, bitmap } = target as WebGl2Target;
    const { width, height } = canvas;
    if (this.#canvas.width !== width) this.#canvas.width = width;
    if (this.#canvas.height !== height) this.#canvas.height = height;
    const [drawWidth, drawHeight] = resolution ?? [width, height];
    const reduced = drawWidth !== width || drawHeight !== height;
    gl.bindFramebuffer(gl.FRAMEBUFFER, reduced ? this.#reducedTarget(drawWidth, drawHeight) : null);
    gl.viewport(0, 0, drawWidth, drawHeight);
    gl.clearColor(0, 0, 0, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    for (const pass of passes) (pass as WebGl2Recordable).record(drawHeight);
    if (reduced) {
      // Progressive quality: scale the reduced frame up onto the canvas, nearest.
      gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
      gl.blitFramebuffer(0, 0, drawWidth, drawHeight, 0, 0, width, height, gl.COLOR_BUFFER_BIT, gl.NEAREST);
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.viewport(0, 0, width, height);
    }
    let pixels: Uint8Array | undefined;
    if (readback) {
      const bottomUp = new Uint8Array(width * height * 4);
      gl.pixelStorei(gl.PACK_ALIGNMENT, 1);
      gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, bottomUp);
      pixels = new Uint8Array(bottomUp.length);
      const row = width * 4;
      for (let y = 0; y < height; y++) {
        pixels.set(bottomUp.subarray((height - 1 - y) * row, (height - y) * row), y * row);
      }
    }
    bitmap.transferFromImageBitmap(this.#canvas.transferToImageBitmap());
    return pixels;
  }

  /** The framebuffer of reduced-resolution frames (reused while the size stays). */
  #reducedTarget(width: number, height: number): WebGLFramebuffer {
    const gl = this.#gl;
    if (!this.#reduced || this.#reduced.width !== width || this.#reduced.height !== height) {
      if (this.#reduced) {
        gl.deleteFramebuffer(this.#reduced.framebuffer);
        gl.deleteTexture(this.#reduced.texture);
      }
      const texture = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, width, height);
      const framebuffer = gl.createFramebuffer();
      gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
      this.#reduced = { framebuffer, texture, width, height };
    }
    return this.#reduced.framebuffer;
  }

  simulateLoss(): void {
    this.#gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  destroy(): void {
    this.#destroyed = true;
    this.#gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
