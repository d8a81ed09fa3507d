import { makeShaderDataDefinitions, makeStructuredView, type StructuredView } from 'webgpu-utils';
import { BRICK_ATLAS_WGSL, brickAtlasUniforms } from '../../volume/brick-atlas-shader.js';
import type { VolumeTexelKind } from '../../volume/volume-data.js';
import type { VolumeTexture } from '../../volume/volume-texture.js';
import { createVolumePipeline, recordFullScreen } from '../../volume/webgpu-volume-pipeline.js';
import type { WebGpuVolumeTexture } from '../../webgpu/webgpu-volume-texture.js';
import { TRANSFER_TABLE_SIZE, type TransferTable } from './transfer-function.js';
import shaderSource from './volume.wgsl?raw';
import type { VisibleBricks, VolumeRenderPass } from './volume-pass-interface.js';
import { type VolumeDrawParams, volumeUniforms } from './volume-uniforms.js';

/** The WebGPU volume pass: DVR or MIP through volume.wgsl, over the whole canvas. */
export class WebGpuVolumeRenderPass implements VolumeRenderPass {
  readonly #device: GPUDevice;
  readonly #format: GPUTextureFormat;
  readonly #uniforms: StructuredView;
  readonly #uniformBuffer: GPUBuffer;
  /** Pipelines by texel kind and whether the volume is bricked. */
  readonly #pipelines = new Map<string, GPURenderPipeline>();
  readonly #table: GPUTexture;
  #bricks: GPUTexture;
  #skipEmpty = false;
  #tableRange: Pick<TransferTable, 'min' | 'max'> = { min: 0, max: 1 };
  #volume: WebGpuVolumeTexture | undefined;
  #params: VolumeDrawParams | undefined;
  #bindGroup: GPUBindGroup | undefined;

  constructor(device: GPUDevice, format: GPUTextureFormat) {
    this.#device = device;
    this.#format = format;
    const params = makeShaderDataDefinitions(source('i32')).uniforms.params;
    if (!params) throw new Error('volume.wgsl declares no `params` uniform');
    this.#uniforms = makeStructuredView(params);
    this.#uniformBuffer = device.createBuffer({
      label: 'volume params',
      size: this.#uniforms.arrayBuffer.byteLength,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.#table = device.createTexture({
      label: 'transfer table',
      size: { width: TRANSFER_TABLE_SIZE, height: 1 },
      format: 'rgba32float',
      usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST,
    });
    this.#bricks = this.#createBricks([1, 1, 1]);
  }

  get ready(): boolean {
    return this.#volume !== undefined && this.#params !== undefined;
  }

  setVolume(texture: VolumeTexture): void {
    if (texture !== this.#volume) this.#bindGroup = undefined;
    this.#volume = texture as WebGpuVolumeTexture;
  }

  setTransferTable(table: TransferTable): void {
    this.#device.queue.writeTexture(
      { texture: this.#table },
      table.rgba as Float32Array<ArrayBuffer>,
      { bytesPerRow: TRANSFER_TABLE_SIZE * 16 },
      { width: TRANSFER_TABLE_SIZE, height: 1 },
    );
    this.#tableRange = { min: table.min, max: table.max };
  }

  setVisibleBricks(bricks: VisibleBricks | undefined): void {
    this.#skipEmpty = bricks !== undefined;
    if (!bricks) return;
    const [x, y, z] = bricks.dimensions;
    if (this.#bricks.width !== x || this.#bricks.height !== y || this.#bricks.depthOrArrayLayers !== z) {
      this.#bricks.destroy();
      this.#bricks = this.#createBricks(bricks.dimensions);
      this.#bindGroup = undefined;
    }
    this.#device.queue.writeTexture(
      { texture: this.#bricks },
      bricks.flags as Uint8Array<ArrayBuffer>,
      { bytesPerRow: x, rowsPerImage: y },
      { width: x, height: y, depthOrArrayLayers: z },
    );
  }

  setDrawParams(params: VolumeDrawParams): void {
    this.#params = params;
  }

  /** Records the rendering over the whole of `view`. Called by the WebGPU backend. */
  record(encoder: GPUCommandEncoder, view: GPUTextureView): void {
    const volume = this.#volume;
    const params = this.#params;
    if (!volume || !params) throw new Error('Volume pass drawn before setVolume and setDrawParams');
    this.#uniforms.set({
      ...volumeUniforms(params, this.#tableRange, this.#skipEmpty),
      atlas: brickAtlasUniforms(volume.atlas),
    });
    this.#device.queue.writeBuffer(this.#uniformBuffer, 0, this.#uniforms.arrayBuffer);
    const pipeline = this.#pipeline(volume.kind, volume.atlas.bricked);
    this.#bindGroup ??= this.#device.createBindGroup({
      label: 'volume',
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: this.#uniformBuffer } },
        { binding: 1, resource: volume.texture.createView() },
        { binding: 2, resource: this.#table.createView() },
        { binding: 3, resource: this.#bricks.createView() },
      ],
    });
    recordFullScreen(encoder, view, 'volume', pipeline, this.#bindGroup);
  }

  dispose(): void {
    this.#table.destroy();
    this.#bricks.destroy();
    this.#uniformBuffer.destroy();
    this.#volume = undefined;
  }

  /** A brick flag texture (r8uint, 3D); filled with 1 (visible) until flags are written. */
  #createBricks(dimensions: readonly [number, number, number]): GPUTexture {
    const [width, height, depthOrArrayLayers] = dimensions;
    const texture = this.#device.createTexture({
      label: 'visible bricks',
      size: { width, height, depthOrArrayLayers },
      dimension: '3d',
      format: 'r8uint',
      usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST,
    });
    this.#device.queue.writeTexture(
      { texture },
      new Uint8Array(width * height * depthOrArrayLayers).fill(1),
      { bytesPerRow: width, rowsPerImage: height },
      { width, height, depthOrArrayLayers },
    );
    return texture;
  }

  #pipeline(kind: VolumeTexelKind, bricked: boolean): GPURenderPipeline {
    const key = `${kind} ${bricked}`;
    let pipeline = this.#pipelines.get(key);
    if (pipeline) return pipeline;
    pipeline = createVolumePipeline(this.#device, {
      label: `volume ${key}`,
      code: source,
      kind,
      bricked,
      textures: [{ sampleType: 'unfilterable-float' }, { sampleType: 'uint', viewDimension: '3d' }],
      target: { format: this.#format },
    });
    this.#pipelines.set(key, pipeline);
    return pipeline;
  }
}

/** The shader for one texel type (WGSL has no generics over texture types), with the atlas chunk. */
function source(texel: string): string {
  return `alias Texel = ${texel};\n${BRICK_ATLAS_WGSL}\n${shaderSource}`;
}
