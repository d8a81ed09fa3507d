/**
 * Grouping instances into display sets: per series, non-image objects apart; multi-frame
 * instances without distinct per-frame positions as cines; the remaining frames split by frame of
 * reference, size (rows × columns: mixed sizes never share a set) and orientation, then a group
 * that repeats positions into the phases of a 4D series (see `splitPhases`); each part a volume
 * when its slices are parallel, at distinct positions and with origins on one line (a tilted
 * gantry included), otherwise a stack.
 */
import type { DicomInstance } from '../model/dicom-instance.js';
import { planeNormal } from '../model/image-plane.js';
import type {
  CineDisplaySet,
  DisplaySet,
  FrameRef,
  NonImageDisplaySet,
  StackDisplaySet,
} from './display-set.js';
import { splitPhases } from './split-phases.js';
import { volumeFromFrames } from './volume-geometry.js';

/** Groups instances (from any number of studies and series) into display sets, ordered by study, series number, then type. */
export function groupDisplaySets(instances: readonly DicomInstance[]): DisplaySet[] {
  const bySeries = new Map<string, DicomInstance[]>();
  for (const instance of instances) {
    const key = `${instance.study.studyInstanceUid ?? ''}|${instance.series.seriesInstanceUid ?? ''}`;
    const list = bySeries.get(key);
    if (list) list.push(instance);
    else bySeries.set(key, [instance]);
  }
  const sets: DisplaySet[] = [];
  for (const members of bySeries.values()) sets.push(...seriesDisplaySets(members));
  return sets.sort(
    (a, b) =>
      (a.studyInstanceUid ?? '').localeCompare(b.studyInstanceUid ?? '') ||
      (a.seriesNumber ?? Number.MAX_SAFE_INTEGER) - (b.seriesNumber ?? Number.MAX_SAFE_INTEGER) ||
      a.key.localeCompare(b.key),
  );
}

function seriesDisplaySets(members: DicomInstance[]): DisplaySet[] {
  const first = members[0] as DicomInstance;
  const seriesUid = first.series.seriesInstanceUid ?? first.sopInstanceUid ?? 'unknown';
  const base = (key: string) => ({
    key,
    studyInstanceUid: first.study.studyInstanceUid,
    seriesInstanceUid: first.series.seriesInstanceUid,
    seriesNumber: first.series.seriesNumber,
    modality: first.series.modality,
    seriesDescription: first.series.seriesDescription,
    frameOfReferenceUid: first.series.frameOfReferenceUid,
  });
  const sets: DisplaySet[] = [];
  const nonImage = new Map<string, DicomInstance[]>();
  const frames: FrameRef[] = [];
  for (const instance of sortByInstanceNumber(members)) {
    if (instance.kind !== 'image') {
      nonImage.set(instance.kind, [...(nonImage.get(instance.kind) ?? []), instance]);
    } else if (instance.frames.length > 1 && !hasDistinctFramePositions(instance) && !isFourD(instance)) {
      const cine: CineDisplaySet = {
        ...base(`${seriesUid}/cine/${instance.sopInstanceUid ?? sets.length}`),
        type: 'cine',
        instance,
        frameCount: instance.frames.length,
        frameTimeMs: frameTime(instance),
      };
      sets.push(cine);
    } else {
      for (const frame of instance.frames) frames.push({ instance, frameIndex: frame.index });
    }
  }
  // Frames that can share a volume: same frame of reference, size and orientation.
  const groups = new Map<string, FrameRef[]>();
  for (const ref of frames) {
    const plane = ref.instance.frames[ref.frameIndex]?.plane;
    const orientation = plane?.imageOrientationPatient?.map((value) => value.toFixed(3)).join(',') ?? 'none';
    const key = [
      ref.instance.series.frameOfReferenceUid ?? '',
      ref.instance.pixel?.rows,
      ref.instance.pixel?.columns,
      orientation,
    ].join('|');
    groups.set(key, [...(groups.get(key) ?? []), ref]);
  }
  let index = 0;
  for (const group of groups.values()) {
    const suffix = groups.size > 1 ? `/${index++}` : '';
    const split = splitPhases(group);
    const parts = split ? split.phases : [group];
    parts.forEach((part, p) => {
      const phase = split?.info[p];
      const phaseSuffix = phase ? `/phase-${phase.index + 1}` : '';
      const volume = volumeFromFrames(part);
      if (volume) {
        sets.push({
          ...base(`${seriesUid}/volume${suffix}${phaseSuffix}`),
          ...volume,
          phase,
          type: 'volume',
        });
      } else {
        const stack: StackDisplaySet = {
          ...base(`${seriesUid}/stack${suffix}${phaseSuffix}`),
          type: 'stack',
          frames: part,
        };
        sets.push(stack);
      }
    });
  }
  for (const [kind, instances] of nonImage) {
    const set: NonImageDisplaySet = {
      ...base(`${seriesUid}/${kind}`),
      type: 'non-image',
      kind: kind as NonImageDisplaySet['kind'],
      instances,
    };
    sets.push(set);
  }
  return sets;
}

function sortByInstanceNumber(instances: DicomInstance[]): DicomInstance[] {
  return [...instances].sort(
    (a, b) =>
      (a.instanceNumber ?? Number.MAX_SAFE_INTEGER) - (b.instanceNumber ?? Number.MAX_SAFE_INTEGER) ||
      (a.sopInstanceUid ?? '').localeCompare(b.sopInstanceUid ?? ''),
  );
}

/** True when an instance's frames sit at different positions along its normal (an enhanced volume). */
function hasDistinctFramePositions(instance: DicomInstance): boolean {
  const normal = planeNormal(instance.frames[0]?.plane.imageOrientationPatient);
  if (!normal) return false;
  const distances = new Set<string>();
  for (const frame of instance.frames) {
    const position = frame.plane.imagePositionPatient;
    if (!position) return false;
    distances.add((position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2]).toFixed(3));
  }
  return distances.size === instance.frames.length;
}

/** True when an instance's frames are the phases of a volume: repeated positions told apart, two or more per phase. */
function isFourD(instance: DicomInstance): boolean {
  const split = splitPhases(instance.frames.map((frame) => ({ instance, frameIndex: frame.index })));
  return split?.phases.every((phase) => phase.length >= 2) ?? false;
}

function frameTime(instance: DicomInstance): number | undefined {
  const cine = instance.cine;
  if (!cine) return undefined;
  if (cine.frameTime !== undefined && cine.frameTime > 0) return cine.frameTime;
  const rate = cine.recommendedDisplayFrameRate ?? cine.cineRate;
  return rate && rate > 0 ? 1000 / rate : undefined;
}
