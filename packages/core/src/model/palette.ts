import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { type Lut, lutFromDataset } from './lut.js';
import { text } from './model-values.js';

/**
 * The Palette Color Lookup Table module (PS3.3 C.7.6.19) of a PALETTE COLOR image: stored index →
 * red, green and blue. Segmented palettes (0028,1221-1223) are not expanded: `segmented` says so
 * and the channel data is then missing.
 */
export interface Palette {
  /** (0028,1101) descriptor with (0028,1201) Red Palette Color Lookup Table Data. */
  red: Lut;
  /** (0028,1102) / (0028,1202). */
  green: Lut;
  /** (0028,1103) / (0028,1203). */
  blue: Lut;
  /** (0028,1199) Palette Color Lookup Table UID, when the palette is a well-known one. */
  uid: string | undefined;
  /** True when the data is in the Segmented … Palette Color Lookup Table Data attributes. */
  segmented: boolean;
}

/** Reads the palette of a data set, or `undefined` when it has no palette descriptors. */
export function paletteFromDataset(dataset: DicomJsonDataset): Palette | undefined {
  const red = lutFromDataset(dataset, '00281101', '00281201');
  const green = lutFromDataset(dataset, '00281102', '00281202');
  const blue = lutFromDataset(dataset, '00281103', '00281203');
  if (!red || !green || !blue) return undefined;
  return {
    red,
    green,
    blue,
    uid: text(dataset, '00281199'),
    segmented: dataset['00281221'] !== undefined,
  };
}
