import { transfer } from 'comlink';
import type { BackendInfo } from '../gpu/backend.js';
import type { BackendOptions } from '../gpu/create-backend.js';
import type { SliceImage } from '../image/slice-image.js';
import type { VolumeRenderViewPatch } from '../passes/volume/volume-render-view.js';
import type { FusionLayer, OverlayLayer, PlaneView } from '../view/plane-view.js';
import type { SliceView } from '../view/slice-view.js';
import type { RenderVolumeData, VolumeSlotUpdate } from '../volume/volume-data.js';
import type { RemoteResult } from './remote-result.js';
import { settle } from './remote-result.js';
import { type RenderEventListener, RenderHost } from './render-host.js';

/**
 * The render worker's comlink surface: {@link RenderHost}'s calls, each answering a
 * {@link RemoteResult} so that typed errors survive the trip to the page. Only view state and
 * pixel buffers (transferred) come in; only events and read-back frames go out.
 */
export class RenderWorkerApi {
  readonly #host = new RenderHost();

  init(options: BackendOptions, listener?: RenderEventListener): Promise<RemoteResult<BackendInfo>> {
    return settle(() => this.#host.init(options, listener));
  }

  addViewport(
    id: number,
    canvas: OffscreenCanvas,
    width: number,
    height: number,
  ): Promise<RemoteResult<void>> {
    return settle(() => this.#host.addViewport(id, canvas, width, height));
  }

  setImage(id: number, image: SliceImage): Promise<RemoteResult<void>> {
    return settle(() => this.#host.setImage(id, image));
  }

  setView(id: number, view: Partial<SliceView>): Promise<RemoteResult<void>> {
    return settle(() => this.#host.setView(id, view));
  }

  getView(id: number): Promise<RemoteResult<SliceView>> {
    return settle(() => this.#host.getView(id));
  }

  resize(id: number, width: number, height: number): Promise<RemoteResult<void>> {
    return settle(() => this.#host.resize(id, width, height));
  }

  async readPixels(id: number): Promise<RemoteResult<Uint8Array>> {
    const result = await settle(() => this.#host.readPixels(id));
    return result.ok ? transfer(result, [result.value.buffer]) : result;
  }

  addVolume(id: number, data: RenderVolumeData): Promise<RemoteResult<void>> {
    return settle(() => this.#host.addVolume(id, data));
  }

  updateVolume(id: number, update: VolumeSlotUpdate): Promise<RemoteResult<void>> {
    return settle(() => this.#host.updateVolume(id, update));
  }

  removeVolume(id: number): Promise<RemoteResult<void>> {
    return settle(() => this.#host.removeVolume(id));
  }

  setVolume(id: number, volume: number, view: PlaneView): Promise<RemoteResult<void>> {
    return settle(() => this.#host.setVolume(id, volume, view));
  }

  setVolumeRendering(id: number, volume: number, view: VolumeRenderViewPatch): Promise<RemoteResult<void>> {
    return settle(() => this.#host.setVolumeRendering(id, volume, view));
  }

  setPlane(id: number, patch: Partial<PlaneView>): Promise<RemoteResult<void>> {
    return settle(() => this.#host.setPlane(id, patch));
  }

  setFusion(id: number, fusion: FusionLayer<number> | undefined): Promise<RemoteResult<void>> {
    return settle(() => this.#host.setFusion(id, fusion));
  }

  setOverlays(id: number, overlays: readonly OverlayLayer<number>[]): Promise<RemoteResult<void>> {
    return settle(() => this.#host.setOverlays(id, overlays));
  }

  removeViewport(id: number): Promise<RemoteResult<void>> {
    return settle(() => this.#host.removeViewport(id));
  }

  simulateDeviceLoss(): Promise<RemoteResult<BackendInfo>> {
    return settle(() => this.#host.simulateDeviceLoss());
  }

  dispose(): void {
    this.#host.dispose();
  }
}
