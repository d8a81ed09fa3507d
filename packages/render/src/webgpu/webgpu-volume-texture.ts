import { atlasWrites, type BrickAtlas } from '../volume/brick-atlas.js';
import type { VolumeTexelKind } from '../volume/volume-data.js';
import type { VolumeTexture } from '../volume/volume-texture.js';

/** The formats a volume texture may have. */
export type VolumeTextureFormat = 'r16sint' | 'r16uint' | 'r8uint' | 'r32float';

const BYTES: Record<VolumeTextureFormat, number> = { r16sint: 2, r16uint: 2, r8uint: 1, r32float: 4 };

/**
 * The WebGPU 3D texture of a volume: read with `textureLoad` from texture_3d<i32|u32|f32>, the
 * volume as it is or, past the device's limit, its bricks side by side (`atlas`).
 */
export class WebGpuVolumeTexture implements VolumeTexture {
  readonly dimensions: readonly [number, number, number];
  readonly atlas: BrickAtlas;
  readonly kind: VolumeTexelKind;
  readonly texture: GPUTexture;
  version = 0;
  readonly #device: GPUDevice;
  readonly #bytesPerTexel: number;

  constructor(device: GPUDevice, atlas: BrickAtlas, format: VolumeTextureFormat) {
    this.#device = device;
    this.atlas = atlas;
    this.dimensions = atlas.dimensions;
    this.kind = format === 'r32float' ? 'float' : format === 'r16sint' ? 'sint' : 'uint';
    this.#bytesPerTexel = BYTES[format];
    const [width, height, depthOrArrayLayers] = atlas.size;
    const bricks = atlas.bricked ? ` (${atlas.layout.bricks.length} bricks in ${atlas.size.join('×')})` : '';
    this.texture = device.createTexture({
      label: `volume ${this.dimensions.join('×')} ${format}${bricks}`,
      size: { width, height, depthOrArrayLayers },
      dimension: '3d',
      format,
      usage: GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST,
    });
  }

  write(firstSlot: number, voxels: ArrayBufferView): void {
    const [nx, ny] = this.dimensions;
    const bytes = this.#bytesPerTexel;
    const slots = voxels.byteLength / (nx * ny * bytes);
    for (const { origin, size, source } of atlasWrites(this.atlas, firstSlot, slots)) {
      this.#device.queue.writeTexture(
        { texture: this.texture, origin: { x: origin[0], y: origin[1], z: origin[2] } },
        voxels as ArrayBufferView<ArrayBuffer>,
        {
          offset: (source[0] + nx * (source[1] + ny * source[2])) * bytes,
          bytesPerRow: nx * bytes,
          rowsPerImage: ny,
        },
        { width: size[0], height: size[1], depthOrArrayLayers: size[2] },
      );
    }
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
