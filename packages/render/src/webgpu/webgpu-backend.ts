import type { BackendInfo, GpuPass, RenderBackend, RenderTarget } from '../gpu/backend.js';
import { WebGpuMprPass } from '../passes/mpr/mpr-pass.js';
import type { MprPass } from '../passes/mpr/mpr-pass-interface.js';
import { WebGpuSlicePass } from '../passes/slice/slice-pass.js';
import type { SlicePass } from '../passes/slice/slice-pass-interface.js';
import { WebGpuUpscale } from '../passes/upscale/upscale-pass.js';
import { WebGpuVolumeRenderPass } from '../passes/volume/volume-pass.js';
import type { VolumeRenderPass } from '../passes/volume/volume-pass-interface.js';
import type { Size } from '../view/view-transform.js';
import { brickAtlas } from '../volume/brick-atlas.js';
import type { VolumeVoxels } from '../volume/volume-data.js';
import { unpackReadback } from './unpack-readback.js';
import { WebGpuVolumeTexture, webGpuVolumeFormat } from './webgpu-volume-texture.js';

/** What every WebGPU pass offers the backend: recording its draw over what is in `view`. */
export interface WebGpuRecordable extends GpuPass {
  record(encoder: GPUCommandEncoder, view: GPUTextureView): void;
}

interface WebGpuTarget extends RenderTarget {
  readonly context: GPUCanvasContext;
}

/**
 * The WebGPU backend: one adapter and device for every viewport of the worker; each viewport's
 * OffscreenCanvas gets a `webgpu` context configured with that device (and COPY_SRC, so frames
 * can be read back from the very texture that is presented).
 */
export class WebGpuBackend implements RenderBackend {
  readonly info: BackendInfo;
  readonly lost: Promise<string>;
  readonly #device: GPUDevice;
  readonly #format: GPUTextureFormat;
  #destroyed = false;
  /** The reduced-resolution target and its upscale pass, made on first use. */
  #upscale: WebGpuUpscale | undefined;

  private constructor(device: GPUDevice, format: GPUTextureFormat, info: BackendInfo) {
    this.#device = device;
    this.#format = format;
    this.info = info;
    this.lost = new Promise<string>((resolve) => {
      void device.lost.then((loss) => {
        if (!this.#destroyed) resolve(`WebGPU device lost (${loss.reason}): ${loss.message}`);
      });
    });
  }

  /**
   * Requests an adapter and a device; throws with a readable reason when there is none. Volume
   * textures keep within `maxVolumeTextureSize` per side when it is below maxTextureDimension3D.
   */
  static async create(gpu: GPU, maxVolumeTextureSize?: number): Promise<WebGpuBackend> {
    const adapter = await gpu.requestAdapter();
    if (!adapter) throw new Error('requestAdapter() returned no adapter');
    const maxTextureSize = adapter.limits.maxTextureDimension2D;
    const maxVolumeSize = adapter.limits.maxTextureDimension3D;
    const device = await adapter.requestDevice({
      label: 'fovea render',
      requiredLimits: { maxTextureDimension2D: maxTextureSize, maxTextureDimension3D: maxVolumeSize },
    });
    const { vendor, architecture, description } = adapter.info;
    const name = [vendor, architecture, description].filter(Boolean).join(' ') || 'unknown adapter';
    return new WebGpuBackend(device, gpu.getPreferredCanvasFormat(), {
      kind: 'webgpu',
      adapter: name,
      software: adapter.info.isFallbackAdapter === true || /swiftshader|llvmpipe/i.test(name),
      maxTextureSize,
      maxVolumeSize: Math.min(maxVolumeSize, maxVolumeTextureSize ?? Number.POSITIVE_INFINITY),
    });
  }

  createTarget(canvas: OffscreenCanvas): WebGpuTarget {
    const context = canvas.getContext('webgpu');
    if (!context) throw new Error('The canvas has no webgpu context (it already has another kind)');
    context.configure({
      device: this.#device,
      format: this.#format,
      alphaMode: 'opaque',
      usage: GPUTextureUsage.RENDER_ATTACHMENT | GPUTextureUsage.COPY_SRC,
    });
    return { canvas, context };
  }

  createSlicePass(): SlicePass {
    return new WebGpuSlicePass(this.#device, this.#format);
  }

  createMprPass(): MprPass {
    return new WebGpuMprPass(this.#device, this.#format);
  }

  createVolumeRenderPass(): VolumeRenderPass {
    return new WebGpuVolumeRenderPass(this.#device, this.#format);
  }

  createVolumeTexture(
    dimensions: readonly [number, number, number],
    sample: VolumeVoxels,
  ): WebGpuVolumeTexture {
    return new WebGpuVolumeTexture(
      this.#device,
      brickAtlas(dimensions, this.info.maxVolumeSize),
      webGpuVolumeFormat(sample),
    );
  }

  async drawFrame(
    target: RenderTarget,
    passes: readonly GpuPass[],
    readback: boolean,
    resolution?: Size,
  ): Promise<Uint8Array | undefined> {
    const { context } = target as WebGpuTarget;
    const texture = context.getCurrentTexture();
    const encoder = this.#device.createCommandEncoder({ label: 'frame' });
    const view = texture.createView();
    let upscale: WebGpuUpscale | undefined;
    let low: GPUTexture | undefined;
    if (resolution && (resolution[0] !== texture.width || resolution[1] !== texture.height)) {
      this.#upscale ??= new WebGpuUpscale(this.#device, this.#format);
      upscale = this.#upscale;
      low = upscale.target(resolution);
    }
    const drawView = low ? low.createView() : view;
    encoder
      .beginRenderPass({
        label: 'clear',
        colorAttachments: [{ view: drawView, loadOp: 'clear', storeOp: 'store', clearValue: [0, 0, 0, 1] }],
      })
      .end();
    for (const pass of passes) (pass as WebGpuRecordable).record(encoder, drawView);
    if (upscale && low) upscale.record(encoder, low, view, [texture.width, texture.height]);
    if (!readback) {
      this.#device.queue.submit([encoder.finish()]);
      return undefined;
    }
    const { width, height } = texture;
    // copyTextureToBuffer needs rows aligned to 256 bytes.
    const bytesPerRow = Math.ceil((width * 4) / 256) * 256;
    const buffer = this.#device.createBuffer({
      label: 'frame readback',
      size: bytesPerRow * height,
      usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ,
    });
    encoder.copyTextureToBuffer({ texture }, { buffer, bytesPerRow }, { width, height });
    this.#device.queue.submit([encoder.finish()]);
    try {
      await buffer.mapAsync(GPUMapMode.READ);
      const rgba = unpackReadback(
        new Uint8Array(buffer.getMappedRange()),
        width,
        height,
        bytesPerRow,
        texture.format === 'bgra8unorm',
      );
      buffer.unmap();
      return rgba;
    } finally {
      buffer.destroy();
    }
  }

  simulateLoss(): void {
    this.#device.destroy();
  }

  destroy(): void {
    this.#destroyed = true;
    this.#device.destroy();
  }
}
