import { describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { instanceFromDataset } from '../model/dicom-instance.js';
import { volumeGeometry } from '../volume/volume-geometry.js';
import { groupDisplaySets } from './group-display-sets.js';

const ds = (values: Record<string, [string, unknown[]]>): DicomJsonDataset =>
  Object.fromEntries(Object.entries(values).map(([tag, [vr, Value]]) => [tag, { vr, Value }]));

let counter = 0;
function image(options: {
  series?: string;
  position?: number[];
  orientation?: number[];
  rows?: number;
  number?: number;
  frames?: number;
  sopClass?: string;
  extra?: DicomJsonDataset;
}): DicomJsonDataset {
  counter++;
  const values: Record<string, [string, unknown[]]> = {
    '00080016': ['UI', [options.sopClass ?? '1.2.840.10008.5.1.4.1.1.2']],
    '00080018': ['UI', [`1.2.3.${counter}`]],
    '00080060': ['CS', ['CT']],
    '0020000D': ['UI', ['1.2.3']],
    '0020000E': ['UI', [options.series ?? '1.2.3.1']],
    '00200052': ['UI', ['1.2.3.9']],
    '00200013': ['IS', [options.number ?? counter]],
    '00280010': ['US', [options.rows ?? 4]],
    '00280011': ['US', [4]],
    '00280100': ['US', [16]],
    '00280008': ['IS', [options.frames ?? 1]],
  };
  if (options.position) values['00200032'] = ['DS', options.position];
  if (options.position || options.orientation)
    values['00200037'] = ['DS', options.orientation ?? [1, 0, 0, 0, 1, 0]];
  return { ...ds(values), ...options.extra };
}

describe('groupDisplaySets', () => {
  it('sorts parallel slices into a volume along the normal and flags uneven spacing', () => {
    const slices = [0, 2, 1, 4, 3].map((z, i) =>
      instanceFromDataset(image({ position: [0, 0, z * 2], number: i + 1 })),
    );
    const [volume] = groupDisplaySets(slices);
    expect(volume?.type).toBe('volume');
    if (volume?.type !== 'volume') return;
    expect(volume.slices.map((slice) => slice.distance)).toEqual([0, 2, 4, 6, 8]);
    expect(volume.spacing).toBe(2);
    expect(volume.uniformSpacing).toBe(true);
    const gapped = [0, 1, 2, 4].map((z) =>
      instanceFromDataset(image({ series: '1.2.3.2', position: [0, 0, z] })),
    );
    const [gap] = groupDisplaySets(gapped);
    expect(gap?.type === 'volume' && gap.uniformSpacing).toBe(false);
  });

  it('keeps images without geometry, with repeated positions, or of one slice as stacks in instance order', () => {
    const noGeometry = [3, 1, 2].map((n) => instanceFromDataset(image({ series: '1.2.3.3', number: n })));
    const [stack] = groupDisplaySets(noGeometry);
    expect(stack?.type).toBe('stack');
    expect(stack?.type === 'stack' && stack.frames.map((frame) => frame.instance.instanceNumber)).toEqual([
      1, 2, 3,
    ]);
    const repeated = [0, 0, 1, 1].map((z) =>
      instanceFromDataset(image({ series: '1.2.3.4', position: [0, 0, z] })),
    );
    expect(groupDisplaySets(repeated).map((set) => set.type)).toEqual(['stack']);
  });

  it('splits a series by orientation and size: a localizer apart from the axial volume', () => {
    const axial = [0, 1, 2].map((z) =>
      instanceFromDataset(image({ series: '1.2.3.5', position: [0, 0, z] })),
    );
    const localizer = instanceFromDataset(
      image({ series: '1.2.3.5', position: [0, 0, 0], orientation: [0, 1, 0, 0, 0, -1], rows: 8 }),
    );
    const sets = groupDisplaySets([...axial, localizer]);
    expect(sets.map((set) => set.type).sort()).toEqual(['stack', 'volume']);
    expect(new Set(sets.map((set) => set.key)).size).toBe(2);
  });

  it('makes multi-frame instances cines unless their frames are distinct positions, and keeps non-image objects', () => {
    const cine = instanceFromDataset(
      image({ series: '1.2.3.6', frames: 10, extra: ds({ '00181063': ['DS', [40]] }) }),
    );
    const perFrame = (z: number) => ({
      '00209113': { vr: 'SQ', Value: [ds({ '00200032': ['DS', [0, 0, z]] })] },
    });
    const shared = { '00209116': { vr: 'SQ', Value: [ds({ '00200037': ['DS', [1, 0, 0, 0, 1, 0]] })] } };
    const enhanced = instanceFromDataset(
      image({
        series: '1.2.3.7',
        frames: 3,
        extra: {
          '52009229': { vr: 'SQ', Value: [shared] },
          '52009230': { vr: 'SQ', Value: [perFrame(5), perFrame(1), perFrame(3)] },
        },
      }),
    );
    const sr = instanceFromDataset(
      ds({ '00080016': ['UI', ['1.2.840.10008.5.1.4.1.1.88.33']], '0020000E': ['UI', ['1.2.3.8']] }),
    );
    const seg = instanceFromDataset(image({ series: '1.2.3.9', sopClass: '1.2.840.10008.5.1.4.1.1.66.4' }));
    const sets = groupDisplaySets([cine, enhanced, sr, seg]);
    const byType = Object.fromEntries(
      sets.map((set) => [set.type === 'non-image' ? set.kind : set.type, set]),
    );
    expect(byType.cine?.type === 'cine' && [byType.cine.frameCount, byType.cine.frameTimeMs]).toEqual([
      10, 40,
    ]);
    const volume = byType.volume;
    expect(
      volume?.type === 'volume' && volume.slices.map((slice) => [slice.frameIndex, slice.distance]),
    ).toEqual([
      [1, 1],
      [2, 3],
      [0, 5],
    ]);
    expect(Object.keys(byType).sort()).toEqual(['cine', 'seg', 'sr', 'volume']);
  });
});

describe('groupDisplaySets: 4D series, tilted gantries, mixed sizes', () => {
  const volumes = (sets: ReturnType<typeof groupDisplaySets>) =>
    sets.flatMap((set) => (set.type === 'volume' ? [set] : []));
  /** Slices at `zs` (mm) for each phase, given by its extra attributes; interleaved as scanners send them. */
  function fourD(series: string, zs: number[], phases: ((z: number) => DicomJsonDataset)[]) {
    return zs.flatMap((z) =>
      phases.map((extra) => instanceFromDataset(image({ series, position: [0, 0, z], extra: extra(z) }))),
    );
  }

  it('splits a series by Temporal Position Identifier into one volume per phase', () => {
    const instances = fourD(
      '1.2.4.1',
      [4, 0, 2],
      [1, 2].map((t) => () => ds({ '00200100': ['IS', [t]] })),
    );
    const sets = groupDisplaySets(instances);
    expect(sets.map((set) => [set.key, set.type])).toEqual([
      ['1.2.4.1/volume/phase-1', 'volume'],
      ['1.2.4.1/volume/phase-2', 'volume'],
    ]);
    for (const [index, volume] of volumes(sets).entries()) {
      expect(volume.slices.map((slice) => slice.distance)).toEqual([0, 2, 4]);
      expect(volume.phase).toEqual({ attribute: 'temporalPosition', index, count: 2, value: index + 1 });
      expect(
        volume.slices.every((slice) => slice.instance.frames[0]?.phase.temporalPosition === index + 1),
      ).toBe(true);
    }
  });

  it('gives each phase of a 4D series its own hand-computable voxel grid', () => {
    // Two phases at z = 5, 2.5, 0 (listed top down), 0.7 × 0.6 mm pixels; phase 2 written first.
    const instances = fourD(
      '1.2.4.12',
      [5, 2.5, 0],
      [2, 1].map((t) => () => ds({ '00200100': ['IS', [t]], '00280030': ['DS', [0.6, 0.7]] })),
    );
    for (const [index, volume] of volumes(groupDisplaySets(instances)).entries()) {
      const g = volumeGeometry(volume);
      expect(volume.phase?.value).toBe(index + 1);
      expect(g.dimensions).toEqual([4, 4, 3]);
      expect(g.origin).toEqual([0, 0, 0]);
      expect(g.spacing).toEqual([0.7, 0.6, 2.5]);
      expect(g.spacingKind).toBe('uniform');
      expect(g.slotOfSlice).toEqual([0, 1, 2]);
      expect(volume.slices.map((slice) => slice.instance.frames[0]?.phase.temporalPosition)).toEqual([
        index + 1,
        index + 1,
        index + 1,
      ]);
    }
  });

  it('splits cardiac phases by Trigger Time ranked per position when times differ slice by slice', () => {
    // Phase 1 at 0, 12, 24 ms and phase 2 at 400, 412, 424 ms (later slices triggered later).
    const instances = fourD(
      '1.2.4.2',
      [0, 5, 10],
      [0, 400].map((t) => (z: number) => ds({ '00181060': ['DS', [t + (z * 12) / 5]] })),
    );
    const [early, late] = volumes(groupDisplaySets(instances));
    expect(early?.phase).toEqual({ attribute: 'triggerTime', index: 0, count: 2, value: 0 });
    expect(late?.phase).toEqual({ attribute: 'triggerTime', index: 1, count: 2, value: 400 });
    expect(early?.slices.map((slice) => slice.instance.frames[0]?.phase.triggerTime)).toEqual([0, 12, 24]);
    expect(late?.slices.map((slice) => slice.instance.frames[0]?.phase.triggerTime)).toEqual([400, 412, 424]);
  });

  it('splits diffusion by b-value, and by Acquisition Number when nothing else differs', () => {
    const diffusion = fourD(
      '1.2.4.3',
      [0, 1, 2],
      [0, 1000].map((b) => () => ds({ '00189087': ['FD', [b]] })),
    );
    expect(
      volumes(groupDisplaySets(diffusion)).map((v) => [v.phase?.attribute, v.phase?.value, v.slices.length]),
    ).toEqual([
      ['diffusionBValue', 0, 3],
      ['diffusionBValue', 1000, 3],
    ]);
    const repeats = fourD(
      '1.2.4.4',
      [0, 1, 2],
      [7, 3].map((n) => () => ds({ '00200012': ['IS', [n]] })),
    );
    expect(volumes(groupDisplaySets(repeats)).map((v) => [v.phase?.attribute, v.phase?.value])).toEqual([
      ['acquisitionNumber', 3],
      ['acquisitionNumber', 7],
    ]);
  });

  it('keeps repeated positions a stack when no attribute tells them apart', () => {
    // Both frames at each position share the b-value (two gradient directions): not separable.
    const same = fourD(
      '1.2.4.5',
      [0, 1],
      [0, 0].map(() => () => ds({ '00189087': ['FD', [1000]] })),
    );
    expect(groupDisplaySets(same).map((set) => set.type)).toEqual(['stack']);
  });

  it('splits an enhanced multi-frame by per-frame Temporal Position Index instead of calling it a cine', () => {
    const frame = (z: number, t: number) => ({
      '00209113': { vr: 'SQ', Value: [ds({ '00200032': ['DS', [0, 0, z]] })] },
      '00209111': { vr: 'SQ', Value: [ds({ '00209128': ['UL', [t]] })] },
    });
    const shared = { '00209116': { vr: 'SQ', Value: [ds({ '00200037': ['DS', [1, 0, 0, 0, 1, 0]] })] } };
    const enhanced = instanceFromDataset(
      image({
        series: '1.2.4.6',
        frames: 4,
        extra: {
          '52009229': { vr: 'SQ', Value: [shared] },
          '52009230': { vr: 'SQ', Value: [frame(3, 1), frame(3, 2), frame(0, 1), frame(0, 2)] },
        },
      }),
    );
    const sets = groupDisplaySets([enhanced]);
    expect(sets.map((set) => set.type)).toEqual(['volume', 'volume']);
    expect(volumes(sets).map((v) => v.slices.map((slice) => [slice.frameIndex, slice.distance]))).toEqual([
      [
        [2, 0],
        [0, 3],
      ],
      [
        [3, 0],
        [1, 3],
      ],
    ]);
  });

  it('accepts a tilted gantry (origins on a line leaning 20° from the normal) as a volume', () => {
    const c = Math.cos((20 * Math.PI) / 180);
    const s = Math.sin((20 * Math.PI) / 180);
    // Image planes tilted 20° about x, the table stepping 3 mm along z: normal (0, −sin, cos).
    const tilted = [0, 1, 2, 3].map((k) =>
      instanceFromDataset(
        image({ series: '1.2.4.7', position: [0, 0, 3 * k], orientation: [1, 0, 0, 0, c, s] }),
      ),
    );
    const [volume] = groupDisplaySets(tilted);
    expect(volume?.type).toBe('volume');
    if (volume?.type !== 'volume') return;
    expect(volume.tiltAngle).toBeCloseTo(20, 9);
    expect(volume.spacing).toBeCloseTo(3 * c, 9);
    expect(volume.normal.map((v) => Number(v.toFixed(12)))).toEqual([
      0,
      Number((-s).toFixed(12)),
      Number(c.toFixed(12)),
    ]);
    // The same planes with one origin shifted 2 mm sideways lie on no line: a stack.
    const shifted = [0, 1, 2, 3].map((k) =>
      instanceFromDataset(
        image({ series: '1.2.4.8', position: [k === 2 ? 2 : 0, 0, 3 * k], orientation: [1, 0, 0, 0, c, s] }),
      ),
    );
    expect(groupDisplaySets(shifted).map((set) => set.type)).toEqual(['stack']);
    // Plain axial slices have no tilt.
    const plain = groupDisplaySets(
      [0, 1, 2].map((z) => instanceFromDataset(image({ series: '1.2.4.9', position: [5, 5, z] }))),
    );
    expect(plain[0]?.type === 'volume' && plain[0].tiltAngle).toBe(0);
  });

  it('splits slices of mixed sizes at the same positions into one volume per size, in instance order', () => {
    const small = [0, 1, 2].map((z) =>
      instanceFromDataset(image({ series: '1.2.4.10', position: [0, 0, z], rows: 4 })),
    );
    const large = [0, 1, 2].map((z) =>
      instanceFromDataset(image({ series: '1.2.4.10', position: [0, 0, z], rows: 8 })),
    );
    const sets = volumes(groupDisplaySets([...large, ...small]));
    expect(sets.map((set) => [set.key, set.rows, set.slices.length]).sort()).toEqual([
      ['1.2.4.10/volume/0', 4, 3],
      ['1.2.4.10/volume/1', 8, 3],
    ]);
  });

  it('keeps irregular spacing a volume and reports it', () => {
    const slices = [0, 1, 2.5, 3].map((z) =>
      instanceFromDataset(image({ series: '1.2.4.11', position: [0, 0, z] })),
    );
    const [volume] = groupDisplaySets(slices);
    expect(volume?.type === 'volume' && [volume.uniformSpacing, volume.spacing]).toEqual([false, 1]);
  });
});
