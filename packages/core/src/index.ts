// Errors

// DICOM JSON and Part 10
export { CharacterSetDecoder } from './charset/character-set.js';
export {
  base64ToBytes,
  type DicomJsonAttribute,
  type DicomJsonDataset,
  jsonBinary,
  jsonItems,
  jsonNumber,
  jsonNumbers,
  jsonPersonName,
  jsonString,
  jsonStrings,
} from './dicom-json/dicom-json.js';
// DICOMweb
export {
  DicomWebClient,
  type DicomWebClientOptions,
  type DicomWebRequest,
  type QueryValue,
  type RelayedResponse,
  type RequestOptions,
  type TokenProvider,
} from './dicomweb/dicomweb-client.js';
export { DicomWebError, type DicomWebErrorCode } from './dicomweb/dicomweb-error.js';
export { DicomWebProgressEvent, DicomWebRetryEvent } from './dicomweb/dicomweb-events.js';
// Many frames at once
export {
  type FrameBatchResult,
  type FrameRequest,
  frameKey,
  retrieveFrameBatch,
} from './dicomweb/frame-batch.js';
export { declaredTransferSyntax, type MediaType, parseMediaType } from './dicomweb/media-type.js';
export { type MultipartPart, multipartBoundary, parseMultipart } from './dicomweb/multipart-parser.js';
export { buildMultipartRelated, type MultipartBody, type OutgoingPart } from './dicomweb/multipart-writer.js';
export { type InstanceQuery, type InstanceSummary, searchForInstances } from './dicomweb/qido-instances.js';
export { type SeriesQuery, type SeriesSummary, searchForSeries } from './dicomweb/qido-series.js';
export { type StudyQuery, type StudySummary, searchForStudies } from './dicomweb/qido-studies.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './dicomweb/retry-policy.js';
export {
  type StoredInstanceResult,
  type StoreOptions,
  type StoreResult,
  storeInstances,
} from './dicomweb/stow-rs.js';
export { type RenderedImage, type RenderedOptions, retrieveRendered } from './dicomweb/wado-rendered.js';
export {
  type FrameRequestOptions,
  frameAcceptHeader,
  frameUrl,
  type InstanceReference,
  type RetrievedFrame,
  readFramesResponse,
  retrieveBulkData,
  retrieveFrames,
  retrieveInstance,
  retrieveInstanceMetadata,
  retrieveSeriesMetadata,
  retrieveStudyMetadata,
  streamFrames,
  streamMultipart,
} from './dicomweb/wado-rs.js';
export { retrieveWadoUri, type WadoUriOptions, wadoUriUrl } from './dicomweb/wado-uri.js';
// Display sets
export type {
  CineDisplaySet,
  DisplaySet,
  DisplaySetBase,
  FrameRef,
  NonImageDisplaySet,
  SliceRef,
  StackDisplaySet,
  VolumeDisplaySet,
} from './display-sets/display-set.js';
export { groupDisplaySets } from './display-sets/group-display-sets.js';
export type { DisplaySetPhase, PhaseAttribute } from './display-sets/split-phases.js';
export { DicomParseError, type DicomParseErrorCode } from './errors/dicom-parse-error.js';
export { FoveaError } from './errors/fovea-error.js';
// Local input
export { type DicomdirFileRecord, dicomdirFileRecords, isDicomdir } from './local/dicomdir.js';
export {
  type LocalFailure,
  type LocalInstance,
  type LocalLoadResult,
  loadLocalFiles,
} from './local/load-local.js';
export { type BlobLike, entryFromBlob, entryFromBytes, type LocalEntry } from './local/local-entry.js';
export { isZip, unzipEntries, ZipArchiveError } from './local/zip-archive.js';
// Model
export { type CineTiming, type DicomInstance, instanceFromDataset } from './model/dicom-instance.js';
export type { FrameContent, FrameInfo, FramePhase } from './model/frame-info.js';
export { type ImagePlane, planeNormal, type Vec3 } from './model/image-plane.js';
export { type Lut, type LutData, lutWordsFromBytes } from './model/lut.js';
export type { ModalityLut } from './model/modality-lut.js';
export type { PersonName } from './model/model-values.js';
export type { Palette } from './model/palette.js';
export type { Patient } from './model/patient.js';
export type { Series } from './model/series.js';
export type { InstanceKind } from './model/sop-class.js';
export type { Study } from './model/study.js';
export {
  type UltrasoundCalibration,
  type UltrasoundCalibrationRefusal,
  ultrasoundCalibration,
} from './model/ultrasound-calibration.js';
export {
  ULTRASOUND_DATA_TYPE_TISSUE,
  ULTRASOUND_SPATIAL_FORMAT_2D,
  ULTRASOUND_UNITS_CM,
  type UltrasoundRegion,
  ultrasoundRegions,
} from './model/ultrasound-regions.js';
export type { Voi, VoiWindow } from './model/voi.js';
export type { PixelItem } from './parse/data-set-reader.js';
export type { Part10Instance } from './parse/part10-instance.js';
export { readPart10 } from './parse/read-part10.js';
export {
  type DataSetEncoding,
  dataSetEncoding,
  isEncapsulatedTransferSyntax,
} from './parse/transfer-syntax.js';
// PET
export { PetSuvError } from './pet/pet-suv-error.js';
export { type SuvbwScale, type SuvScanTimeSource, suvbwScale } from './pet/suv.js';
// Pixels
export { type ExtendedOffsetTable, locateEncapsulatedFrames } from './pixel/encapsulated-frames.js';
export { storedNativeFrameBits } from './pixel/native-frames.js';
export { nativeFrameByteLength, type PixelDescription } from './pixel/pixel-description.js';
export { pixelDescriptionFromDataset } from './pixel/pixel-from-dataset.js';
// Volumes (WASM core)
export { type Brick, type BrickLayout, type BrickLayoutOptions, brickLayout } from './volume/brick-layout.js';
export { type DecodedSlice, type FillVolumeOptions, fillVolume } from './volume/fill-volume.js';
export {
  type Interpolation,
  type SlabMode,
  type SlabOptions,
  type VoxelSlab,
  voxelSlab,
} from './volume/slab-parameters.js';
export {
  patientToPlanePixel,
  planePixelToPatient,
  planeThrough,
  type SlicePlane,
  slicePlaneNormal,
  VIEW_DIRECTIONS,
} from './volume/slice-plane.js';
export {
  type ReslicedImage,
  type ResliceOptions,
  Volume,
  type VolumeOptions,
  type VoxelType,
} from './volume/volume.js';
export { VolumeError, type VolumeErrorCode } from './volume/volume-error.js';
export { VolumeBrickReadyEvent, VolumeSliceReadyEvent } from './volume/volume-events.js';
export {
  directionToVoxel,
  patientToVoxel,
  type SlotSource,
  type SpacingPolicy,
  type VolumeGeometry,
  type VolumeGeometryOptions,
  volumeGeometry,
  voxelToPatient,
  voxelToPatientMatrix,
} from './volume/volume-geometry.js';
export { type VolumeStatistics, windowFromHistogram } from './volume/volume-statistics.js';
export { VolumeWasmLoader, type VolumeWasmOptions } from './wasm/volume-wasm.js';
