import { makeShaderDataDefinitions, makeStructuredView, type StructuredView } from 'webgpu-utils';
import type { GreyClassifier } from '../../lut/grey-classifier.js';
import { GREY_THRESHOLDS_WGSL } from '../../lut/grey-thresholds-shader.js';
import { BRICK_ATLAS_WGSL, brickAtlasUniforms } from '../../volume/brick-atlas-shader.js';
import type { VolumeTexelKind } from '../../volume/volume-data.js';
import type { VolumeTexture } from '../../volume/volume-texture.js';
import type { WebGpuVolumeTexture } from '../../webgpu/webgpu-volume-texture.js';
import shaderSource from './mpr.wgsl?raw';
import type { MprPass } from './mpr-pass-interface.js';
import { type MprDrawParams, mprUniforms } from './mpr-uniforms.js';

const TEXEL: Record<VolumeTexelKind, { alias: string; sampleType: GPUTextureSampleType }> = {
  sint: { alias: 'i32', sampleType: 'sint' },
  uint: { alias: 'u32', sampleType: 'uint' },
  float: { alias: 'f32', sampleType: 'unfilterable-float' },
};

/** Colour blending of `over` and `labels` layers: source alpha over what is drawn; alpha kept. */
const BLEND: GPUBlendState = {
  color: { srcFactor: 'src-alpha', dstFactor: 'one-minus-src-alpha', operation: 'add' },
  alpha: { srcFactor: 'zero', dstFactor: 'one', operation: 'add' },
};

/** The WebGPU MPR pass: one layer of a plane view through mpr.wgsl. */
export class WebGpuMprPass implements MprPass {
  readonly #device: GPUDevice;
  readonly #format: GPUTextureFormat;
  readonly #uniforms: StructuredView;
  readonly #uniformBuffer: GPUBuffer;
  readonly #pipelines = new Map<string, GPURenderPipeline>();
  #volume: WebGpuVolumeTexture | undefined;
  #table: GPUTexture;
  #tableSize = 256;
  #classifier: GreyClassifier | undefined;
  #params: MprDrawParams | undefined;
  #bindGroup: GPUBindGroup | undefined;

  constructor(device: GPUDevice, format: GPUTextureFormat) {
    this.#device = device;
    this.#format = format;
    const params = makeShaderDataDefinitions(source('i32')).uniforms.params;
    if (!params) throw new Error('mpr.wgsl declares no `params` uniform');
    this.#uniforms = makeStructuredView(params);
    this.#uniformBuffer = device.createBuffer({
      label: 'mpr params',
      size: this.#uniforms.arrayBuffer.byteLength,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.#table = this.#createTable(1);
  }

  get ready(): boolean {
    return this.#volume !== undefined && this.#params !== undefined;
  }

  setVolume(texture: VolumeTexture): void {
    if (texture !== this.#volume) this.#bindGroup = undefined;
    this.#volume = texture as WebGpuVolumeTexture;
  }

  setClassifier(classifier: GreyClassifier | undefined): void {
    this.#classifier = classifier;
  }

  setColourTable(table: Uint8Array): void {
    const rows = Math.ceil(table.length / 1024);
    if (this.#table.height !== rows) {
      this.#table.destroy();
      this.#table = this.#createTable(rows);
      this.#bindGroup = undefined;
    }
    const padded = new Uint8Array(rows * 1024);
    padded.set(table);
    this.#device.queue.writeTexture(
      { texture: this.#table },
      padded,
      { bytesPerRow: 1024, rowsPerImage: rows },
      { width: 256, height: rows },
    );
    this.#tableSize = table.length / 4;
  }

  setDrawParams(params: MprDrawParams): void {
    this.#params = params;
  }

  /** Records the layer over what `view` holds. Called by the WebGPU backend. */
  record(encoder: GPUCommandEncoder, view: GPUTextureView): void {
    const volume = this.#volume;
    const params = this.#params;
    if (!volume || !params) throw new Error('MPR pass drawn before setVolume and setDrawParams');
    this.#uniforms.set({
      ...mprUniforms(params, volume.dimensions, this.#classifier, this.#tableSize),
      atlas: brickAtlasUniforms(volume.atlas),
    });
    this.#device.queue.writeBuffer(this.#uniformBuffer, 0, this.#uniforms.arrayBuffer);
    const pipeline = this.#pipeline(volume.kind, params.layer !== 'base', volume.atlas.bricked);
    this.#bindGroup ??= this.#device.createBindGroup({
      label: 'mpr',
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: this.#uniformBuffer } },
        { binding: 1, resource: volume.texture.createView() },
        { binding: 2, resource: this.#table.createView() },
      ],
    });
    const pass = encoder.beginRenderPass({
      label: 'mpr',
      colorAttachments: [{ view, loadOp: 'load', storeOp: 'store' }],
    });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, this.#bindGroup);
    pass.draw(3);
    pass.end();
  }

  dispose(): void {
    this.#table.destroy();
    this.#uniformBuffer.destroy();
    this.#volume = undefined;
  }

  #pipeline(kind: VolumeTexelKind, blend: boolean, bricked: boolean): GPURenderPipeline {
    const key = `${kind} ${blend} ${bricked}`;
    let pipeline = this.#pipelines.get(key);
    if (pipeline) return pipeline;
    const { alias, sampleType } = TEXEL[kind];
    const module = this.#device.createShaderModule({ label: `mpr.wgsl (${alias})`, code: source(alias) });
    const layout = this.#device.createBindGroupLayout({
      label: `mpr ${kind}`,
      entries: [
        { binding: 0, visibility: GPUShaderStage.FRAGMENT, buffer: { type: 'uniform' } },
        { binding: 1, visibility: GPUShaderStage.FRAGMENT, texture: { sampleType, viewDimension: '3d' } },
        { binding: 2, visibility: GPUShaderStage.FRAGMENT, texture: { sampleType: 'unfilterable-float' } },
      ],
    });
    const target: GPUColorTargetState = blend
      ? { format: this.#format, blend: BLEND }
      : { format: this.#format };
    pipeline = this.#device.createRenderPipeline({
      label: `mpr ${key}`,
      layout: this.#device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      vertex: { module, entryPoint: 'vs' },
      fragment: { module, entryPoint: 'fs', targets: [target], constants: { BRICKED: bricked ? 1 : 0 } },
      primitive: { topology: 'triangle-list' },
    });
    this.#pipelines.set(key, pipeline);
    return pipeline;
  }

  #createTable(rows: number): GPUTexture {
    return this.#device.createTexture({
      label: 'mpr colour table',
      size: { width: 256, height: rows },
      format: 'rgba8unorm',
      usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST,
    });
  }
}

/** The shader for one texel type (WGSL has no generics over texture types), with its chunks. */
function source(texel: string): string {
  return `alias Texel = ${texel};\n${BRICK_ATLAS_WGSL}\n${GREY_THRESHOLDS_WGSL}\n${shaderSource}`;
}
