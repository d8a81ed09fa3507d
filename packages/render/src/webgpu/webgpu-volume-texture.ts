import type { VolumeTexelKind } from '../volume/volume-data.js';
import type { VolumeTexture } from '../volume/volume-texture.js';

/** The formats a volume texture may have. */
export type VolumeTextureFormat = 'r16sint' | 'r16uint' | 'r8uint' | 'r32float';

const BYTES: Record<VolumeTextureFormat, number> = { r16sint: 2, r16uint: 2, r8uint: 1, r32float: 4 };

/** The WebGPU 3D texture of a volume: read with `textureLoad` from texture_3d<i32|u32|f32>. */
export class WebGpuVolumeTexture implements VolumeTexture {
  readonly dimensions: readonly [number, number, number];
  readonly kind: VolumeTexelKind;
  readonly texture: GPUTexture;
  version = 0;
  readonly #device: GPUDevice;
  readonly #bytesPerTexel: number;

  constructor(device: GPUDevice, dimensions: readonly [number, number, number], format: VolumeTextureFormat) {
    this.#device = device;
    this.dimensions = dimensions;
    this.kind = format === 'r32float' ? 'float' : format === 'r16sint' ? 'sint' : 'uint';
    this.#bytesPerTexel = BYTES[format];
    this.texture = device.createTexture({
      label: `volume ${dimensions.join('×')} ${format}`,
      size: { width: dimensions[0], height: dimensions[1], depthOrArrayLayers: dimensions[2] },
      dimension: '3d',
      format,
      usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST,
    });
  }

  write(firstSlot: number, voxels: ArrayBufferView): void {
    const [width, height] = this.dimensions;
    const slots = voxels.byteLength / (width * height * this.#bytesPerTexel);
    this.#device.queue.writeTexture(
      { texture: this.texture, origin: { x: 0, y: 0, z: firstSlot } },
      voxels as ArrayBufferView<ArrayBuffer>,
      { bytesPerRow: width * this.#bytesPerTexel, rowsPerImage: height },
      { width, height, depthOrArrayLayers: slots },
    );
    this.version++;
  }

  dispose(): void {
    this.texture.destroy();
  }
}

/** The WebGPU format of a voxel array. */
export function webGpuVolumeFormat(voxels: ArrayBufferView): VolumeTextureFormat {
  if (voxels instanceof Int16Array) return 'r16sint';
  if (voxels instanceof Uint16Array) return 'r16uint';
  if (voxels instanceof Uint8Array) return 'r8uint';
  return 'r32float';
}
