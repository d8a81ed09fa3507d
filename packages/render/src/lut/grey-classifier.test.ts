import { describe, expect, it } from 'vitest';
import { random } from '../test-support/test-images.js';
import { classify, FLOAT32_MAX, float32Keys, flushSubnormal, greyClassifier } from './grey-classifier.js';
import { type GreyPipeline, greyLevelFunction } from './grey-pipeline.js';
import type { VoiTransform } from './voi.js';

/** Integer samples that are not stored values (linear interpolation) go through thresholds. */
const int16Linear = { pixels: new Int16Array(1), interpolation: 'linear' as const };
const uint16Linear = { pixels: new Uint16Array(1), interpolation: 'linear' as const };
const float32 = { pixels: new Float32Array(1), interpolation: 'nearest' as const };
const int16Table = {
  pixels: new Int16Array(1),
  range: [-32768, 32767] as const,
  interpolation: 'nearest' as const,
};

const PIPELINES: GreyPipeline[] = [
  ...[
    [40, 400],
    [40, 256],
    [0.5, 1],
    [-32768, 1],
    [65535, 1],
    [1000.3, 511.7],
    [0, 131072],
  ].flatMap(([center, width]) =>
    [false, true].map((inverse) => ({
      modality: undefined,
      voi: { kind: 'window', center, width } as VoiTransform,
      inverse,
    })),
  ),
  {
    modality: { kind: 'rescale', slope: 1, intercept: -1024 },
    voi: { kind: 'window', center: 40, width: 80 },
    inverse: false,
  },
  {
    modality: { kind: 'rescale', slope: 0.37, intercept: 1e6 },
    voi: { kind: 'window', center: 1e6, width: 3000 },
    inverse: true,
  },
  {
    modality: { kind: 'rescale', slope: -3, intercept: 7 },
    voi: { kind: 'window', center: 0, width: 5000 },
    inverse: false,
  },
  {
    modality: { kind: 'rescale', slope: 0, intercept: 7 },
    voi: { kind: 'window', center: 0, width: 5000 },
    inverse: false,
  },
  {
    modality: undefined,
    voi: { kind: 'window', center: 12, width: 300, function: 'LINEAR_EXACT' },
    inverse: true,
  },
  {
    modality: undefined,
    voi: { kind: 'window', center: 12, width: 300, function: 'SIGMOID' },
    inverse: false,
  },
  {
    modality: undefined,
    voi: { kind: 'window', center: -7, width: 0.01, function: 'SIGMOID' },
    inverse: true,
  },
];

describe('greyClassifier thresholds', () => {
  it('give the reference level for every int16 and uint16 value', () => {
    for (const pipeline of PIPELINES) {
      const level = greyLevelFunction(pipeline);
      const classifier = greyClassifier(pipeline, int16Linear);
      expect(classifier.mode).toBe('thresholds');
      let wrong = 0;
      for (let x = -32768; x <= 65535; x++) if (classify(classifier, x) !== level(x)) wrong++;
      expect(wrong, JSON.stringify(pipeline)).toBe(0);
    }
  });

  it('give the reference level for float32 values of every magnitude, and the extremes', () => {
    const next = random(31);
    const values = [FLOAT32_MAX, -FLOAT32_MAX, 0, -0, 1e-40, -1e-40, 1.1754943508222875e-38];
    for (let i = 0; i < 20000; i++) {
      values.push(Math.fround((next() * 2 - 1) * 10 ** (next() * 12 - 4)));
      values.push(Math.fround(Math.round((next() * 2 - 1) * 70000) + (next() < 0.5 ? 0.5 : 0)));
    }
    for (const pipeline of PIPELINES) {
      const level = greyLevelFunction(pipeline);
      const classifier = greyClassifier(pipeline, float32);
      const wrong = values.filter((x) => classify(classifier, x) !== level(flushSubnormal(x)));
      expect(wrong, JSON.stringify(pipeline)).toEqual([]);
    }
  });

  it('are float32, sorted, and never subnormal', () => {
    for (const pipeline of PIPELINES) {
      const classifier = greyClassifier(pipeline, uint16Linear);
      if (classifier.mode !== 'thresholds') throw new Error('expected thresholds');
      const t = Array.from(classifier.thresholds);
      expect(t.slice(1)).toEqual([...t.slice(1)].sort((a, b) => a - b));
      expect(t.every((value) => value === 0 || Math.abs(value) >= 1.1754943508222875e-38)).toBe(true);
    }
  });

  it('run in the direction of the level: −1 for an inverse window or a negative slope', () => {
    const [normal, inverse, negative] = [PIPELINES[0], PIPELINES[1], PIPELINES[16]].map((pipeline) =>
      greyClassifier(pipeline as GreyPipeline, int16Linear),
    );
    expect([normal, inverse, negative].map((c) => (c?.mode === 'thresholds' ? c.direction : 0))).toEqual([
      1, -1, -1,
    ]);
  });
});

