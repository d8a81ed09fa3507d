import { makeShaderDataDefinitions, makeStructuredView, type StructuredView } from 'webgpu-utils';
import { greySampleType, type SliceImage } from '../../image/slice-image.js';
import type { GreyClassifier } from '../../lut/grey-classifier.js';
import { GREY_THRESHOLDS_WGSL } from '../../lut/grey-thresholds-shader.js';
import sliceSource from './slice.wgsl?raw';
import type { SlicePass } from './slice-pass-interface.js';
import { type SliceDrawParams, sliceUniforms } from './slice-uniforms.js';

/** slice.wgsl with the threshold classification it calls. */
const shaderSource = `${GREY_THRESHOLDS_WGSL}\n${sliceSource}`;

/** The texel kinds the slice shader has an entry point for. */
type SampleKind = 'sint' | 'uint' | 'float' | 'rgb';

const ENTRY_POINTS: Record<SampleKind, string> = {
  sint: 'fsSint',
  uint: 'fsUint',
  float: 'fsFloat',
  rgb: 'fsRgb',
};

const IMAGE_SAMPLE_TYPES: Record<SampleKind, GPUTextureSampleType> = {
  sint: 'sint',
  uint: 'uint',
  float: 'unfilterable-float',
  rgb: 'uint',
};

/**
 * The WebGPU slice pass: draws a grey or RGB image through slice.wgsl. Images live in integer
 * (r8/r16 sint/uint), r32float or rgba8uint textures and are read with textureLoad only.
 */
export class WebGpuSlicePass implements SlicePass {
  readonly #device: GPUDevice;
  readonly #format: GPUTextureFormat;
  readonly #module: GPUShaderModule;
  readonly #uniforms: StructuredView;
  readonly #uniformBuffer: GPUBuffer;
  readonly #pipelines = new Map<SampleKind, GPURenderPipeline>();
  #kind: SampleKind = 'uint';
  #imageSize: readonly [number, number] = [1, 1];
  #image: GPUTexture | undefined;
  #table: GPUTexture;
  #colormap: GPUTexture;
  #classifier: GreyClassifier | undefined;
  #params: SliceDrawParams | undefined;
  #bindGroup: GPUBindGroup | undefined;

  constructor(device: GPUDevice, format: GPUTextureFormat) {
    this.#device = device;
    this.#format = format;
    this.#module = device.createShaderModule({ label: 'slice.wgsl', code: shaderSource });
    const definitions = makeShaderDataDefinitions(shaderSource);
    const params = definitions.uniforms.params;
    if (!params) throw new Error('slice.wgsl declares no `params` uniform');
    this.#uniforms = makeStructuredView(params);
    this.#uniformBuffer = device.createBuffer({
      label: 'slice params',
      size: this.#uniforms.arrayBuffer.byteLength,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.#table = this.#createTexture('grey table', 1, 1, 'r8uint');
    this.#colormap = this.#createTexture('colour map', 256, 1, 'rgba8unorm');
  }

  get ready(): boolean {
    return this.#image !== undefined;
  }

  setImage(image: SliceImage): void {
    const { columns, rows } = image;
    let format: GPUTextureFormat;
    let data: ArrayBufferView<ArrayBuffer>;
    let bytesPerTexel: number;
    if (image.kind === 'rgb') {
      // No rgb8 format in WebGPU: widen to RGBA once, here in the worker.
      this.#kind = 'rgb';
      format = 'rgba8uint';
      bytesPerTexel = 4;
      data = rgbToRgba(image.pixels);
    } else {
      this.#kind = greySampleType(image.pixels);
      format = greyFormat(image.pixels);
      bytesPerTexel = image.pixels.BYTES_PER_ELEMENT;
      data = image.pixels as ArrayBufferView<ArrayBuffer>;
    }
    this.#image?.destroy();
    this.#image = this.#createTexture('slice image', columns, rows, format);
    this.#device.queue.writeTexture(
      { texture: this.#image },
      data,
      { bytesPerRow: columns * bytesPerTexel, rowsPerImage: rows },
      { width: columns, height: rows },
    );
    this.#imageSize = [columns, rows];
    this.#bindGroup = undefined;
  }

