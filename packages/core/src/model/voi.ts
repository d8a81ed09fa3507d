import { type DicomJsonDataset, jsonItems, jsonNumbers } from '../dicom-json/dicom-json.js';
import { type Lut, lutFromDataset } from './lut.js';
import { text } from './model-values.js';

/** One stored window (PS3.3 C.11.2): centre and width in modality units (after the modality LUT). */
export interface VoiWindow {
  /** (0028,1050) Window Center. */
  center: number;
  /** (0028,1051) Window Width (≥ 1 for LINEAR). */
  width: number;
  /** (0028,1055) Window Center & Width Explanation, e.g. `LUNG`. */
  explanation: string | undefined;
}

/** The VOI LUT module: stored windows, how to apply them, and VOI lookup tables. */
export interface Voi {
  /** Windows in the order stored; the first is the default. */
  windows: VoiWindow[];
  /** (0028,1056) VOI LUT Function: `LINEAR` (default), `LINEAR_EXACT` or `SIGMOID`. */
  function: string;
  /** (0028,3010) VOI LUT Sequence, every item. */
  luts: Lut[];
}

/** Reads the VOI LUT module from `source` (a data set or a Frame VOI LUT functional group item). */
export function voiFromDataset(source: DicomJsonDataset): Voi {
  const centers = jsonNumbers(source, '00281050');
  const widths = jsonNumbers(source, '00281051');
  const explanations = source['00281055']?.Value ?? [];
  const windows: VoiWindow[] = [];
  for (let i = 0; i < Math.min(centers.length, widths.length); i++) {
    const explanation = explanations[i];
    windows.push({
      center: centers[i] as number,
      width: widths[i] as number,
      explanation:
        typeof explanation === 'string' && explanation.trim() !== '' ? explanation.trim() : undefined,
    });
  }
  const luts = jsonItems(source, '00283010').flatMap((item) => {
    const lut = lutFromDataset(item, '00283002', '00283006', '00283003');
    return lut ? [lut] : [];
  });
  return { windows, function: text(source, '00281056') ?? 'LINEAR', luts };
}
