/**
 * Deterministic test images for the render tests (Node and browser): random values with the
 * extremes of each type planted at known places.
 */
import type { GreySliceImage, RgbSliceImage } from '../image/slice-image.js';

/** A small, seeded PRNG (mulberry32): the same seed gives the same images everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type IntegerArray = Int8Array | Uint8Array | Int16Array | Uint16Array;
type IntegerArrayConstructor = new (length: number) => IntegerArray;

/** Random integers over the whole range of the array type, extremes and 0, ±1 planted first. */
export function randomIntegerImage(
  type: IntegerArrayConstructor,
  columns: number,
  rows: number,
  seed: number,
  photometricInterpretation: GreySliceImage['photometricInterpretation'] = 'MONOCHROME2',
): GreySliceImage {
  const pixels = new type(columns * rows);
  const [min, max] = rangeOf(pixels);
  const next = random(seed);
  for (let i = 0; i < pixels.length; i++) pixels[i] = min + Math.floor(next() * (max - min + 1));
  const planted = [min, max, 0, 1, min + 1, max - 1, -1].filter((v) => v >= min && v <= max);
  planted.forEach((value, i) => {
    pixels[i * 7] = value;
  });
  return { kind: 'grey', columns, rows, pixels, photometricInterpretation };
}

/** Integers near `center` (±spread), so that a window around it exercises every output level. */
export function clusteredIntegerImage(
  type: IntegerArrayConstructor,
  columns: number,
  rows: number,
  seed: number,
  center: number,
  spread: number,
): GreySliceImage {
  const pixels = new type(columns * rows);
  const [min, max] = rangeOf(pixels);
  const next = random(seed);
  for (let i = 0; i < pixels.length; i++) {
    const value = Math.round(center + (next() * 2 - 1) * spread);
    pixels[i] = Math.min(Math.max(value, min), max);
  }
  return { kind: 'grey', columns, rows, pixels, photometricInterpretation: 'MONOCHROME2' };
}

/** Random float32 values: fractional values near 0, large magnitudes and the float32 extremes. */
export function randomFloatImage(columns: number, rows: number, seed: number): GreySliceImage {
  const pixels = new Float32Array(columns * rows);
  const next = random(seed);
  for (let i = 0; i < pixels.length; i++) {
    const r = next();
    pixels[i] = r < 0.6 ? (next() * 2 - 1) * 600 : r < 0.9 ? (next() * 2 - 1) * 4 : (next() * 2 - 1) * 1e7;
  }
  [3.4028234663852886e38, -3.4028234663852886e38, 0, -0, 1e-30, 0.5, -0.5].forEach((value, i) => {
    pixels[i * 5] = value;
  });
  return { kind: 'grey', columns, rows, pixels, photometricInterpretation: 'MONOCHROME2' };
}

/** Random RGB bytes, interleaved. */
export function randomRgbImage(columns: number, rows: number, seed: number): RgbSliceImage {
  const pixels = new Uint8Array(columns * rows * 3);
  const next = random(seed);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(next() * 256);
  return { kind: 'rgb', columns, rows, pixels };
}

/** A uint8 image whose value at (x, y) is `(x + columns · y) mod 256`: easy to locate on screen. */
export function positionImage(columns: number, rows: number): GreySliceImage {
  const pixels = new Uint8Array(columns * rows);
  for (let i = 0; i < pixels.length; i++) pixels[i] = i % 256;
  return { kind: 'grey', columns, rows, pixels, photometricInterpretation: 'MONOCHROME2' };
}

/** A deep copy, for keeping the CPU reference's input when the original buffer is transferred. */
export function cloneImage<T extends GreySliceImage | RgbSliceImage>(image: T): T {
  return { ...image, pixels: image.pixels.slice() } as T;
}

function rangeOf(pixels: IntegerArray): [number, number] {
  if (pixels instanceof Int8Array) return [-128, 127];
  if (pixels instanceof Uint8Array) return [0, 255];
  if (pixels instanceof Int16Array) return [-32768, 32767];
  return [0, 65535];
}
