import { type DicomJsonDataset, type FrameRef, jsonStrings } from '@fovea/core';
import type { AnnotationFacts, ShownUnits } from '../overlays/annotations.js';
import { cineElapsedMs } from '../overlays/cine-time.js';
import {
  axesFromImageOrientation,
  axesFromPatientOrientation,
  type ImageAxes,
} from '../overlays/orientation-markers.js';
import { type PixelCalibration, pixelCalibration } from '../overlays/pixel-calibration.js';
import { slicePositionMm } from '../overlays/slice-position.js';
import { valueUnits } from './value-units.js';

/** What the overlays need to know about the frame on screen, independent of how it is shown. */
export interface FrameFacts {
  /** Identity, study, series and slice for the corner annotations. */
  annotation: Omit<
    AnnotationFacts,
    'frameIndex' | 'frameCount' | 'window' | 'windowUnits' | 'zoomPercent' | 'playing'
  >;
  /** The image's axes in the patient, for orientation markers; undefined when not known. */
  axes: ImageAxes | undefined;
  /** Pixel size for the scale bar; undefined when not known (no bar is drawn). */
  calibration: PixelCalibration | undefined;
  /** How the frame's modality values are shown (window and probe): HU, SUVbw, … */
  values: ShownUnits;
}

/**
 * The facts of frame `ref`. The axes come from (0020,0037) Image Orientation (Patient), else from
 * (0020,0020) Patient Orientation (projection radiographs); the calibration from the frame's Pixel
 * Spacing, else Imager Pixel Spacing as `dataset` (the instance's metadata) holds it.
 */
export function frameFacts(ref: FrameRef, dataset: DicomJsonDataset | undefined): FrameFacts {
  const { instance } = ref;
  const plane = instance.frames[ref.frameIndex]?.plane;
  return {
    annotation: {
      patientName: instance.patient.patientName?.alphabetic,
      patientId: instance.patient.patientId,
      studyDate: instance.study.studyDate,
      studyDescription: instance.study.studyDescription,
      seriesNumber: instance.series.seriesNumber,
      seriesDescription: instance.series.seriesDescription,
      cineElapsedMs: cineElapsedMs(instance.cine, ref.frameIndex, instance.frames.length),
      slicePositionMm: slicePositionMm(plane?.imagePositionPatient, plane?.imageOrientationPatient),
      sliceThicknessMm: plane?.sliceThickness,
    },
    axes:
      axesFromImageOrientation(plane?.imageOrientationPatient) ??
      axesFromPatientOrientation(dataset ? jsonStrings(dataset, '00200020') : undefined),
    calibration: pixelCalibration(dataset, plane?.pixelSpacing),
    values: valueUnits(dataset),
  };
}
