import { planeNormal } from '../model/image-plane.js';
import type { FrameRef, SliceRef, VolumeDisplaySet } from './display-set.js';

/** How far (mm) two slice positions may differ in-plane and still count as one stack of slices. */
const IN_PLANE_TOLERANCE_MM = 0.01;

/**
 * Orders frames into a volume along their common normal, or `undefined` when they do not form
 * one: fewer than two frames, missing geometry, non-parallel slices, repeated positions (several
 * acquisitions or time points in one series), or slices offset within their plane.
 */
export function volumeFromFrames(
  frames: readonly FrameRef[],
):
  | Omit<
      VolumeDisplaySet,
      | 'type'
      | 'key'
      | 'studyInstanceUid'
      | 'seriesInstanceUid'
      | 'seriesNumber'
      | 'modality'
      | 'seriesDescription'
      | 'frameOfReferenceUid'
    >
  | undefined {
  if (frames.length < 2) return undefined;
  const first = frames[0] as FrameRef;
  const firstPlane = first.instance.frames[first.frameIndex]?.plane;
  const orientation = firstPlane?.imageOrientationPatient;
  const normal = planeNormal(orientation);
  const pixel = first.instance.pixel;
  if (!orientation || !normal || !pixel) return undefined;
  const slices: SliceRef[] = [];
  for (const ref of frames) {
    const position = ref.instance.frames[ref.frameIndex]?.plane.imagePositionPatient;
    if (!position) return undefined;
    slices.push({
      ...ref,
      distance: position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2],
    });
  }
  slices.sort((a, b) => a.distance - b.distance);
  const gaps: number[] = [];
  for (let i = 1; i < slices.length; i++) {
    const previous = slices[i - 1] as SliceRef;
    const current = slices[i] as SliceRef;
    const gap = current.distance - previous.distance;
    if (gap < 1e-3) return undefined;
    if (inPlaneOffset(previous, current, normal) > IN_PLANE_TOLERANCE_MM + gap * 1e-3) return undefined;
    gaps.push(gap);
  }
  const sorted = [...gaps].sort((a, b) => a - b);
  const spacing = sorted[Math.floor(sorted.length / 2)] as number;
  return {
    slices,
    normal,
    orientation,
    rows: pixel.rows,
    columns: pixel.columns,
    spacing,
    uniformSpacing: gaps.every((gap) => Math.abs(gap - spacing) <= spacing * 0.01),
  };
}

/** Distance between two slice origins measured within the slice plane, mm. */
function inPlaneOffset(a: SliceRef, b: SliceRef, normal: [number, number, number]): number {
  const pa = a.instance.frames[a.frameIndex]?.plane.imagePositionPatient as [number, number, number];
  const pb = b.instance.frames[b.frameIndex]?.plane.imagePositionPatient as [number, number, number];
  const d = [pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]] as const;
  const along = d[0] * normal[0] + d[1] * normal[1] + d[2] * normal[2];
  return Math.hypot(d[0] - along * normal[0], d[1] - along * normal[1], d[2] - along * normal[2]);
}
