/**
 * Enhanced multi-frame functional groups (PS3.3 C.7.6.16): for each frame, the macro item that
 * applies, from (5200,9230) Per-Frame Functional Groups Sequence item i, else (5200,9229) Shared
 * Functional Groups Sequence, else the top-level data set (classic single- and multi-frame images).
 */
import { type DicomJsonDataset, jsonItems } from '../dicom-json/dicom-json.js';

/** (5200,9229) Shared Functional Groups Sequence. */
const SHARED = '52009229';
/** (5200,9230) Per-Frame Functional Groups Sequence. */
const PER_FRAME = '52009230';

/** Functional group macros that core reads (sequence tags inside a functional groups item). */
export const FUNCTIONAL_GROUP = {
  /** (0020,9111) Frame Content Sequence. */
  frameContent: '00209111',
  /** (0020,9113) Plane Position Sequence: (0020,0032). */
  planePosition: '00209113',
  /** (0020,9116) Plane Orientation Sequence: (0020,0037). */
  planeOrientation: '00209116',
  /** (0028,9110) Pixel Measures Sequence: (0028,0030), (0018,0050), (0018,0088). */
  pixelMeasures: '00289110',
  /** (0028,9145) Pixel Value Transformation Sequence: rescale. */
  pixelValueTransformation: '00289145',
  /** (0028,9132) Frame VOI LUT Sequence: window, function, VOI LUTs. */
  frameVoiLut: '00289132',
  /** (0018,9118) Cardiac Synchronization Sequence: (0020,9153) Nominal Cardiac Trigger Delay Time. */
  cardiacSynchronization: '00189118',
  /** (0018,9117) MR Diffusion Sequence: (0018,9087) Diffusion b-value. */
  mrDiffusion: '00189117',
  /** (0062,000A) Segment Identification Sequence: (0062,000B) Referenced Segment Number. */
  segmentIdentification: '0062000A',
} as const;

/** Resolves functional group macros for the frames of one data set. */
export class FunctionalGroups {
  readonly #dataset: DicomJsonDataset;
  readonly #shared: DicomJsonDataset | undefined;
  readonly #perFrame: DicomJsonDataset[];

  constructor(dataset: DicomJsonDataset) {
    this.#dataset = dataset;
    this.#shared = jsonItems(dataset, SHARED)[0];
    this.#perFrame = jsonItems(dataset, PER_FRAME);
  }

  /** The top-level data set. */
  get dataset(): DicomJsonDataset {
    return this.#dataset;
  }

  /** True when the data set has shared or per-frame functional groups (an enhanced object). */
  get enhanced(): boolean {
    return this.#shared !== undefined || this.#perFrame.length > 0;
  }

  /**
   * The item of macro `sequenceTag` for frame `index` (0-based): per-frame first, then shared; for
   * objects without functional groups, the data set itself. `undefined` when an enhanced object
   * has the macro nowhere.
   */
  macro(sequenceTag: string, index: number): DicomJsonDataset | undefined {
    if (!this.enhanced) return this.#dataset;
    const perFrame = this.#perFrame[index];
    const own = perFrame ? jsonItems(perFrame, sequenceTag)[0] : undefined;
    return own ?? (this.#shared ? jsonItems(this.#shared, sequenceTag)[0] : undefined);
  }

  /** Like {@link macro}, falling back to the top-level data set (some writers put plane data there too). */
  macroOrTop(sequenceTag: string, index: number): DicomJsonDataset {
    return this.macro(sequenceTag, index) ?? this.#dataset;
  }
}
