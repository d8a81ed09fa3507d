import { type ColormapName, colormapTable } from '../lut/colormaps.js';
import { flushSubnormal } from '../lut/grey-classifier.js';
import { greyLevelFunction } from '../lut/grey-pipeline.js';
import type { VoiTransform } from '../lut/voi.js';
import { type LabelStyle, labelTable } from '../view/plane-view.js';

/** A layer as the CPU reference sees it: per pixel an RGB colour and an opacity (0: nothing drawn). */
export interface LayerPixels {
  rgb: Uint8Array;
  alpha: Float32Array;
}

/**
 * A grey layer (fusion, heatmap) from sampled values (modality units; NaN where no sample lay
 * inside the volume): the double-precision level of the window, its colour, and `opacity`;
 * levels below `minLevel` draw nothing.
 */
export function greyLayerCpu(
  values: Float32Array,
  layer: { voi: VoiTransform; colormap: ColormapName; opacity: number; minLevel: number },
): LayerPixels {
  const level = greyLevelFunction({ modality: undefined, voi: layer.voi, inverse: false });
  const colours = colormapTable(layer.colormap);
  const rgb = new Uint8Array(values.length * 3);
  const alpha = new Float32Array(values.length);
  values.forEach((value, i) => {
    if (Number.isNaN(value)) return;
    const k = level(flushSubnormal(value));
    if (k < layer.minLevel) return;
    rgb.set(colours.subarray(k * 4, k * 4 + 3), i * 3);
    alpha[i] = layer.opacity;
  });
  return { rgb, alpha };
}

/**
 * A label map layer from nearest-sampled labels (NaN where outside): each label's colour and its
 * opacity as the GPU stores it (a byte: round(opacity · 255) / 255).
 */
export function labelLayerCpu(values: Float32Array, labels: readonly LabelStyle[]): LayerPixels {
  const table = labelTable(labels);
  const size = table.length / 4;
  const rgb = new Uint8Array(values.length * 3);
  const alpha = new Float32Array(values.length);
  values.forEach((value, i) => {
    if (Number.isNaN(value)) return;
    const k = Math.min(Math.max(Math.trunc(value), 0), size - 1) * 4;
    rgb.set(table.subarray(k, k + 3), i * 3);
    alpha[i] = (table[k + 3] as number) / 255;
  });
  return { rgb, alpha };
}

/**
 * Blends a layer over an RGBA frame (in place and returned) as the GPU's blending does:
 * `colour·α + below·(1 − α)`, rounded to a byte; alpha stays. GPUs may round the blend
 * differently by one level.
 */
export function blendOverCpu(frame: Uint8Array, layer: LayerPixels): Uint8Array {
  layer.alpha.forEach((a, i) => {
    if (a === 0) return;
    for (let c = 0; c < 3; c++) {
      const below = frame[i * 4 + c] as number;
      frame[i * 4 + c] = Math.round((layer.rgb[i * 3 + c] as number) * a + below * (1 - a));
    }
  });
  return frame;
}
