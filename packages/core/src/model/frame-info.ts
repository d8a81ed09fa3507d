import { jsonNumbers } from '../dicom-json/dicom-json.js';
import { FUNCTIONAL_GROUP, type FunctionalGroups } from './functional-groups.js';
import { type ImagePlane, imagePlaneFromDatasets } from './image-plane.js';
import { type ModalityLut, modalityLutFromDataset } from './modality-lut.js';
import { num, text } from './model-values.js';
import { type Voi, voiFromDataset } from './voi.js';

/** (0020,9111) Frame Content: where a frame of an enhanced object sits in its dimensions. */
export interface FrameContent {
  /** (0020,9056) Stack ID. */
  stackId: string | undefined;
  /** (0020,9057) In-Stack Position Number, 1-based. */
  inStackPositionNumber: number | undefined;
  /** (0020,9128) Temporal Position Index, 1-based. */
  temporalPositionIndex: number | undefined;
  /** (0020,9157) Dimension Index Values, 1-based, one per dimension of (0020,9222). */
  dimensionIndexValues: number[];
}

/**
 * What tells repeated acquisitions at one position apart (the phases of a 4D series). Each value
 * comes from the frame's functional groups in enhanced objects, else from the data set.
 */
export interface FramePhase {
  /** (0020,9128) Temporal Position Index (Frame Content), else (0020,0100) Temporal Position Identifier. */
  temporalPosition: number | undefined;
  /** (0018,1060) Trigger Time, else (0020,9153) Nominal Cardiac Trigger Delay Time; ms. */
  triggerTime: number | undefined;
  /** (0018,9087) Diffusion b-value (in (0018,9117) MR Diffusion Sequence for enhanced MR), s/mm². */
  diffusionBValue: number | undefined;
}

/**
 * What applies to one frame once functional groups are resolved: geometry, modality LUT and VOI.
 * The pixel module, photometric interpretation and palette are the instance's (the same for all
 * frames).
 */
export interface FrameInfo {
  /** 0-based frame index (frame number − 1). */
  index: number;
  /** Image plane, mm, LPS. */
  plane: ImagePlane;
  /** Stored values → modality units. */
  modalityLut: ModalityLut;
  /** Stored windows and VOI LUTs. */
  voi: Voi;
  /** Frame Content of enhanced objects; `undefined` for classic images. */
  frameContent: FrameContent | undefined;
  /** SEG: (0062,000B) Referenced Segment Number of this frame. */
  segmentNumber: number | undefined;
  /** Temporal position, trigger time and b-value, for splitting 4D series into phases. */
  phase: FramePhase;
}

/** Builds frame `index` of a data set through its functional groups. */
export function frameInfo(groups: FunctionalGroups, index: number): FrameInfo {
  const G = FUNCTIONAL_GROUP;
  const content = groups.enhanced ? groups.macro(G.frameContent, index) : undefined;
  const segment = groups.enhanced ? groups.macro(G.segmentIdentification, index) : undefined;
  return {
    index,
    plane: imagePlaneFromDatasets(
      groups.macroOrTop(G.planePosition, index),
      groups.macroOrTop(G.planeOrientation, index),
      groups.macroOrTop(G.pixelMeasures, index),
    ),
    modalityLut: modalityLutFromDataset(groups.macroOrTop(G.pixelValueTransformation, index), groups.dataset),
    voi: voiFromDataset(groups.macroOrTop(G.frameVoiLut, index)),
    frameContent: content
      ? {
          stackId: text(content, '00209056'),
          inStackPositionNumber: num(content, '00209057'),
          temporalPositionIndex: num(content, '00209128'),
          dimensionIndexValues: jsonNumbers(content, '00209157'),
        }
      : undefined,
    segmentNumber: segment ? num(segment, '0062000B') : undefined,
    phase: {
      temporalPosition: (content && num(content, '00209128')) ?? num(groups.dataset, '00200100'),
      triggerTime:
        num(groups.dataset, '00181060') ??
        num(groups.macroOrTop(G.cardiacSynchronization, index), '00209153'),
      diffusionBValue: num(groups.macroOrTop(G.mrDiffusion, index), '00189087'),
    },
  };
}
