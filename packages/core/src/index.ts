export type { DicomJsonAttribute, DicomJsonDataset } from './dicom-json/dicom-json.js';
export {
  DicomWebClient,
  type DicomWebClientOptions,
  type RequestOptions,
  type TokenProvider,
} from './dicomweb/dicomweb-client.js';
export { DicomWebError, type DicomWebErrorCode } from './dicomweb/dicomweb-error.js';
export { type StudyQuery, type StudySummary, searchForStudies } from './dicomweb/qido-studies.js';
export { FoveaError } from './errors/fovea-error.js';
export { nativeFrameByteLength, type PixelDescription } from './pixel/pixel-description.js';
