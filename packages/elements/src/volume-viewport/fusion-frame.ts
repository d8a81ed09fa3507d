import { type DisplaySetBase, FoveaError } from '@fovea/core';

/**
 * A series asked to be fused over another does not share its (0020,0052) Frame of Reference UID
 * (or one of them has none): their patient coordinates are not known to match, so drawing one over
 * the other could put a PET hot spot on the wrong organ. The views show the base series alone.
 */
export class FusionFrameOfReferenceError extends FoveaError {
  constructor(
    /** (0020,000E) of the series shown. */
    readonly seriesInstanceUid: string | undefined,
    /** Its (0020,0052) Frame of Reference UID, if it has one. */
    readonly frameOfReferenceUid: string | undefined,
    /** (0020,000E) of the series asked to be fused. */
    readonly fusionSeriesInstanceUid: string | undefined,
    /** Its (0020,0052) Frame of Reference UID, if it has one. */
    readonly fusionFrameOfReferenceUid: string | undefined,
  ) {
    super(
      'FUSION_FRAME_OF_REFERENCE',
      frameOfReferenceUid && fusionFrameOfReferenceUid
        ? `Series ${fusionSeriesInstanceUid} (frame of reference ${fusionFrameOfReferenceUid}) cannot be fused over series ${seriesInstanceUid} (frame of reference ${frameOfReferenceUid}): different frames of reference`
        : `Series ${fusionSeriesInstanceUid} cannot be fused over series ${seriesInstanceUid}: ${frameOfReferenceUid ? 'the fused series' : 'the series shown'} has no Frame of Reference UID`,
    );
  }
}

/** Throws {@link FusionFrameOfReferenceError} unless `fused` lies in the same patient space as `base`. */
export function checkFusionFrame(base: DisplaySetBase, fused: DisplaySetBase): void {
  if (base.frameOfReferenceUid && base.frameOfReferenceUid === fused.frameOfReferenceUid) return;
  throw new FusionFrameOfReferenceError(
    base.seriesInstanceUid,
    base.frameOfReferenceUid,
    fused.seriesInstanceUid,
    fused.frameOfReferenceUid,
  );
}
