import type { GreySliceImage } from '../image/slice-image.js';
import { modalityFunction } from './modality.js';
import { type LevelFunction, type VoiTransform, voiLevelFunction } from './voi.js';

/** What turns a stored grey value into an 8-bit level: the image's and the view's part of it. */
export interface GreyPipeline {
  /** The image's Modality LUT. */
  modality: GreySliceImage['modality'];
  /** The VOI LUT to apply. */
  voi: VoiTransform;
  /**
   * True for an inverse presentation: MONOCHROME1 XOR the view's `invert` (a presentation
   * inversion relative to how the image displays by default).
   */
  inverse: boolean;
}

/** The pipeline of an image under a view: MONOCHROME1 and `invert` cancel each other. */
export function greyPipeline(image: GreySliceImage, voi: VoiTransform, invert: boolean): GreyPipeline {
  return {
    modality: image.modality,
    voi,
    inverse: (image.photometricInterpretation === 'MONOCHROME1') !== invert,
  };
}

/**
 * Stored value → modality LUT → VOI LUT → presentation → 8-bit level, in double precision:
 * the reference every renderer of this package must reproduce exactly.
 */
export function greyLevelFunction(pipeline: GreyPipeline): LevelFunction {
  const modality = modalityFunction(pipeline.modality);
  const voi = voiLevelFunction(pipeline.voi, pipeline.inverse);
  return (sv) => voi(modality(sv));
}

/**
 * A LINEAR window that maps the smallest modality value of the image to 0 and the largest to 255
 * (dcmtk's min-max window), used when the view gives no VOI.
 */
export function minMaxWindow(image: GreySliceImage): VoiTransform {
  const modality = modalityFunction(image.modality);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const { pixels } = image;
  for (let i = 0; i < pixels.length; i++) {
    const value = modality(pixels[i] as number);
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (!(min <= max)) return { kind: 'window', center: 0.5, width: 1 };
  return { kind: 'window', center: (min + max + 1) / 2, width: max - min + 1 };
}