describe('greyClassifier table', () => {
  it('holds the reference level of every stored value when a LUT sequence is involved', () => {
    const data = Uint16Array.from({ length: 300 }, (_, i) => (i * 7919) % 4096);
    const pipelines: GreyPipeline[] = [
      {
        modality: { kind: 'lut', firstValueMapped: -100, data },
        voi: { kind: 'window', center: 2048, width: 4096 },
        inverse: false,
      },
      {
        modality: undefined,
        voi: { kind: 'lut', firstValueMapped: 10, bitsPerEntry: 12, data },
        inverse: true,
      },
    ];
    for (const pipeline of pipelines) {
      const level = greyLevelFunction(pipeline);
      const classifier = greyClassifier(pipeline, int16Table);
      expect(classifier.mode).toBe('table');
      if (classifier.mode !== 'table') return;
      expect(classifier.base).toBe(-32768);
      expect(classifier.table).toHaveLength(65536);
      let wrong = 0;
      for (let x = -32768; x <= 32767; x++) if (classify(classifier, x) !== level(x)) wrong++;
      expect(wrong).toBe(0);
    }
  });

  it('is used for integer pixels sampled nearest, over the range of the image', () => {
    const pipeline: GreyPipeline = {
      modality: undefined,
      voi: { kind: 'window', center: 40, width: 256 },
      inverse: false,
    };
    const pixels = Int16Array.from([-100, 7, 300]);
    const classifier = greyClassifier(pipeline, { pixels, interpolation: 'nearest' });
    expect(classifier.mode === 'table' && [classifier.base, classifier.table.length]).toEqual([-100, 401]);
    const level = greyLevelFunction(pipeline);
    for (let x = -100; x <= 300; x++) expect(classify(classifier, x)).toBe(level(x));
  });

  it('covers the uint8 domain with 256 entries', () => {
    const pipeline: GreyPipeline = {
      modality: undefined,
      voi: {
        kind: 'lut',
        firstValueMapped: 0,
        bitsPerEntry: 8,
        data: Uint16Array.from({ length: 256 }, (_, i) => 255 - i),
      },
      inverse: false,
    };
    const classifier = greyClassifier(pipeline, {
      pixels: Uint8Array.from([0, 255]),
      interpolation: 'linear',
    });
    expect(classifier.mode === 'table' && [classifier.base, classifier.table.length]).toEqual([0, 256]);
  });

  it('refuses float pixels with RENDER_UNSUPPORTED', () => {
    const pipeline: GreyPipeline = {
      modality: undefined,
      voi: { kind: 'lut', firstValueMapped: 0, bitsPerEntry: 8, data: new Uint16Array(4) },
      inverse: false,
    };
    expect(() => greyClassifier(pipeline, float32)).toThrow(
      expect.objectContaining({
        code: 'RENDER_UNSUPPORTED',
        message: expect.stringMatching(/integer stored values/),
      }),
    );
  });
});

describe('float32Keys', () => {
  it('orders keys as the floats they encode, and round-trips', () => {
    const { toKey, fromKey } = float32Keys();
    const floats = [-FLOAT32_MAX, -1, -1e-40, -0, 0, 1e-40, 1, FLOAT32_MAX].map(Math.fround);
    const keys = floats.map(toKey);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.map(fromKey)).toEqual(floats);
  });
});
