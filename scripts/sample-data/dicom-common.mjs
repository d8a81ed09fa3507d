// @ts-check
/**
 * The DICOM modules every sample object shares (patient, study, series, equipment, SOP common),
 * and the value formatting rules dcmjs does not enforce (DS length).
 */
import { uidFromSeed } from './uids.mjs';

/**
 * A DS (decimal string) of at most 16 characters, as PS3.5 requires. dcmjs would otherwise write
 * whatever String(x) gives (and warn), and the value a reader parses must be the value we
 * computed pixels with, so callers use `Number(formatDS(x))` when precision matters.
 * @param {number} value
 * @returns {string}
 */
export function formatDS(value) {
  if (!Number.isFinite(value)) throw new RangeError(`DS value must be finite, got ${value}`);
  if (Object.is(value, -0)) return '0';
  const plain = String(value);
  if (plain.length <= 16) return plain;
  for (let digits = 15; digits > 0; digits--) {
    for (const text of [String(Number(value.toPrecision(digits))), value.toExponential(digits - 1)]) {
      if (text.length <= 16) return text;
    }
  }
  throw new RangeError(`cannot write ${value} as a 16-character DS`);
}

/** Round to micrometres so positions print as short, exact-looking DS values. */
export const mm = (/** @type {number} */ value) => Math.round(value * 1e6) / 1e6;

/**
 * @typedef {object} StudyInfo
 * @property {string} key folder name and UID seed of the study
 * @property {string} patientName (0010,0010)
 * @property {string} patientId (0010,0020)
 * @property {string} patientSex (0010,0040)
 * @property {string} patientBirthDate (0010,0030)
 * @property {string} description (0008,1030)
 * @property {string} accessionNumber (0008,0050)
 * @property {string} studyDate (0008,0020)
 * @property {string} studyTime (0008,0030)
 * @property {string} studyInstanceUID (0020,000D)
 * @property {string} frameOfReferenceUID (0020,0052), shared by all series of the study
 */

/**
 * @param {Omit<StudyInfo, 'studyInstanceUID' | 'frameOfReferenceUID' | 'patientBirthDate' | 'studyTime'> & Partial<StudyInfo>} info
 * @returns {StudyInfo}
 */
export function makeStudy(info) {
  return {
    patientBirthDate: '19700101',
    studyTime: '090000',
    ...info,
    studyInstanceUID: uidFromSeed(`${info.key}/study`),
    frameOfReferenceUID: uidFromSeed(`${info.key}/frame-of-reference`),
  };
}

/** UID seeds of a series and its instances; variants append their syntax key. */
export const seriesUid = (/** @type {string} */ studyKey, /** @type {string} */ seriesKey) =>
  uidFromSeed(`${studyKey}/${seriesKey}/series`);
export const instanceUid = (
  /** @type {string} */ studyKey,
  /** @type {string} */ seriesKey,
  /** @type {number} */ instanceNumber,
) => uidFromSeed(`${studyKey}/${seriesKey}/instance/${instanceNumber}`);

/**
 * Patient, General Study, General Series, Frame of Reference, General Equipment, General Image and
 * SOP Common attributes of one instance.
 * @param {object} args
 * @param {StudyInfo} args.study
 * @param {string} args.seriesKey
 * @param {string} args.modality
 * @param {string} args.sopClassUID
 * @param {number} args.seriesNumber
 * @param {string} args.seriesDescription
 * @param {string} args.seriesTime HHMMSS
 * @param {number} args.instanceNumber
 * @param {string[]} [args.imageType]
 * @param {boolean} [args.frameOfReference] false for projection images, which have no patient frame
 * @returns {Record<string, unknown>}
 */
export function commonAttributes(args) {
  const { study } = args;
  /** @type {Record<string, unknown>} */
  const ds = {
    SpecificCharacterSet: 'ISO_IR 100',
    ImageType: args.imageType ?? ['ORIGINAL', 'PRIMARY'],
    InstanceCreationDate: study.studyDate,
    InstanceCreationTime: args.seriesTime,
    SOPClassUID: args.sopClassUID,
    SOPInstanceUID: instanceUid(study.key, args.seriesKey, args.instanceNumber),
    StudyDate: study.studyDate,
    SeriesDate: study.studyDate,
    ContentDate: study.studyDate,
    StudyTime: study.studyTime,
    SeriesTime: args.seriesTime,
    ContentTime: args.seriesTime,
    AccessionNumber: study.accessionNumber,
    Modality: args.modality,
    Manufacturer: 'Fovea',
    InstitutionName: 'Fovea Phantom Laboratory',
    ReferringPhysicianName: '',
    StationName: 'FOVEA-SIM',
    StudyDescription: study.description,
    SeriesDescription: args.seriesDescription,
    ManufacturerModelName: 'Fovea sample generator',
    PatientName: study.patientName,
    PatientID: study.patientId,
    PatientBirthDate: study.patientBirthDate,
    PatientSex: study.patientSex,
    DeviceSerialNumber: '0001',
    SoftwareVersions: 'fovea-sample-data 1',
    StudyInstanceUID: study.studyInstanceUID,
    SeriesInstanceUID: seriesUid(study.key, args.seriesKey),
    StudyID: '1',
    SeriesNumber: args.seriesNumber,
    InstanceNumber: args.instanceNumber,
  };
  if (args.frameOfReference !== false) {
    ds.FrameOfReferenceUID = study.frameOfReferenceUID;
    ds.PositionReferenceIndicator = '';
  }
  return ds;
}

/**
 * Image Pixel module attributes for a pixel format.
 * @param {import('./types.mjs').PixelFormat} f
 * @returns {Record<string, unknown>}
 */
export function imagePixelAttributes(f) {
  /** @type {Record<string, unknown>} */
  const ds = {
    SamplesPerPixel: f.samplesPerPixel,
    PhotometricInterpretation: f.photometric,
    Rows: f.rows,
    Columns: f.columns,
    BitsAllocated: f.bitsAllocated,
    BitsStored: f.bitsStored,
    HighBit: f.bitsStored - 1,
    PixelRepresentation: f.pixelRepresentation,
  };
  if (f.samplesPerPixel > 1) ds.PlanarConfiguration = 0;
  return ds;
}
