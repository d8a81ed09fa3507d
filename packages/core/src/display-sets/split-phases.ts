import { planeNormal } from '../model/image-plane.js';
import type { FrameRef } from './display-set.js';

/**
 * The attribute that tells the phases of a 4D series apart, tried in this order:
 * `temporalPosition` ((0020,9128) Temporal Position Index, else (0020,0100) Temporal Position
 * Identifier), `triggerTime` ((0018,1060) Trigger Time, else (0020,9153) Nominal Cardiac Trigger
 * Delay Time), `diffusionBValue` ((0018,9087) Diffusion b-value) and `acquisitionNumber`
 * ((0020,0012) Acquisition Number).
 */
export type PhaseAttribute = 'temporalPosition' | 'triggerTime' | 'diffusionBValue' | 'acquisitionNumber';

/** Which phase of a 4D series a volume display set is. */
export interface DisplaySetPhase {
  /** The attribute that separates the phases. */
  attribute: PhaseAttribute;
  /** 0-based phase number, in ascending order of the attribute. */
  index: number;
  /** Phases in the series (in this frame of reference, size and orientation). */
  count: number;
  /**
   * The attribute's smallest value among this phase's frames (units of the attribute: ms for
   * trigger time, s/mm² for b-value). Trigger times may differ slice by slice within one phase.
   */
  value: number;
}

const ATTRIBUTES: readonly PhaseAttribute[] = [
  'temporalPosition',
  'triggerTime',
  'diffusionBValue',
  'acquisitionNumber',
];

/** Frames closer than this along the normal (mm) are at one position: the volume core's rule too. */
const SAME_POSITION_MM = 1e-3;

function attributeOf(ref: FrameRef, attribute: PhaseAttribute): number | undefined {
  if (attribute === 'acquisitionNumber') return ref.instance.acquisitionNumber;
  return ref.instance.frames[ref.frameIndex]?.phase?.[attribute];
}

/**
 * Splits frames of one orientation that repeat positions (a 4D series) into phases, each with one
 * frame per position; `undefined` when no position repeats or no attribute separates them.
 *
 * An attribute separates the phases when it is present on every frame and differs between the
 * frames at each repeated position. Frames are then grouped by its value when that gives exactly
 * as many phases as the most frames found at one position; otherwise (trigger times that differ
 * slice by slice) by rank at each position, when every position has the same number of frames.
 */
export function splitPhases(
  frames: readonly FrameRef[],
): { phases: FrameRef[][]; info: DisplaySetPhase[] } | undefined {
  const atPosition = framesByPosition(frames);
  if (!atPosition) return undefined;
  const perPosition = Math.max(...atPosition.map((group) => group.length));
  if (perPosition < 2) return undefined;
  for (const attribute of ATTRIBUTES) {
    const values = frames.map((ref) => attributeOf(ref, attribute));
    if (values.some((v) => v === undefined || !Number.isFinite(v))) continue;
    const value = (ref: FrameRef) => attributeOf(ref, attribute) as number;
    const separates = atPosition.every((group) => new Set(group.map(value)).size === group.length);
    if (!separates) continue;
    const distinct = [...new Set(values as number[])].sort((a, b) => a - b);
    let phases: FrameRef[][];
    if (distinct.length === perPosition) {
      phases = distinct.map((v) => frames.filter((ref) => value(ref) === v));
    } else if (atPosition.every((group) => group.length === perPosition)) {
      phases = Array.from({ length: perPosition }, () => []);
      for (const group of atPosition) {
        const ranked = [...group].sort((a, b) => value(a) - value(b));
        ranked.forEach((ref, rank) => {
          phases[rank]?.push(ref);
        });
      }
    } else {
      continue;
    }
    return {
      phases,
      info: phases.map((phase, index) => ({
        attribute,
        index,
        count: phases.length,
        value: Math.min(...phase.map(value)),
      })),
    };
  }
  return undefined;
}

/** Frames grouped by their distance along the first frame's normal; `undefined` without geometry. */
function framesByPosition(frames: readonly FrameRef[]): FrameRef[][] | undefined {
  const first = frames[0];
  const normal = planeNormal(first?.instance.frames[first.frameIndex]?.plane.imageOrientationPatient);
  if (!normal) return undefined;
  const placed: { distance: number; ref: FrameRef }[] = [];
  for (const ref of frames) {
    const p = ref.instance.frames[ref.frameIndex]?.plane.imagePositionPatient;
    if (!p) return undefined;
    placed.push({ distance: p[0] * normal[0] + p[1] * normal[1] + p[2] * normal[2], ref });
  }
  placed.sort((a, b) => a.distance - b.distance);
  const groups: FrameRef[][] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const { distance, ref } of placed) {
    if (distance - last < SAME_POSITION_MM) groups.at(-1)?.push(ref);
    else groups.push([ref]);
    last = distance;
  }
  return groups;
}
