import { FoveaError } from '../errors/fovea-error.js';

/**
 * A PET image whose values cannot be turned into SUVbw: an attribute the calculation needs is
 * missing or invalid, or says the values are not decay-corrected activity concentrations. The
 * message names the attribute (tag and keyword), never a patient's values.
 */
export class PetSuvError extends FoveaError {
  declare readonly code: 'PET_SUV_UNAVAILABLE';
  /** The attribute at fault, e.g. `(0054,1001) Units`. */
  readonly attribute: string;

  constructor(attribute: string, problem: string) {
    super('PET_SUV_UNAVAILABLE', `No SUVbw: ${attribute} ${problem}`);
    this.attribute = attribute;
  }
}
