import { DecoderPool } from '@fovea/codecs';
import type { DicomWebClient } from '@fovea/core';
import { RenderDevice } from '@fovea/render';
import { SeriesVolume } from './series-volume.js';

/** Where a volume view's volume comes from: one shared with other views, or a series to load. */
export interface VolumeSourceRequest {
  /** A volume shared with other views: used as is, never disposed here. */
  volume: SeriesVolume | undefined;
  client: DicomWebClient | undefined;
  studyUid: string;
  seriesUid: string;
  /** The host's decoder pool; else one is made here. */
  decoderPool: DecoderPool | undefined;
  /** The host's render device; else one is made here. */
  renderDevice: RenderDevice | undefined;
}

/**
 * The volume, render device and decoder pool of a volume view, whether handed in or made by the
 * view itself; what it made itself it also disposes (`releaseSeries()`, `dispose()`).
 */
export class VolumeSource {
  #ownedSeries: SeriesVolume | undefined;
  #ownedDevice: RenderDevice | undefined;
  #ownedPool: DecoderPool | undefined;

  /** Whether `request` names anything to show. */
  static canLoad(request: VolumeSourceRequest): boolean {
    return Boolean(request.volume || (request.client && request.studyUid && request.seriesUid));
  }

  /** The render device to draw with: the host's, or one made here on first use. */
  async device(request: VolumeSourceRequest): Promise<RenderDevice> {
    if (request.renderDevice) return request.renderDevice;
    this.#ownedDevice ??= await RenderDevice.create();
    return this.#ownedDevice;
  }

  /** The shared volume, or the series loaded into a volume of its own on `device`. */
  async series(
    request: VolumeSourceRequest,
    device: RenderDevice,
    signal: AbortSignal,
  ): Promise<SeriesVolume> {
    if (request.volume) return request.volume;
    this.#ownedPool ??= request.decoderPool ? undefined : new DecoderPool();
    const series = await SeriesVolume.load({
      client: request.client as DicomWebClient,
      studyUid: request.studyUid,
      seriesUid: request.seriesUid,
      pool: (request.decoderPool ?? this.#ownedPool) as DecoderPool,
      device,
      signal,
    });
    if (signal.aborted) {
      series.dispose();
      return series;
    }
    this.#ownedSeries = series;
    return series;
  }

  /** Disposes the volume loaded here, if any. */
  releaseSeries(): void {
    this.#ownedSeries?.dispose();
    this.#ownedSeries = undefined;
  }

  /** Disposes everything made here. */
  dispose(): void {
    this.releaseSeries();
    this.#ownedDevice?.dispose();
    this.#ownedDevice = undefined;
    this.#ownedPool?.dispose();
    this.#ownedPool = undefined;
  }
}
