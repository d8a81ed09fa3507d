import { type DicomJsonDataset, jsonString, suvbwScale } from '@fovea/core';
import type { ShownUnits } from '../overlays/annotations.js';

/** Modality values shown as they are, without a unit. */
export const PLAIN_VALUES: ShownUnits = Object.freeze({ unit: undefined, scale: 1, digits: 1, fixed: false });

/** (0054,1001) Units of a PET whose SUV cannot be computed, as shown. */
const PET_UNITS: Record<string, string> = { BQML: 'Bq/ml', CNTS: 'counts', GML: 'g/ml' };

/**
 * How an image's modality values (after (0028,1052/1053) rescale or the Modality LUT) are shown,
 * from its metadata `dataset`: in SUVbw with two decimals for a PET whose SUV can be computed (see
 * core's `suvbwScale`), else in the PET's (0054,1001) Units; in HU for a CT or a (0028,1054)
 * Rescale Type of `HU`; as plain values otherwise.
 */
export function valueUnits(dataset: DicomJsonDataset | undefined): ShownUnits {
  if (!dataset) return PLAIN_VALUES;
  const modality = jsonString(dataset, '00080060')?.trim();
  if (modality === 'PT') {
    try {
      return { unit: 'SUVbw', scale: suvbwScale(dataset).factor, digits: 2, fixed: true };
    } catch {
      // No SUV (a PetSuvError says why): the values in the units the scanner wrote, if known.
      const units = jsonString(dataset, '00541001')?.trim();
      return { ...PLAIN_VALUES, unit: units === undefined ? undefined : PET_UNITS[units] };
    }
  }
  if (modality === 'CT' || jsonString(dataset, '00281054')?.trim() === 'HU')
    return { ...PLAIN_VALUES, unit: 'HU' };
  return PLAIN_VALUES;
}