  setClassifier(classifier: GreyClassifier): void {
    this.#classifier = classifier;
    if (classifier.mode !== 'table') return;
    const { table } = classifier;
    const height = Math.ceil(table.length / 256);
    const padded = new Uint8Array(256 * height);
    padded.set(table);
    if (this.#table.width !== 256 || this.#table.height !== height) {
      this.#table.destroy();
      this.#table = this.#createTexture('grey table', 256, height, 'r8uint');
      this.#bindGroup = undefined;
    }
    this.#device.queue.writeTexture(
      { texture: this.#table },
      padded,
      { bytesPerRow: 256, rowsPerImage: height },
      { width: 256, height },
    );
  }

  setColormap(table: Uint8Array): void {
    this.#device.queue.writeTexture(
      { texture: this.#colormap },
      table as Uint8Array<ArrayBuffer>,
      { bytesPerRow: 256 * 4 },
      { width: 256, height: 1 },
    );
  }

  setDrawParams(params: SliceDrawParams): void {
    this.#params = params;
  }

  /** Records the draw into `encoder` (over the whole of `view`). Called by the WebGPU backend. */
  record(encoder: GPUCommandEncoder, view: GPUTextureView): void {
    const image = this.#image;
    const params = this.#params;
    if (!image || !params) throw new Error('Slice pass drawn before setImage and setDrawParams');
    const classifier = this.#kind === 'rgb' ? undefined : this.#classifier;
    this.#uniforms.set(sliceUniforms(this.#imageSize, params, classifier));
    this.#device.queue.writeBuffer(this.#uniformBuffer, 0, this.#uniforms.arrayBuffer);
    const pipeline = this.#pipeline(this.#kind);
    this.#bindGroup ??= this.#device.createBindGroup({
      label: 'slice',
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: this.#uniformBuffer } },
        { binding: 1, resource: image.createView() },
        { binding: 2, resource: this.#table.createView() },
        { binding: 3, resource: this.#colormap.createView() },
      ],
    });
    const pass = encoder.beginRenderPass({
      label: 'slice',
      colorAttachments: [{ view, loadOp: 'load', storeOp: 'store' }],
    });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, this.#bindGroup);
    pass.draw(3);
    pass.end();
  }

  dispose(): void {
    this.#image?.destroy();
    this.#table.destroy();
    this.#colormap.destroy();
    this.#uniformBuffer.destroy();
    this.#image = undefined;
  }

  #pipeline(kind: SampleKind): GPURenderPipeline {
    let pipeline = this.#pipelines.get(kind);
    if (pipeline) return pipeline;
    const layout = this.#device.createBindGroupLayout({
      label: `slice ${kind}`,
      entries: [
        { binding: 0, visibility: GPUShaderStage.FRAGMENT, buffer: { type: 'uniform' } },
        {
          binding: 1,
          visibility: GPUShaderStage.FRAGMENT,
          texture: { sampleType: IMAGE_SAMPLE_TYPES[kind] },
        },
        { binding: 2, visibility: GPUShaderStage.FRAGMENT, texture: { sampleType: 'uint' } },
        { binding: 3, visibility: GPUShaderStage.FRAGMENT, texture: { sampleType: 'unfilterable-float' } },
      ],
    });
    pipeline = this.#device.createRenderPipeline({
      label: `slice ${kind}`,
      layout: this.#device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      vertex: { module: this.#module, entryPoint: 'vs' },
      fragment: { module: this.#module, entryPoint: ENTRY_POINTS[kind], targets: [{ format: this.#format }] },
      primitive: { topology: 'triangle-list' },
    });
    this.#pipelines.set(kind, pipeline);
    return pipeline;
  }

  #createTexture(label: string, width: number, height: number, format: GPUTextureFormat): GPUTexture {
    return this.#device.createTexture({
      label,
      size: { width, height },
      format,
      usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST,
    });
  }
}

function greyFormat(pixels: SliceImage['pixels']): GPUTextureFormat {
  if (pixels instanceof Int8Array) return 'r8sint';
  if (pixels instanceof Uint8Array) return 'r8uint';
  if (pixels instanceof Int16Array) return 'r16sint';
  if (pixels instanceof Uint16Array) return 'r16uint';
  return 'r32float';
}

function rgbToRgba(rgb: Uint8Array): Uint8Array<ArrayBuffer> {
  const count = rgb.length / 3;
  const rgba = new Uint8Array(count * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgba[j] = rgb[i] as number;
    rgba[j + 1] = rgb[i + 1] as number;
    rgba[j + 2] = rgb[i + 2] as number;
    rgba[j + 3] = 255;
  }
  return rgba;
}
