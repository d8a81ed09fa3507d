import { describe, expect, it } from 'vitest';
import { blendOverCpu, greyLayerCpu, labelLayerCpu } from './composite-layer-cpu.js';

describe('CPU layer composite', () => {
  it('blends colour·α + below·(1 − α), rounded, and leaves alpha and undrawn pixels alone', () => {
    const frame = new Uint8Array([100, 100, 100, 255, 7, 8, 9, 255]);
    blendOverCpu(frame, { rgb: new Uint8Array([255, 0, 51, 1, 1, 1]), alpha: new Float32Array([0.5, 0]) });
    expect(Array.from(frame)).toEqual([178, 50, 76, 255, 7, 8, 9, 255]);
  });

  it('makes grey layers from window levels and colour maps, transparent where NaN or below minLevel', () => {
    const layer = greyLayerCpu(new Float32Array([Number.NaN, -10, 5, 1000]), {
      voi: { kind: 'window', center: 5, width: 10 },
      colormap: 'hot-iron',
      opacity: 0.25,
      minLevel: 1,
    });
    expect(Array.from(layer.alpha)).toEqual([0, 0, 0.25, 0.25]);
    // Level 255 of HOT_IRON is white; 5 is level 141 of this window: red, green 2·(141 − 128), no blue.
    expect(Array.from(layer.rgb.subarray(9, 12))).toEqual([255, 255, 255]);
    expect(Array.from(layer.rgb.subarray(6, 9))).toEqual([255, 26, 0]);
  });

  it('colours labels with byte opacities, unlisted and outside labels transparent', () => {
    const layer = labelLayerCpu(new Float32Array([0, 1, 2, Number.NaN, 9]), [
      { label: 1, colour: [10, 20, 30], opacity: 0.5 },
    ]);
    expect(Array.from(layer.rgb.subarray(3, 6))).toEqual([10, 20, 30]);
    expect(Array.from(layer.alpha)).toEqual([0, 128 / 255, 0, 0, 0].map(Math.fround));
  });
});
