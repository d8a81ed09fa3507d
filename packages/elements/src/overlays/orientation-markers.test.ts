import { describe, expect, it } from 'vitest';
import {
  axesFromImageOrientation,
  axesFromPatientOrientation,
  orientationLetters,
  orientationMarkers,
} from './orientation-markers.js';

const upright = { rotation: 0, flipHorizontal: false, flipVertical: false };
const axial = axesFromImageOrientation([1, 0, 0, 0, 1, 0]);
const sagittal = axesFromImageOrientation([0, 1, 0, 0, 0, -1]);
const coronal = axesFromImageOrientation([1, 0, 0, 0, 0, -1]);

describe('orientationLetters', () => {
  it('names each axis direction with its letter', () => {
    expect(orientationLetters([1, 0, 0])).toBe('L');
    expect(orientationLetters([-1, 0, 0])).toBe('R');
    expect(orientationLetters([0, 1, 0])).toBe('P');
    expect(orientationLetters([0, -1, 0])).toBe('A');
    expect(orientationLetters([0, 0, 1])).toBe('H');
    expect(orientationLetters([0, 0, -1])).toBe('F');
  });

  it('names oblique directions with the dominant axis first', () => {
    const c = Math.cos((20 * Math.PI) / 180);
    const s = Math.sin((20 * Math.PI) / 180);
    expect(orientationLetters([c, -s, 0])).toBe('LA');
    expect(orientationLetters([-s, 0, c])).toBe('HR');
    expect(orientationLetters([0.6, 0.5, -0.62])).toBe('FLP');
  });

  it('ignores floating-point noise and returns nothing for a zero vector', () => {
    expect(orientationLetters([1, 1e-9, -1e-12])).toBe('L');
    expect(orientationLetters([0, 0, 0])).toBe('');
  });
});

describe('orientationMarkers', () => {
  it('shows an axial slice as radiologists read it: patient right on the screen left, anterior up', () => {
    expect(orientationMarkers(axial!, upright)).toEqual({ top: 'A', right: 'L', bottom: 'P', left: 'R' });
  });

  it('labels sagittal and coronal slices', () => {
    expect(orientationMarkers(sagittal!, upright)).toEqual({ top: 'H', right: 'P', bottom: 'F', left: 'A' });
    expect(orientationMarkers(coronal!, upright)).toEqual({ top: 'H', right: 'L', bottom: 'F', left: 'R' });
  });

  it('turns the letters with a clockwise rotation', () => {
    expect(orientationMarkers(axial!, { ...upright, rotation: 90 })).toEqual({
      top: 'R',
      right: 'A',
      bottom: 'L',
      left: 'P',
    });
    expect(orientationMarkers(axial!, { ...upright, rotation: 180 })).toEqual({
      top: 'P',
      right: 'R',
      bottom: 'A',
      left: 'L',
    });
    expect(orientationMarkers(axial!, { ...upright, rotation: -90 })).toEqual(
      orientationMarkers(axial!, { ...upright, rotation: 270 }),
    );
  });

  it('swaps left and right on a horizontal flip, top and bottom on a vertical one', () => {
    expect(orientationMarkers(axial!, { ...upright, flipHorizontal: true })).toEqual({
      top: 'A',
      right: 'R',
      bottom: 'P',
      left: 'L',
    });
    expect(orientationMarkers(axial!, { ...upright, flipVertical: true })).toEqual({
      top: 'P',
      right: 'L',
      bottom: 'A',
      left: 'R',
    });
  });

  it('flips in image space before rotating', () => {
    // Flipped left-right (L now on the screen's left), then turned clockwise: that left edge goes to the top.
    expect(orientationMarkers(axial!, { rotation: 90, flipHorizontal: true, flipVertical: false })).toEqual({
      top: 'L',
      right: 'A',
      bottom: 'R',
      left: 'P',
    });
  });

  it('names oblique edges with combinations, and rotations off the right angles too', () => {
    const c = Math.cos((30 * Math.PI) / 180);
    const s = Math.sin((30 * Math.PI) / 180);
    const oblique = axesFromImageOrientation([c, s, 0, -s, c, 0]);
    expect(orientationMarkers(oblique!, upright)).toEqual({
      top: 'AL',
      right: 'LP',
      bottom: 'PR',
      left: 'RA',
    });
    expect(orientationMarkers(axial!, { ...upright, rotation: 30 })).toEqual({
      top: 'AR',
      right: 'LA',
      bottom: 'PL',
      left: 'RP',
    });
  });
});

describe('image axes', () => {
  it('reads Patient Orientation of projection images, obliques included', () => {
    // A PA chest: rows run towards the patient's left, columns towards the feet.
    expect(orientationMarkers(axesFromPatientOrientation(['L', 'F'])!, upright)).toEqual({
      top: 'H',
      right: 'L',
      bottom: 'F',
      left: 'R',
    });
    const oblique = axesFromPatientOrientation(['LA', 'F']);
    expect(oblique?.row[0]).toBeCloseTo(Math.SQRT1_2);
    expect(oblique?.row[1]).toBeCloseTo(-Math.SQRT1_2);
  });

  it('refuses what is not an orientation', () => {
    expect(axesFromPatientOrientation(['L'])).toBeUndefined();
    expect(axesFromPatientOrientation(['L', 'X'])).toBeUndefined();
    expect(axesFromPatientOrientation(['LR', 'F'])).toBeUndefined();
    expect(axesFromImageOrientation([0, 0, 0, 0, 1, 0])).toBeUndefined();
    expect(axesFromImageOrientation([1, 0, 0, 0, 1])).toBeUndefined();
    expect(axesFromImageOrientation(undefined)).toBeUndefined();
  });
});
