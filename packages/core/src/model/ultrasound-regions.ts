import { type DicomJsonDataset, jsonItems, jsonNumber } from '../dicom-json/dicom-json.js';

/**
 * One item of (0018,6011) Sequence of Ultrasound Regions (PS3.3 C.8.5.5.1): a rectangle of the
 * image and what its pixels measure. Values the item lacks are `undefined`, so that a caller can
 * refuse a partial region instead of guessing.
 */
export interface UltrasoundRegion {
  /**
   * (0018,6012) Region Spatial Format: 0 none, 1 2D (tissue or flow), 2 M-mode, 3 spectral,
   * 4 waveform, 5 graphics.
   */
  spatialFormat: number | undefined;
  /**
   * (0018,6014) Region Data Type: 1 tissue, 2 colour flow, 3 PW spectral Doppler, 4 CW spectral
   * Doppler, … 0x0C grey bar, 0x0D colour bar (PS3.3 C.8.5.5.1.2).
   */
  dataType: number | undefined;
  /** (0018,6016) Region Flags (bit 0: high priority region, bits 1–2: scaling protection, …). */
  flags: number | undefined;
  /**
   * The rectangle, image pixels, 0-based, both corners inside it: (0018,6018) Region Location
   * Min X0, (0018,601A) Min Y0, (0018,601C) Max X1, (0018,601E) Max Y1. Undefined when any is missing.
   */
  bounds: { minX: number; minY: number; maxX: number; maxY: number } | undefined;
  /**
   * (0018,6024) Physical Units X Direction and (0018,6026) Y Direction: 0 none, 1 percent, 2 dB,
   * 3 cm, 4 seconds, 5 hertz, 6 dB/s, 7 cm/s, 8 cm², 9 cm²/s, 0x0A cm³, 0x0B cm³/s, 0x0C degrees.
   */
  physicalUnits: { x: number | undefined; y: number | undefined };
  /**
   * (0018,602C) Physical Delta X and (0018,602E) Physical Delta Y: the physical size of one pixel
   * step along the image's columns (x, to the right) and rows (y, down), in `physicalUnits`.
   */
  physicalDelta: { x: number | undefined; y: number | undefined };
  /**
   * (0018,6020) Reference Pixel X0 and (0018,6022) Y0, relative to the region's top-left corner;
   * undefined when absent (the attributes are optional).
   */
  referencePixel: { x: number; y: number } | undefined;
}

/** Region Spatial Format (0018,6012) of a 2D image: tissue or flow in space. */
export const ULTRASOUND_SPATIAL_FORMAT_2D = 1;
/** Region Data Type (0018,6014) of tissue (B-mode). */
export const ULTRASOUND_DATA_TYPE_TISSUE = 1;
/** Physical Units (0018,6024/6026) code for centimetres: the only length unit DICOM defines there. */
export const ULTRASOUND_UNITS_CM = 3;

/** The regions of (0018,6011) Sequence of Ultrasound Regions, in item order; `[]` when absent. */
export function ultrasoundRegions(dataset: DicomJsonDataset): UltrasoundRegion[] {
  return jsonItems(dataset, '00186011').map((item) => {
    const minX = jsonNumber(item, '00186018');
    const minY = jsonNumber(item, '0018601A');
    const maxX = jsonNumber(item, '0018601C');
    const maxY = jsonNumber(item, '0018601E');
    const referenceX = jsonNumber(item, '00186020');
    const referenceY = jsonNumber(item, '00186022');
    return {
      spatialFormat: jsonNumber(item, '00186012'),
      dataType: jsonNumber(item, '00186014'),
      flags: jsonNumber(item, '00186016'),
      bounds:
        minX === undefined || minY === undefined || maxX === undefined || maxY === undefined
          ? undefined
          : { minX, minY, maxX, maxY },
      physicalUnits: { x: jsonNumber(item, '00186024'), y: jsonNumber(item, '00186026') },
      physicalDelta: { x: jsonNumber(item, '0018602C'), y: jsonNumber(item, '0018602E') },
      referencePixel:
        referenceX === undefined || referenceY === undefined ? undefined : { x: referenceX, y: referenceY },
    };
  });
}
