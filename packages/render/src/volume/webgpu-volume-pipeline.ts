import type { VolumeTexelKind } from './volume-data.js';

/** How a WGSL shader declares and binds a volume texture of each texel kind. */
export const VOLUME_TEXEL: Readonly<
  Record<VolumeTexelKind, { alias: string; sampleType: GPUTextureSampleType }>
> = {
  sint: { alias: 'i32', sampleType: 'sint' },
  uint: { alias: 'u32', sampleType: 'uint' },
  float: { alias: 'f32', sampleType: 'unfilterable-float' },
};

/** What {@link createVolumePipeline} builds a pipeline from. */
export interface VolumePipelineSpec {
  label: string;
  /** The shader for the texel type's alias (`alias Texel = …;` and chunks in front). */
  code: (alias: string) => string;
  kind: VolumeTexelKind;
  /** Sets the shader's `BRICKED` override (brick-atlas.wgsl): one pipeline per case. */
  bricked: boolean;
  /** Fragment bindings after the uniforms (0) and the volume (1): 2, 3, … */
  textures: readonly GPUTextureBindingLayout[];
  target: GPUColorTargetState;
}

/**
 * The render pipeline of a pass that reads a volume texture (mpr.wgsl, volume.wgsl): a full-screen
 * triangle (`vs`) and `fs`, with uniforms at binding 0, the volume at 1 and `textures` after it.
 */
export function createVolumePipeline(device: GPUDevice, spec: VolumePipelineSpec): GPURenderPipeline {
  const { alias, sampleType } = VOLUME_TEXEL[spec.kind];
  const module = device.createShaderModule({ label: `${spec.label} (${alias})`, code: spec.code(alias) });
  const layout = device.createBindGroupLayout({
    label: spec.label,
    entries: [
      { binding: 0, visibility: GPUShaderStage.FRAGMENT, buffer: { type: 'uniform' } },
      { binding: 1, visibility: GPUShaderStage.FRAGMENT, texture: { sampleType, viewDimension: '3d' } },
      ...spec.textures.map((texture, i) => ({
        binding: i + 2,
        visibility: GPUShaderStage.FRAGMENT,
        texture,
      })),
    ],
  });
  return device.createRenderPipeline({
    label: spec.label,
    layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
    vertex: { module, entryPoint: 'vs' },
    fragment: {
      module,
      entryPoint: 'fs',
      targets: [spec.target],
      constants: { BRICKED: spec.bricked ? 1 : 0 },
    },
    primitive: { topology: 'triangle-list' },
  });
}

/** Records the full-screen triangle over what `view` holds (loaded, not cleared). */
export function recordFullScreen(
  encoder: GPUCommandEncoder,
  view: GPUTextureView,
  label: string,
  pipeline: GPURenderPipeline,
  bindGroup: GPUBindGroup,
): void {
  const pass = encoder.beginRenderPass({
    label,
    colorAttachments: [{ view, loadOp: 'load', storeOp: 'store' }],
  });
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.draw(3);
  pass.end();
}
