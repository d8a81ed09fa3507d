import { planeNormal, type Vec3 } from '../model/image-plane.js';
import type { FrameRef, SliceRef, VolumeDisplaySet } from './display-set.js';

/** How far (mm) a slice origin may lie off the line through the others and still count as one stack. */
const IN_PLANE_TOLERANCE_MM = 0.01;

/**
 * Orders frames into a volume along their common normal, or `undefined` when they do not form
 * one: fewer than two frames, missing geometry, non-parallel slices, repeated positions (several
 * acquisitions or time points in one series), or slice origins not on one line. Origins on a line
 * that leans from the normal (a tilted gantry) make a volume with its `tiltAngle`.
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
    const gap = (slices[i] as SliceRef).distance - (slices[i - 1] as SliceRef).distance;
    if (gap < 1e-3) return undefined;
    gaps.push(gap);
  }
  const tiltAngle = stackTilt(slices, normal);
  if (tiltAngle === undefined) return undefined;
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
    tiltAngle,
    phase: undefined,
  };
}

function originOf(slice: SliceRef): Vec3 {
  return slice.instance.frames[slice.frameIndex]?.plane.imagePositionPatient as Vec3;
}

/**
 * The angle (degrees) between the line through the slice origins and the normal: 0 for a plain
 * stack, the gantry tilt for a sheared one; `undefined` when the origins do not lie on one line
 * (slices shifted within their plane, which no voxel grid describes). Slices sorted by distance.
 */
function stackTilt(slices: readonly SliceRef[], normal: Vec3): number | undefined {
  const first = slices[0] as SliceRef;
  const last = slices.at(-1) as SliceRef;
  const o = originOf(first);
  const extent = last.distance - first.distance;
  const end = originOf(last);
  // Slice origin to slice origin per mm along the normal.
  const axis = [0, 1, 2].map((k) => ((end[k] as number) - (o[k] as number)) / extent) as Vec3;
  for (const slice of slices) {
    const p = originOf(slice);
    const t = slice.distance - first.distance;
    const off = Math.hypot(
      ...[0, 1, 2].map((k) => (p[k] as number) - (o[k] as number) - t * (axis[k] as number)),
    );
    if (off > IN_PLANE_TOLERANCE_MM + extent * 1e-4) return undefined;
  }
  const lean = Math.hypot(...[0, 1, 2].map((k) => (axis[k] as number) - (normal[k] as number))) * extent;
  if (lean <= IN_PLANE_TOLERANCE_MM) return 0;
  const cosine = (axis[0] * normal[0] + axis[1] * normal[1] + axis[2] * normal[2]) / Math.hypot(...axis);
  return (Math.acos(Math.min(1, cosine)) * 180) / Math.PI;
}
