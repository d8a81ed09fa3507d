import type { DicomInstance } from '../model/dicom-instance.js';
import type { Vec3 } from '../model/image-plane.js';
import type { InstanceKind } from '../model/sop-class.js';
import type { DisplaySetPhase } from './split-phases.js';

/** One frame of one instance: the unit a viewport shows. */
export interface FrameRef {
  instance: DicomInstance;
  /** 0-based frame index within the instance. */
  frameIndex: number;
}

/** A frame placed in a volume: its signed distance along the volume normal, mm. */
export interface SliceRef extends FrameRef {
  /** Image Position (Patient) · normal, mm; slices are sorted by it, ascending. */
  distance: number;
}

/** What every display set carries: where it comes from, for ordering and fusion. */
export interface DisplaySetBase {
  /** Stable key: series UID plus a suffix when a series yields several sets. */
  key: string;
  studyInstanceUid: string | undefined;
  seriesInstanceUid: string | undefined;
  /** (0020,0011) of the series, for ordering. */
  seriesNumber: number | undefined;
  modality: string | undefined;
  seriesDescription: string | undefined;
  /** (0020,0052): sets sharing it share patient space (fusion, reference lines). */
  frameOfReferenceUid: string | undefined;
}

/**
 * Parallel slices of one size and orientation in one frame of reference, sorted by position
 * along the normal: ready for volume assembly, MPR and 3D.
 */
export interface VolumeDisplaySet extends DisplaySetBase {
  type: 'volume';
  slices: SliceRef[];
  /** Unit normal (row direction × column direction), LPS. */
  normal: Vec3;
  /** Row then column direction cosines shared by every slice. */
  orientation: [number, number, number, number, number, number];
  rows: number;
  columns: number;
  /** Median distance between neighbouring slices, mm. */
  spacing: number;
  /** False when some gap differs from `spacing` by more than 1 % (missing slices, variable spacing). */
  uniformSpacing: boolean;
  /**
   * Angle between the line through the slice origins and the normal, degrees: the gantry tilt of
   * a sheared stack, 0 for a plain one. The volume core builds a sheared voxel grid for it.
   */
  tiltAngle: number;
  /** Which phase of a 4D series this volume is (split by time, trigger, b-value or acquisition); `undefined` for 3D. */
  phase: DisplaySetPhase | undefined;
}

/** Images shown one after another that do not form a volume (no geometry, mixed sizes, one slice, projections). */
export interface StackDisplaySet extends DisplaySetBase {
  type: 'stack';
  /** In (0020,0013) Instance Number order, then frame order. */
  frames: FrameRef[];
}

/** A multi-frame instance played over time (ultrasound, XA, cardiac cine). */
export interface CineDisplaySet extends DisplaySetBase {
  type: 'cine';
  instance: DicomInstance;
  frameCount: number;
  /** ms between frames: (0018,1063) Frame Time, else 1000 / frame rate; `undefined` if unknown. */
  frameTimeMs: number | undefined;
}

/** Objects without pixels to show directly (SR, SEG, PR, KO, others), kept for later use. */
export interface NonImageDisplaySet extends DisplaySetBase {
  type: 'non-image';
  kind: Exclude<InstanceKind, 'image'>;
  instances: DicomInstance[];
}

/** What a viewer shows as one item: a volume, a stack, a cine, or non-image objects. */
export type DisplaySet = VolumeDisplaySet | StackDisplaySet | CineDisplaySet | NonImageDisplaySet;
