import { type SliceImage, validateSliceImage } from '../image/slice-image.js';
import { colormapTable } from '../lut/colormaps.js';
import { flushSubnormal } from '../lut/grey-classifier.js';
import { greyLevelFunction, greyPipeline, minMaxWindow } from '../lut/grey-pipeline.js';
import { DEFAULT_SLICE_VIEW, mergeSliceView, type SliceView } from '../view/slice-view.js';
import { canvasToImage, type Size } from '../view/view-transform.js';

const f32 = Math.fround;

/**
 * The CPU reference renderer: draws a slice exactly as the GPU passes do, in plain TypeScript,
 * and returns RGBA bytes (top row first, `canvas[0] × canvas[1] × 4`). The grey level of a sample
 * comes straight from the double-precision DICOM pipeline (lut/voi.ts: dcmtk's expressions), not
 * from the GPU's thresholds, so comparing the two checks the GPU path. The canvas-to-image map is
 * evaluated with float32 rounding at each step, as the shaders do, and subnormal samples count
 * as 0, as they do on GPUs that flush them. With nearest sampling the
 * output is the reference; with linear sampling the GPU may differ by one level where float32
 * and double interpolation straddle a level boundary.
 *
 * Also usable as a last-resort export path where no GPU exists.
 */
export function renderSliceCpu(image: SliceImage, view: Partial<SliceView>, canvas: Size): Uint8Array {
  validateSliceImage(image);
  const state = mergeSliceView(DEFAULT_SLICE_VIEW, view);
  const [width, height] = canvas;
  const { columns, rows } = image;
  const m = canvasToImage(state, [columns, rows], canvas);
  const [xx, xy, x0, yx, yy, y0] = [m.xx, m.xy, m.x0, m.yx, m.yy, m.y0].map(f32) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const linear = state.interpolation === 'linear';
  const out = new Uint8Array(width * height * 4);
  const samples = image.kind === 'rgb' ? 3 : 1;
  const pixels = image.pixels;
  const at = (x: number, y: number, channel: number) =>
    pixels[(y * columns + x) * samples + channel] as number;

  let shade: (value: number, out: Uint8Array, offset: number) => void;
  let sample: (px: number, py: number, channel: number) => number;
  if (image.kind === 'grey') {
    const voi = state.voi ?? minMaxWindow(image);
    const level = greyLevelFunction(greyPipeline(image, voi, state.invert));
    const colours = colormapTable(state.colormap);
    shade = (value, target, offset) => {
      const k = level(flushSubnormal(value)) * 4;
      target[offset] = colours[k] as number;
      target[offset + 1] = colours[k + 1] as number;
      target[offset + 2] = colours[k + 2] as number;
    };
  } else {
    shade = () => undefined;
  }
  if (linear) {
    sample = (px, py, channel) => {
      const ux = px - 0.5;
      const uy = py - 0.5;
      const bx = Math.floor(ux);
      const by = Math.floor(uy);
      const wx = ux - bx;
      const wy = uy - by;
      const ax = clamp(bx, columns - 1);
      const cx = clamp(bx + 1, columns - 1);
      const ay = clamp(by, rows - 1);
      const cy = clamp(by + 1, rows - 1);
      const top = at(ax, ay, channel) * (1 - wx) + at(cx, ay, channel) * wx;
      const bottom = at(ax, cy, channel) * (1 - wx) + at(cx, cy, channel) * wx;
      return top * (1 - wy) + bottom * wy;
    };
  } else {
    sample = (px, py, channel) => at(Math.floor(px), Math.floor(py), channel);
  }

  for (let j = 0; j < height; j++) {
    const sy = j + 0.5;
    for (let i = 0; i < width; i++) {
      const sx = i + 0.5;
      const offset = (j * width + i) * 4;
      out[offset + 3] = 255;
      const px = f32(f32(f32(xx * sx) + f32(xy * sy)) + x0);
      const py = f32(f32(f32(yx * sx) + f32(yy * sy)) + y0);
      if (!(px >= 0 && py >= 0 && px < columns && py < rows)) continue;
      if (image.kind === 'grey') {
        shade(sample(px, py, 0), out, offset);
      } else {
        for (let c = 0; c < 3; c++) {
          const value = sample(px, py, c);
          out[offset + c] = linear ? Math.floor(value + 0.5) : value;
        }
      }
    }
  }
  return out;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
