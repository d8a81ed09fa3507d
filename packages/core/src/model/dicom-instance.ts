import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import { jsonNumbers } from '../dicom-json/dicom-json.js';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { pixelDescriptionFromDataset } from '../pixel/pixel-from-dataset.js';
import { type FrameInfo, frameInfo } from './frame-info.js';
import { FunctionalGroups } from './functional-groups.js';
import { num, text, texts } from './model-values.js';
import { type Palette, paletteFromDataset } from './palette.js';
import { type Patient, patientFromDataset } from './patient.js';
import { type Series, seriesFromDataset } from './series.js';
import { type InstanceKind, instanceKind } from './sop-class.js';
import { type Study, studyFromDataset } from './study.js';

/** Playback timing of a multi-frame cine (PS3.3 C.7.6.5), when the instance has any. */
export interface CineTiming {
  /** (0018,1063) Frame Time: ms between frames. */
  frameTime: number | undefined;
  /** (0018,1065) Frame Time Vector: ms from the previous frame, per frame (first is 0). */
  frameTimeVector: number[];
  /** (0008,2144) Recommended Display Frame Rate, frames/s. */
  recommendedDisplayFrameRate: number | undefined;
  /** (0018,0040) Cine Rate, frames/s. */
  cineRate: number | undefined;
}

/**
 * One instance as core understands it, built the same from a Part 10 file and from DICOM JSON
 * (WADO-RS metadata), so that the two compare equal. Plain data: safe to clone, post to a worker
 * and compare with deep equality.
 */
export interface DicomInstance {
  /** (0008,0016) SOP Class UID. */
  sopClassUid: string | undefined;
  /** (0008,0018) SOP Instance UID. */
  sopInstanceUid: string | undefined;
  /** What kind of object this is. */
  kind: InstanceKind;
  /** (0020,0013) Instance Number. */
  instanceNumber: number | undefined;
  /** (0008,0008) Image Type values, e.g. `ORIGINAL`, `PRIMARY`, `AXIAL`. */
  imageType: string[];
  /** (0020,0012) Acquisition Number. */
  acquisitionNumber: number | undefined;
  /** (0008,0023) Content Date and (0008,0033) Content Time. */
  contentDate: string | undefined;
  contentTime: string | undefined;
  patient: Patient;
  study: Study;
  series: Series;
  /** The Image Pixel module, the same for every frame; `undefined` without pixels. */
  pixel: PixelDescription | undefined;
  /** Palette of PALETTE COLOR images. */
  palette: Palette | undefined;
  /** (0028,2110) Lossy Image Compression: `00` or `01`. */
  lossyImageCompression: string | undefined;
  /** Cine timing, when any of its attributes is present. */
  cine: CineTiming | undefined;
  /** Per frame, functional groups resolved; `[]` without pixels. */
  frames: FrameInfo[];
}

/** Builds the model of one instance from its data set (Part 10 or DICOM JSON). */
export function instanceFromDataset(dataset: DicomJsonDataset): DicomInstance {
  const pixel = pixelDescriptionFromDataset(dataset);
  const sopClassUid = text(dataset, '00080016');
  const groups = new FunctionalGroups(dataset);
  const frameCount = pixel ? pixel.numberOfFrames : 0;
  const frames: FrameInfo[] = [];
  for (let i = 0; i < frameCount; i++) {
    // Frames of classic multi-frame objects share everything: build the first and reuse it.
    const first = frames[0];
    frames.push(!groups.enhanced && first ? { ...first, index: i } : frameInfo(groups, i));
  }
  return {
    sopClassUid,
    sopInstanceUid: text(dataset, '00080018'),
    kind: instanceKind(sopClassUid, pixel !== undefined),
    instanceNumber: num(dataset, '00200013'),
    imageType: texts(dataset, '00080008'),
    acquisitionNumber: num(dataset, '00200012'),
    contentDate: text(dataset, '00080023'),
    contentTime: text(dataset, '00080033'),
    patient: patientFromDataset(dataset),
    study: studyFromDataset(dataset),
    series: seriesFromDataset(dataset),
    pixel,
    palette: paletteFromDataset(dataset),
    lossyImageCompression: text(dataset, '00282110'),
    cine: cineTiming(dataset),
    frames,
  };
}

function cineTiming(dataset: DicomJsonDataset): CineTiming | undefined {
  const timing: CineTiming = {
    frameTime: num(dataset, '00181063'),
    frameTimeVector: jsonNumbers(dataset, '00181065'),
    recommendedDisplayFrameRate: num(dataset, '00082144'),
    cineRate: num(dataset, '00180040'),
  };
  const any =
    timing.frameTime !== undefined ||
    timing.frameTimeVector.length > 0 ||
    timing.recommendedDisplayFrameRate !== undefined ||
    timing.cineRate !== undefined;
  return any ? timing : undefined;
}
