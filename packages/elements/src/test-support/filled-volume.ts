import type { DecoderPool } from '@fovea/codecs';
import type { DicomWebClient } from '@fovea/core';
import type { RenderDevice } from '@fovea/render';
import { SeriesVolume } from '../volume-viewport/series-volume.js';
import type { SampleSeries } from './sample-series.js';

/**
 * A stored sample series (see {@link storeSampleSeries}) streamed into a volume on `device`, every
 * slice in: what the volume view tests draw from.
 */
export async function filledVolume(
  client: DicomWebClient,
  sample: SampleSeries,
  pool: DecoderPool,
  device: RenderDevice,
): Promise<SeriesVolume> {
  const series = await SeriesVolume.load({
    client,
    studyUid: sample.studyInstanceUID,
    seriesUid: sample.seriesInstanceUID,
    pool,
    device,
  });
  await series.fill();
  return series;
}
