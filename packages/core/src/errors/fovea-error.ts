/**
 * Base class of every error Fovea throws on purpose. `code` is stable and machine-readable; the
 * message says what a person needs to act on, and never carries credentials or patient data.
 */
export class FoveaError extends Error {
  /** Stable identifier of the failure, e.g. `DICOMWEB_HTTP`. */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
