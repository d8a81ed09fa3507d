import {
  type DicomInstance,
  type DicomJsonDataset,
  type DicomWebClient,
  type DisplaySet,
  FoveaError,
  type FrameRef,
  groupDisplaySets,
  instanceFromDataset,
  retrieveSeriesMetadata,
} from '@fovea/core';

/** The frames a viewport pages through, in display order, and the display set they come from. */
export interface SeriesFrames {
  displaySet: Exclude<DisplaySet, { type: 'non-image' }>;
  frames: FrameRef[];
  /** Each instance's metadata as the server sent it, for attributes the model does not carry. */
  datasets: ReadonlyMap<DicomInstance, DicomJsonDataset>;
}

/**
 * Fetches a series' metadata (WADO-RS) and returns its first image display set's frames: a volume's
 * slices along the normal, a stack in instance order, or a cine's frames.
 */
export async function loadSeriesFrames(
  client: DicomWebClient,
  studyInstanceUid: string,
  seriesInstanceUid: string,
  signal: AbortSignal,
): Promise<SeriesFrames> {
  const datasets = await retrieveSeriesMetadata(client, studyInstanceUid, seriesInstanceUid, { signal });
  const byInstance = new Map(datasets.map((dataset) => [instanceFromDataset(dataset), dataset] as const));
  const sets = groupDisplaySets([...byInstance.keys()]);
  for (const set of sets) {
    if (set.type === 'volume') return { displaySet: set, frames: set.slices, datasets: byInstance };
    if (set.type === 'stack') return { displaySet: set, frames: set.frames, datasets: byInstance };
    if (set.type === 'cine') {
      const frames = Array.from({ length: set.frameCount }, (_, frameIndex) => ({
        instance: set.instance,
        frameIndex,
      }));
      return { displaySet: set, frames, datasets: byInstance };
    }
  }
  throw new FoveaError('NO_IMAGES', 'The series has no images to show');
}
