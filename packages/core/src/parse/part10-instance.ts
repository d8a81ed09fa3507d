import type { DicomJsonDataset } from '../dicom-json/dicom-json.js';
import type { DicomInstance } from '../model/dicom-instance.js';
import type { PixelDescription } from '../pixel/pixel-description.js';

/**
 * A DICOM Part 10 file, read: its file meta information, its data set in the DICOM JSON model,
 * and access to each frame's stored bytes. Built by {@link readPart10}.
 */
export interface Part10Instance {
  /** (0002,0010) Transfer Syntax UID; guessed (implicit or explicit VR little endian) without file meta. */
  transferSyntaxUid: string;
  /** False when the file had no preamble and file meta information (the transfer syntax was guessed). */
  hasFileMeta: boolean;
  /** File meta information (group 0002) in the DICOM JSON model; empty without file meta. */
  fileMeta: DicomJsonDataset;
  /**
   * The data set in the DICOM JSON model. Binary values carry little-endian `bytes`; the pixel
   * data element is present without a value (use {@link Part10Instance.frame}).
   */
  dataset: DicomJsonDataset;
  /** The typed model (patient, study, series, per-frame geometry, LUTs…), equal to the one built from WADO-RS metadata. */
  instance: DicomInstance;
  /** The image pixel module, or `undefined` for objects without pixels (SR, PR, KO …). */
  pixel: PixelDescription | undefined;
  /** Frames in the pixel data: (0028,0008) Number of Frames, 1 when absent, 0 without pixels. */
  frameCount: number;
  /** VR of the pixel data element as stored (OB, OW, OF, OD); tells a decoder how to byte-swap big-endian data. */
  pixelDataVr: string | undefined;
  /** True when the pixel data is encapsulated (compressed frames in fragments). */
  encapsulated: boolean;
  /**
   * Frame `index` (0-based), a new buffer. Encapsulated: the frame's complete codestream,
   * fragments joined. Native: the bytes as stored (big-endian stays big-endian; deflated data sets
   * are inflated first), 1-bit frames re-aligned to start at bit 0. Throws `DicomParseError` with
   * `DICOM_FRAME_INDEX`, `DICOM_FRAME_LENGTH`, `DICOM_FRAME_LOCATION` or `DICOM_NO_PIXEL_DATA`.
   */
  frame(index: number): Uint8Array;
}
