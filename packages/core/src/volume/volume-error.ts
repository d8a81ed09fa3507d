import { FoveaError } from '../errors/fovea-error.js';

/** Why a volume could not be built, filled or resliced. */
export type VolumeErrorCode =
  /** Fewer than two slices, or a slice without Image Position / Orientation (Patient) or Pixel Spacing. */
  | 'VOLUME_MISSING_GEOMETRY'
  /** A slice whose (0020,0037) differs from the first slice's, or direction cosines that are not orthonormal. */
  | 'VOLUME_INCONSISTENT_ORIENTATION'
  /** Two slices at the same position along the normal (several acquisitions or time points in one set). */
  | 'VOLUME_DUPLICATE_POSITION'
  /** A spacing or position that is NaN, infinite, zero or negative. */
  | 'VOLUME_BAD_SPACING'
  /** Slice spacing that is neither uniform nor uniform with missing slices, with `spacingPolicy: 'strict'`. */
  | 'VOLUME_IRREGULAR_SPACING'
  /** Slice origins that do not lie on one line (shifted slices); a tilted gantry (a straight line) is accepted. */
  | 'VOLUME_SHEARED'
  /** Slices of different rows × columns (not supported yet). */
  | 'VOLUME_MIXED_SIZE'
  /** Pixels the volume cannot store: not one 16-bit sample, a Modality LUT Sequence, or a wrong length. */
  | 'VOLUME_UNSUPPORTED_PIXELS'
  /** A slice index outside the display set. */
  | 'VOLUME_SLICE_INDEX'
  /** An output plane or slab that cannot be computed (zero size, degenerate directions, bad spacing). */
  | 'VOLUME_BAD_PLANE'
  /** An argument out of range, e.g. a histogram bin count. */
  | 'VOLUME_BAD_ARGUMENT'
  /** The WebAssembly module could not be fetched, compiled or instantiated. */
  | 'VOLUME_WASM_LOAD'
  /** WebAssembly memory could not grow to hold the volume or an output image. */
  | 'VOLUME_OUT_OF_MEMORY'
  /** The volume was used after `dispose()`. */
  | 'VOLUME_DISPOSED'
  /** A fill or `Volume.create` was stopped through its `AbortSignal`; slices written before stay written. */
  | 'VOLUME_ABORTED';

/**
 * A volume that cannot be built or used as asked. Carries the display-set slice index involved,
 * when there is one, so a person can find the offending instance.
 */
export class VolumeError extends FoveaError {
  declare readonly code: VolumeErrorCode;
  /** Index into `VolumeDisplaySet.slices` of the slice involved, when one is. */
  readonly sliceIndex: number | undefined;

  constructor(code: VolumeErrorCode, message: string, init: { sliceIndex?: number; cause?: unknown } = {}) {
    super(code, init.sliceIndex === undefined ? message : `${message} [slice ${init.sliceIndex}]`, {
      cause: init.cause,
    });
    this.sliceIndex = init.sliceIndex;
  }
}
