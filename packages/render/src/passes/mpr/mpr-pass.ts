import { makeShaderDataDefinitions, makeStructuredView, type StructuredView } from 'webgpu-utils';
import type { GreyClassifier } from '../../lut/grey-classifier.js';
import { GREY_THRESHOLDS_WGSL } from '../../lut/grey-thresholds-shader.js';
import { BRICK_ATLAS_WGSL, brickAtlasUniforms } from '../../volume/brick-atlas-shader.js';
import type { VolumeTexelKind } from '../../volume/volume-data.js';
import type { VolumeTexture } from '../../volume/volume-texture.js';
import { createVolumePipeline, recordFullScreen } from '../../volume/webgpu-volume-pipeline.js';
import type { WebGpuVolumeTexture } from '../../webgpu/webgpu-volume-texture.js';
import shaderSource from './mpr.wgsl?raw';
import type { MprPass } from './mpr-pass-interface.js';
import { type MprDrawParams, mprUniforms } from './mpr-uniforms.js';

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
    recordFullScreen(encoder, view, 'mpr', pipeline, this.#bindGroup);
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
    pipeline = createVolumePipeline(this.#device, {
      label: `mpr ${key}`,
      code: source,
      kind,
      bricked,
      textures: [{ sampleType: 'unfilterable-float' }],
      target: blend ? { format: this.#format, blend: BLEND } : { format: this.#format },
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
