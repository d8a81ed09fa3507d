import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { num, vector } from './model-values.js';

/** A point or direction in the patient coordinate system: mm, LPS (x → left, y → posterior, z → head). */
export type Vec3 = [number, number, number];

/** The Image Plane module (PS3.3 C.7.6.2) for one frame. */
export interface ImagePlane {
  /** (0020,0032) Image Position (Patient): centre of the first transmitted pixel, mm, LPS. */
  imagePositionPatient: Vec3 | undefined;
  /**
   * (0020,0037) Image Orientation (Patient): direction cosines of the first row (towards
   * increasing column) then the first column (towards increasing row), LPS.
   */
  imageOrientationPatient: [number, number, number, number, number, number] | undefined;
  /** (0028,0030) Pixel Spacing: [between rows (vertical), between columns (horizontal)], mm. */
  pixelSpacing: [number, number] | undefined;
  /** (0018,0050) Slice Thickness, mm. */
  sliceThickness: number | undefined;
  /** (0018,0088) Spacing Between Slices, mm. */
  spacingBetweenSlices: number | undefined;
}

/**
 * Reads the image plane from resolved sources: `position` holds (0020,0032), `orientation`
 * (0020,0037), `measures` (0028,0030)/(0018,0050)/(0018,0088). For classic images all three are
 * the data set; for enhanced multi-frame they are the functional group items of one frame.
 */
export function imagePlaneFromDatasets(
  position: DicomJsonDataset,
  orientation: DicomJsonDataset,
  measures: DicomJsonDataset,
): ImagePlane {
  return {
    imagePositionPatient: vector(position, '00200032', 3),
    imageOrientationPatient: vector(orientation, '00200037', 6) as ImagePlane['imageOrientationPatient'],
    pixelSpacing: vector(measures, '00280030', 2),
    sliceThickness: num(measures, '00180050'),
    spacingBetweenSlices: num(measures, '00180088'),
  };
}

/** The unit normal of an orientation (row × column), LPS; `undefined` if degenerate. */
export function planeNormal(orientation: ImagePlane['imageOrientationPatient']): Vec3 | undefined {
  if (!orientation) return undefined;
  const [rx, ry, rz, cx, cy, cz] = orientation;
  const n: Vec3 = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
  const length = Math.hypot(...n);
  return length > 1e-6 ? [n[0] / length, n[1] / length, n[2] / length] : undefined;
}
