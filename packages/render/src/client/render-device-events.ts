import type { BackendInfo } from '../gpu/backend.js';

/** The GPU device was lost; the render worker is rebuilding it from its CPU copies. */
export class DeviceLostEvent extends Event {
  static readonly eventName = 'fovea-device-lost';
  /** What the browser said about the loss. */
  readonly reason: string;

  constructor(reason: string) {
    super(DeviceLostEvent.eventName);
    this.reason = reason;
  }
}

/** A new device is up after a loss and every viewport has been redrawn. */
export class DeviceRestoredEvent extends Event {
  static readonly eventName = 'fovea-device-restored';
  /** The backend now in use. */
  readonly backend: BackendInfo;

  constructor(backend: BackendInfo) {
    super(DeviceRestoredEvent.eventName);
    this.backend = backend;
  }
}

/** The device could not be rebuilt after a loss; the render device is unusable. */
export class DeviceFailedEvent extends Event {
  static readonly eventName = 'fovea-device-failed';
  /** Why, as a typed error (a RenderError with code RENDER_DEVICE_LOST). */
  readonly error: Error;

  constructor(error: Error) {
    super(DeviceFailedEvent.eventName);
    this.error = error;
  }
}

/** Events a RenderDevice dispatches. */
export interface RenderDeviceEventMap {
  'fovea-device-lost': DeviceLostEvent;
  'fovea-device-restored': DeviceRestoredEvent;
  'fovea-device-failed': DeviceFailedEvent;
}
