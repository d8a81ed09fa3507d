import type { SliceImage } from '@fovea/render';
import { describe, expect, it } from 'vitest';
import { imagePixelAt, probeReadout, probeText, readPixel } from './pixel-probe.js';
import { PLAIN_VALUES } from './value-units.js';
import { FITTED_VIEW, flipOnScreen, rotateBy, type ViewGeometry } from './view-geometry.js';

const t = (key: string, values: Record<string, string>) =>
  key === 'probeRgb' ? `R ${values.r} G ${values.g} B ${values.b}` : `${values.value} ${values.unit}`;

/** A 4 × 2 image in a 400 × 200 viewport: fitted at 100 CSS pixels per image pixel. */
const IMAGE: readonly [number, number] = [4, 2];
const CSS: readonly [number, number] = [400, 200];

describe('imagePixelAt', () => {
  it('maps the fitted image one image pixel per 100 CSS pixels', () => {
    expect(imagePixelAt(FITTED_VIEW, IMAGE, CSS, [50, 50])).toEqual({ column: 0, row: 0 });
    expect(imagePixelAt(FITTED_VIEW, IMAGE, CSS, [399.5, 199.5])).toEqual({ column: 3, row: 1 });
    expect(imagePixelAt(FITTED_VIEW, IMAGE, CSS, [150, 100])).toEqual({ column: 1, row: 1 });
  });

  it('follows zoom and pan', () => {
    // Twice as large, moved 100 px right: 200 CSS px per pixel, the image centre at (300, 100).
    const view: ViewGeometry = { ...FITTED_VIEW, scale: 2, pan: [100, 0] };
    expect(imagePixelAt(view, IMAGE, CSS, [300, 100])).toEqual({ column: 2, row: 1 });
    expect(imagePixelAt(view, IMAGE, CSS, [99, 99])).toEqual({ column: 0, row: 0 });
    // Moved 500 px right: the image's left edge at x = 300.
    const far: ViewGeometry = { ...view, pan: [500, 0] };
    expect(imagePixelAt(far, IMAGE, CSS, [301, 100])).toEqual({ column: 0, row: 1 });
    expect(imagePixelAt(far, IMAGE, CSS, [299, 100])).toBeUndefined();
  });

  it('follows flips and quarter turns', () => {
    expect(imagePixelAt(flipOnScreen(FITTED_VIEW, 'horizontal'), IMAGE, CSS, [50, 50])).toEqual({
      column: 3,
      row: 0,
    });
    // A clockwise quarter turn in a 400 × 400 viewport: the 2 × 4 turned image fills x 100–300;
    // the image's top-left pixel is now at the top right, its bottom-left at the top left.
    const turned = rotateBy(FITTED_VIEW, 90);
    expect(imagePixelAt(turned, IMAGE, [400, 400], [290, 10])).toEqual({ column: 0, row: 0 });
    expect(imagePixelAt(turned, IMAGE, [400, 400], [110, 10])).toEqual({ column: 0, row: 1 });
    expect(imagePixelAt(turned, IMAGE, [400, 400], [110, 390])).toEqual({ column: 3, row: 1 });
    expect(imagePixelAt(turned, IMAGE, [400, 400], [50, 200])).toBeUndefined();
  });

  it('finds nothing outside the image or before the viewport has a size', () => {
    expect(imagePixelAt(FITTED_VIEW, IMAGE, [400, 400], [200, 50])).toBeUndefined();
    expect(imagePixelAt(FITTED_VIEW, IMAGE, [0, 0], [0, 0])).toBeUndefined();
  });
});

describe('readPixel', () => {
  const grey = (modality?: Extract<SliceImage, { kind: 'grey' }>['modality']): SliceImage => ({
    kind: 'grey',
    columns: 2,
    rows: 2,
    pixels: Int16Array.from([0, 1154, -2000, 7]),
    photometricInterpretation: 'MONOCHROME2',
    ...(modality ? { modality } : {}),
  });

  it('applies rescale slope and intercept to the stored value', () => {
    expect(readPixel(grey({ kind: 'rescale', slope: 1, intercept: -1024 }), { column: 1, row: 0 })).toEqual({
      kind: 'value',
      value: 130,
    });
    expect(readPixel(grey(), { column: 0, row: 1 })).toEqual({ kind: 'value', value: -2000 });
  });

  it('looks a stored value up in a Modality LUT, clamping to its first and last entries', () => {
    const lut = { kind: 'lut' as const, firstValueMapped: 5, data: Uint16Array.from([100, 200, 300]) };
    expect(readPixel(grey(lut), { column: 1, row: 1 })).toEqual({ kind: 'value', value: 300 });
    expect(readPixel(grey(lut), { column: 0, row: 0 })).toEqual({ kind: 'value', value: 100 });
  });

  it('reads R, G and B of a colour pixel', () => {
    const rgb: SliceImage = {
      kind: 'rgb',
      columns: 2,
      rows: 1,
      pixels: Uint8Array.from([1, 2, 3, 40, 50, 60]),
    };
    expect(readPixel(rgb, { column: 1, row: 0 })).toEqual({ kind: 'rgb', rgb: [40, 50, 60] });
  });
});

describe('probeText and probeReadout', () => {
  it('names the unit, scales SUV, and leaves unitless values bare', () => {
    expect(probeText({ kind: 'value', value: 130 }, { ...PLAIN_VALUES, unit: 'HU' }, t)).toBe('130 HU');
    const suv = { unit: 'SUVbw', scale: 1 / 1000, digits: 2, fixed: true };
    expect(probeText({ kind: 'value', value: 8004 }, suv, t)).toBe('8.00 SUVbw');
    expect(probeText({ kind: 'value', value: 12.25 }, PLAIN_VALUES, t)).toBe('12.3');
    expect(probeText({ kind: 'rgb', rgb: [1, 2, 3] }, PLAIN_VALUES, t)).toBe('R 1 G 2 B 3');
  });

  it('reads under a point given from the centre and stands at the pointer', () => {
    const image: SliceImage = {
      kind: 'grey',
      columns: 4,
      rows: 2,
      pixels: Uint16Array.from([0, 1, 2, 3, 4, 5, 6, 7]),
      photometricInterpretation: 'MONOCHROME2',
    };
    expect(probeReadout(image, FITTED_VIEW, CSS, [-50, 50], PLAIN_VALUES, t)).toEqual({
      text: '5',
      x: 150,
      y: 150,
    });
    expect(probeReadout(image, FITTED_VIEW, [400, 400], [0, -150], PLAIN_VALUES, t)).toBeUndefined();
  });
});
