import { FoveaError } from '@fovea/core';

/** Why an image or a view state was refused. */
export type RenderInputErrorCode =
  /** The pixel data does not match the description (length, type, samples per pixel). */
  | 'RENDER_INVALID_IMAGE'
  /** The view state is not valid (e.g. a window width below 1 for LINEAR). */
  | 'RENDER_INVALID_VIEW'
  /** The image is larger than the device's largest 2D texture. */
  | 'RENDER_IMAGE_TOO_LARGE'
  /** The combination is valid DICOM but not supported yet (e.g. a LUT sequence on float pixels). */
  | 'RENDER_UNSUPPORTED'
  /** The volume's voxels do not match its description, or a slot update does not fit it. */
  | 'RENDER_INVALID_VOLUME'
  /**
   * The volume does not fit one 3D texture of the device even cut into bricks laid side by side
   * (a brick atlas); the message says what limit would hold it.
   */
  | 'RENDER_VOLUME_TOO_LARGE'
  /** An option of the render device is not valid (e.g. `maxVolumeTextureSize` below 1). */
  | 'RENDER_INVALID_OPTION';

/** An image or view state the renderer refuses, with what to fix. */
export class RenderInputError extends FoveaError {
  declare readonly code: RenderInputErrorCode;

  constructor(code: RenderInputErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
