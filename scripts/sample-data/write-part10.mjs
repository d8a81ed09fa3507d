// @ts-check
/**
 * Writes DICOM Part 10 files with dcmjs: native pixel data (explicit VR little endian, the form
 * every external transcoder reads) and encapsulated pixel data (one fragment per frame plus a
 * Basic Offset Table), which the HTJ2K variants need because no Debian tool writes them correctly.
 */
import { dcmjs } from './dcmjs.mjs';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './uids.mjs';

const { DicomDict, DicomMetaDictionary } = dcmjs.data;

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** Attributes whose VR is US or SS depending on Pixel Representation ("xs" in the dictionary). */
const US_OR_SS = [
  'SmallestImagePixelValue',
  'LargestImagePixelValue',
  'SmallestPixelValueInSeries',
  'LargestPixelValueInSeries',
  'PixelPaddingValue',
  'PixelPaddingRangeLimit',
];

/**
 * @typedef {object} Part10Input
 * @property {Record<string, unknown>} dataset dcmjs naturalized data set, without PixelData
 * @property {Uint8Array[]} frames native: one buffer holding all frames; encapsulated: one
 *   compressed bitstream per frame (each becomes one fragment)
 * @property {string} [transferSyntaxUID] defaults to explicit VR little endian
 */

/**
 * Encodes a Part 10 file (128-byte preamble, DICM, meta header, data set).
 * @param {Part10Input} input
 * @returns {Uint8Array}
 */
export function encodePart10({ dataset, frames, transferSyntaxUID = EXPLICIT_VR_LITTLE_ENDIAN }) {
  /** @type {boolean} */
  const encapsulated = dcmjs.data.DicomMessage.isEncapsulated(transferSyntaxUID);
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: transferSyntaxUID,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  // dcmjs wants exactly-sized ArrayBuffers; a view into a larger buffer would write the whole buffer.
  const pixelData = frames.map((f) =>
    f.byteOffset === 0 && f.byteLength === f.buffer.byteLength ? f.buffer : f.slice().buffer,
  );
  // The dictionary lists these VRs as "xs"/"ox" (US or SS, OB or OW); _vrMap tells dcmjs which.
  const signed = dataset.PixelRepresentation === 1;
  /** @type {Record<string, string>} */
  const vrMap = { PixelData: !encapsulated && dataset.BitsAllocated === 16 ? 'OW' : 'OB' };
  for (const name of US_OR_SS) vrMap[name] = signed ? 'SS' : 'US';
  dict.dict = DicomMetaDictionary.denaturalizeDataset({ ...dataset, PixelData: pixelData, _vrMap: vrMap });
  return new Uint8Array(dict.write({ fragmentMultiframe: false }));
}
