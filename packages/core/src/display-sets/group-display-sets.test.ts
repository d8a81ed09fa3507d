import { describe, expect, it } from 'vitest';
import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { instanceFromDataset } from '../model/dicom-instance.js';
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
