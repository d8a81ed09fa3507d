import type { DecoderPool } from '@fovea/codecs';
import {
  type DicomWebClient,
  instanceFromDataset,
  retrieveInstanceMetadata,
  searchForInstances,
} from '@fovea/core';
import { fitZoom, renderSliceCpu } from '@fovea/render';
import { defaultVoi, sliceImageFromFrame } from '../viewport/slice-image-from-frame.js';
import { StoredFrameSource } from '../viewport/stored-frame-source.js';

/** The series a thumbnail shows. */
export interface ThumbnailTarget {
  studyInstanceUid: string;
  seriesInstanceUid: string;
}

/**
 * A small picture of a series: its middle image (by Instance Number; the middle frame of a
 * multi-frame instance), decoded in the pool and drawn at its stored window by the CPU renderer,
 * fitted into `size` × `size` pixels. Costs one QIDO search, one instance's metadata and one frame,
 * not the series' metadata; only the `size²` drawing runs on the calling thread. Resolves
 * `undefined` for series without pixels (reports, presentation states).
 */
export async function renderSeriesThumbnail(
  client: DicomWebClient,
  pool: DecoderPool,
  target: ThumbnailTarget,
  size: number,
  signal: AbortSignal,
): Promise<ImageData | undefined> {
  const instances = await searchForInstances(client, target, { signal });
  instances.sort((a, b) => (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0));
  const middle = instances[Math.floor(instances.length / 2)];
  if (!middle) return undefined;
  const dataset = await retrieveInstanceMetadata(
    client,
    { ...target, sopInstanceUid: middle.sopInstanceUid },
    { signal },
  );
  const instance = instanceFromDataset(dataset);
  if (instance.kind !== 'image' || !instance.pixel) return undefined;
  const frameIndex = Math.floor(Math.max(1, instance.frames.length) / 2);
  const stored = await new StoredFrameSource(client).frame({ instance, frameIndex }, signal);
  // Below the viewports' priority: what the reader looks at decodes first.
  const decoded = await pool.decode(stored.bytes, instance.pixel, stored.transferSyntaxUid, {
    signal,
    priority: 0,
  });
  const info = instance.frames[frameIndex];
  const image = sliceImageFromFrame(decoded, instance, info);
  const canvas = [size, size] as const;
  const rgba = renderSliceCpu(
    image,
    { voi: defaultVoi(info), zoom: fitZoom([image.columns, image.rows], canvas) },
    canvas,
  );
  return new ImageData(
    new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.byteLength),
    size,
    size,
  );
}
