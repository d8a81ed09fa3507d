import { FoveaError } from '@fovea/core';

/** Why a render call failed after the device was up. */
export type RenderErrorCode =
  /** The GPU device was lost and could not be recovered. */
  | 'RENDER_DEVICE_LOST'
  /** The viewport was disposed, or never existed in this render device. */
  | 'RENDER_NO_VIEWPORT'
  /** The volume was disposed, or never existed in this render device. */
  | 'RENDER_NO_VOLUME'
  /** The render device or its worker was disposed. */
  | 'RENDER_DISPOSED'
  /** The render worker script could not be loaded or crashed while starting. */
  | 'RENDER_WORKER_FAILED'
  /** The caller aborted the call. */
  | 'RENDER_ABORTED';

/** A render call that failed for a reason other than its input. */
export class RenderError extends FoveaError {
  declare readonly code: RenderErrorCode;

  constructor(code: RenderErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
