import type { Size } from '../../view/view-transform.js';
import shaderSource from './upscale.wgsl?raw';

/**
 * Progressive quality on WebGPU: a reduced-resolution render target the frame's passes draw into,
 * and the pass that scales it up (nearest) onto the canvas. The WebGL2 backend does the same with
 * a framebuffer and `blitFramebuffer`.
 */
export class WebGpuUpscale {
  readonly #device: GPUDevice;
  readonly #format: GPUTextureFormat;
  readonly #pipeline: GPURenderPipeline;
  readonly #uniformBuffer: GPUBuffer;
  #texture: GPUTexture | undefined;

  constructor(device: GPUDevice, format: GPUTextureFormat) {
    this.#device = device;
    this.#format = format;
    const module = device.createShaderModule({ label: 'upscale.wgsl', code: shaderSource });
    this.#pipeline = device.createRenderPipeline({
      label: 'upscale',
      layout: 'auto',
      vertex: { module, entryPoint: 'vs' },
      fragment: { module, entryPoint: 'fs', targets: [{ format }] },
      primitive: { topology: 'triangle-list' },
    });
    this.#uniformBuffer = device.createBuffer({
      label: 'upscale params',
      size: 8,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
  }

  /** The reduced-resolution texture (reused while the size stays). */
  target(size: Size): GPUTexture {
    const texture = this.#texture;
    if (texture && texture.width === size[0] && texture.height === size[1]) return texture;
    texture?.destroy();
    this.#texture = this.#device.createTexture({
      label: 'reduced-resolution frame',
      size: { width: size[0], height: size[1] },
      format: this.#format,
      usage: GPUTextureUsage.RENDER_ATTACHMENT | GPUTextureUsage.TEXTURE_BINDING,
    });
    return this.#texture;
  }

  /** Records the scaling of `source` (from {@link WebGpuUpscale.target}) onto the whole `view`. */
  record(encoder: GPUCommandEncoder, source: GPUTexture, view: GPUTextureView, canvas: Size): void {
    const scale = new Float32Array([source.width / canvas[0], source.height / canvas[1]]);
    this.#device.queue.writeBuffer(this.#uniformBuffer, 0, scale);
    const bindGroup = this.#device.createBindGroup({
      layout: this.#pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: source.createView() },
        { binding: 1, resource: { buffer: this.#uniformBuffer } },
      ],
    });
    const pass = encoder.beginRenderPass({
      label: 'upscale',
      colorAttachments: [{ view, loadOp: 'clear', storeOp: 'store', clearValue: [0, 0, 0, 1] }],
    });
    pass.setPipeline(this.#pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.draw(3);
    pass.end();
  }

  dispose(): void {
    this.#texture?.destroy();
    this.#uniformBuffer.destroy();
  }
}
